using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>
    /// The WebSocket API (/ws-api/v3): userDataStream.subscribe.signature (the key known, its signature over the other
    /// parameters sorted by name, the timestamp within recvWindow: Binance's checks for HMAC, RSA and Ed25519 keys),
    /// userDataStream.subscribe.listenToken, userDataStream.unsubscribe. Events as {"subscriptionId":n,"event":{...}};
    /// eventStreamTerminated when a subscription ends (unsubscribed, its token expired).
    /// </summary>
    internal sealed class WebSocketApiSession : SocketSession
    {
        private long _nextSubscription;
        private long? _subscription;
        private long _tokenExpiresMs = long.MaxValue;
        private long _next;

        public WebSocketApiSession(HttpContext context, ExchangeState state)
            : base(context, state)
        {
        }

        protected override void Closed() => Hub.RemoveUserSocket(Socket);

        protected override async Task OnMessageAsync(string text)
        {
            string id = "null";
            try
            {
                using JsonDocument doc = JsonDocument.Parse(text);
                JsonElement root = doc.RootElement;
                if (root.TryGetProperty("id", out JsonElement idElement)) id = idElement.GetRawText();
                string method = root.TryGetProperty("method", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
                JsonElement parameters = root.TryGetProperty("params", out JsonElement p) ? p : default;
                switch (method)
                {
                    case "userDataStream.subscribe.signature":
                        await Reply(id, SubscribeSignature(parameters));
                        return;
                    case "userDataStream.subscribe.listenToken":
                        await Reply(id, SubscribeToken(parameters));
                        return;
                    case "ping":
                        await Reply(id, "{}");
                        return;
                    case "userDataStream.unsubscribe":
                        if (_subscription != null) await Terminate();
                        await Reply(id, "{}");
                        return;
                    default:
                        await Error(id, 400, -1100, $"Illegal characters found in parameter 'method'; legal range is '{method}'.");
                        return;
                }
            }
            catch (ApiError error)
            {
                await Error(id, error.Status, error.Code, error.Message);
            }
            catch (JsonException)
            {
                await Error(id, 400, -2, "Invalid JSON request.");
            }
        }

        private string SubscribeSignature(JsonElement parameters)
        {
            if (parameters.ValueKind != JsonValueKind.Object) throw ApiError.Mandatory("apiKey");
            var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
            string? signature = null;
            foreach (JsonProperty property in parameters.EnumerateObject())
            {
                string value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                if (property.Name == "signature") signature = value;
                else values[property.Name] = value;
            }
            string apiKey = values.TryGetValue("apiKey", out string? k) ? k : throw ApiError.Mandatory("apiKey");
            FakeKey key = State.Keys.Find(apiKey) ?? throw ApiError.KeyRejected();
            if (signature == null) throw ApiError.Mandatory("signature");
            string payload = string.Join("&", values.Select(v => v.Key + "=" + v.Value));
            if (!key.Verify(payload, signature)) throw ApiError.BadSignature();
            long timestamp = values.TryGetValue("timestamp", out string? ts) && long.TryParse(ts, NumberStyles.Integer, CultureInfo.InvariantCulture, out long t) ? t : throw ApiError.Mandatory("timestamp");
            decimal recvWindow = values.TryGetValue("recvWindow", out string? rw) ? decimal.Parse(rw, CultureInfo.InvariantCulture) : 5000;
            long now = State.Now;
            if (timestamp > now + 1000 || now - timestamp > recvWindow) throw ApiError.Timestamp();
            Hub.Record($"SUBSCRIBE spot {key.Type} {apiKey}");
            return Subscribe("spot", apiKey, long.MaxValue);
        }

        private string SubscribeToken(JsonElement parameters)
        {
            string? token = parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("listenToken", out JsonElement t) ? t.GetString() : null;
            if (token == null || !Hub.ListenTokens.TryGetValue(token, out ListenTokenRecord? record) || record.ExpiresMs <= State.Now)
                throw new ApiError(400, -1209, "Invalid listenToken.");
            Hub.Record($"SUBSCRIBE margin token {token}");
            return Subscribe("margin", record.ApiKey, record.ExpiresMs);
        }

        private string Subscribe(string api, string apiKey, long expiresMs)
        {
            long subscription = _nextSubscription++;
            _subscription = subscription;
            _tokenExpiresMs = expiresMs;
            Socket.Api = api;
            Socket.ApiKey = apiKey;
            Socket.Record.ApiKey = apiKey;
            Socket.SubscriptionId = subscription;
            int interval = Hub.Settings.UserEventIntervalMs;
            _next = interval > 0 ? State.Now / interval + 1 : 0;
            Hub.AddUserSocket(Socket);
            return $"{{\"subscriptionId\":{subscription}}}";
        }

        private async Task Terminate()
        {
            long? subscription = _subscription;
            _subscription = null;
            Socket.SubscriptionId = null;
            Hub.RemoveUserSocket(Socket);
            await Socket.SendAsync($"{{\"subscriptionId\":{subscription},\"event\":{{\"e\":\"eventStreamTerminated\",\"E\":{State.Now}}}}}");
        }

        private Task Reply(string id, string result) =>
            Socket.SendAsync($"{{\"id\":{id},\"status\":200,\"result\":{result},\"rateLimits\":[{{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000,\"count\":2}}]}}");

        private Task Error(string id, int status, int code, string message) =>
            Socket.SendAsync($"{{\"id\":{id},\"status\":{status},\"error\":{{\"code\":{code},\"msg\":{JsonSerializer.Serialize(message)}}}}}");

        protected override async Task SendLoopAsync()
        {
            while (!Stopping.IsCancellationRequested)
            {
                if (await TooOldAsync() || await ShutdownDueAsync()) return;
                if (_subscription is long subscription)
                {
                    if (State.Now >= _tokenExpiresMs)
                    {
                        Hub.Record("EXPIRED margin token");
                        await Terminate();
                        continue;
                    }
                    int interval = Hub.Settings.UserEventIntervalMs;
                    if (interval > 0)
                    {
                        long due = State.Now / interval;
                        for (; _next <= due && _subscription != null; _next++)
                        {
                            await Socket.SendAsync($"{{\"subscriptionId\":{subscription},\"event\":{UserEvents.Spot(_next, _next * interval)}}}", Stopping);
                            EventsSent++;
                            Socket.Record.EventsSent = EventsSent;
                            if (await FaultAsync(Shutdown)) return;
                        }
                    }
                    else if (await FaultAsync(Shutdown))
                    {
                        return;
                    }
                }
                await DelayAsync(Math.Max(Math.Min(Math.Min(Math.Max(Hub.Settings.UserEventIntervalMs, 1), 20), UntilCutMs()), 1), Stopping);
            }
        }

        private static string Shutdown(long now) => $"{{\"event\":{{\"e\":\"serverShutdown\",\"E\":{now}}}}}";

        protected override async Task<bool> OtherFaultAsync(StreamFault fault)
        {
            if (fault.Kind == "terminate" && _subscription != null) await Terminate();
            return false;
        }
    }
}
