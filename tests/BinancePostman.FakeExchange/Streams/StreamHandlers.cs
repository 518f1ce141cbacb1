using System;
using System.Globalization;
using System.Linq;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>The REST side of user data: listenKeys (POST, PUT, DELETE) of fapi, dapi, eapi and papi; margin listen tokens.</summary>
    public static class StreamHandlers
    {
        private static string Api(ExchangeRequest r) => r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];

        /// <summary>The account's active key again (its validity extended), else a new one.</summary>
        public static object NewListenKey(ExchangeRequest r, ExchangeState s)
        {
            StreamHub hub = s.Streams;
            string api = Api(r);
            string apiKey = r.ApiKey!;
            long expires = s.Now + hub.Settings.ListenKeyValidityMs;
            ListenKeyRecord? active = hub.ListenKeys.Values.FirstOrDefault(k => k.Api == api && k.ApiKey == apiKey && !k.Deleted && k.ExpiresMs > s.Now);
            if (active != null)
            {
                active.ExpiresMs = expires;
                hub.Record($"POST {api} {active.Key} (active)");
                return new { listenKey = active.Key };
            }
            string key = hub.NewKey(64);
            hub.ListenKeys[key] = new ListenKeyRecord(key, api, apiKey, expires);
            hub.Record($"POST {api} {key}");
            return new { listenKey = key };
        }

        public static object KeepListenKey(ExchangeRequest r, ExchangeState s)
        {
            ListenKeyRecord key = Active(r, s);
            key.ExpiresMs = s.Now + s.Streams.Settings.ListenKeyValidityMs;
            key.KeepAlives++;
            s.Streams.Record($"PUT {key.Api} {key.Key}");
            return new { listenKey = key.Key };
        }

        public static object CloseListenKey(ExchangeRequest r, ExchangeState s)
        {
            ListenKeyRecord key = Active(r, s);
            key.Deleted = true;
            s.Streams.Record($"DELETE {key.Api} {key.Key}");
            return new { };
        }

        private static ListenKeyRecord Active(ExchangeRequest r, ExchangeState s)
        {
            string api = Api(r);
            string? named = r.Get("listenKey");
            ListenKeyRecord? key = s.Streams.ListenKeys.Values.FirstOrDefault(k => k.Api == api && k.ApiKey == r.ApiKey && !k.Deleted && k.ExpiresMs > s.Now && (named == null || k.Key == named));
            return key ?? throw new ApiError(400, -1125, "This listenKey does not exist.");
        }

        /// <summary>POST /sapi/v1/userListenToken: a token valid for validity ms (default and most: 24 hours).</summary>
        public static object NewListenToken(ExchangeRequest r, ExchangeState s)
        {
            long validity = r.Long("validity") ?? 24L * 3600 * 1000;
            if (validity > 24L * 3600 * 1000 || validity <= 0) throw new ApiError(400, -1130, "Data sent for parameter 'validity' is not valid.");
            string? symbol = r.Get("symbol");
            if (string.Equals(r.Get("isIsolated"), "TRUE", StringComparison.OrdinalIgnoreCase) && symbol == null) throw ApiError.Mandatory("symbol");
            string token = s.Streams.NewKey(70);
            long expires = s.Now + validity;
            s.Streams.ListenTokens[token] = new ListenTokenRecord(token, r.ApiKey!, expires, symbol);
            s.Streams.Record($"TOKEN margin {token} {validity.ToString(CultureInfo.InvariantCulture)}");
            return new { token, expirationTime = expires };
        }

        /// <summary>An order placed through REST reaches the account's user-data connections, as on Binance.</summary>
        public static void OrderPlaced(ExchangeRequest r, ExchangeState s, string symbol, string clientId, long orderId, string side, string type)
        {
            string qty = r.Get("quantity") ?? "0";
            string price = r.Get("price") ?? "0";
            string status = type == "MARKET" ? "FILLED" : "NEW";
            long now = s.Now;
            if (r.Path.StartsWith("/api/", StringComparison.Ordinal))
                s.Streams.Publish("spot", r.ApiKey!, socket => $"{{\"subscriptionId\":{socket.SubscriptionId},\"event\":{UserEvents.ExecutionReport(symbol, clientId, orderId, side, type, qty, price, status, now)}}}");
            else if (r.Path.StartsWith("/fapi/", StringComparison.Ordinal))
                s.Streams.Publish("fapi", r.ApiKey!, _ => UserEvents.OrderTradeUpdate(symbol, clientId, orderId, side, type, qty, price, status, now));
        }
    }
}
