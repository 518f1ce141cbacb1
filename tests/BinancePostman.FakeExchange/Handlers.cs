using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace BinancePostman.FakeExchange
{
    /// <summary>The answers, in Binance's field names (prices as strings).</summary>
    public static class Handlers
    {
        private static readonly string[] Symbols = { "BTCUSDT", "BNBUSDT", "ETHUSDT" };

        public static object Time(ExchangeRequest r, ExchangeState s) => new { serverTime = s.Now };

        public static object Ping(ExchangeRequest r, ExchangeState s) => new { };

        public static object ExchangeInfo(ExchangeRequest r, ExchangeState s) => new
        {
            timezone = "UTC",
            serverTime = s.Now,
            // the limits the exchange enforces (configurable through /__fake/config)
            rateLimits = s.Limits.Weight.Select(w => new { rateLimitType = "REQUEST_WEIGHT", interval = w.Binance.interval, intervalNum = w.Binance.num, limit = w.Limit })
                .Concat(s.Limits.Orders.Select(w => new { rateLimitType = "ORDERS", interval = w.Binance.interval, intervalNum = w.Binance.num, limit = w.Limit })).ToArray(),
            symbols = SymbolRules.Select(r),
        };

        /// <summary>Spot's GET /api/v3/avgPrice.</summary>
        public static object AvgPrice(ExchangeRequest r, ExchangeState s) => new
        {
            mins = 5,
            price = Price(SymbolRules.ReferencePrice(r.Require("symbol"))),
            closeTime = s.Now,
        };

        /// <summary>Futures' mark price: USDs-M one object for a symbol (else all); Coin-M always an array.</summary>
        public static object PremiumIndex(ExchangeRequest r, ExchangeState s)
        {
            string? symbol = r.Get("symbol");
            bool coinM = r.Path.StartsWith("/dapi/", StringComparison.Ordinal);
            object Row(string sym) => new { symbol = sym, markPrice = Price(SymbolRules.ReferencePrice(sym)), indexPrice = Price(SymbolRules.ReferencePrice(sym)), time = s.Now };
            if (symbol != null)
            {
                if (!SymbolRules.ForPath(r.Path).Any(x => (string)x["symbol"] == symbol)) throw new ApiError(400, -1121, "Invalid symbol.");
                return coinM ? new[] { Row(symbol) } : Row(symbol);
            }
            return SymbolRules.ForPath(r.Path).Select(x => Row((string)x["symbol"])).ToArray();
        }

        public static object Depth(ExchangeRequest r, ExchangeState s)
        {
            Symbol(r);
            int limit = (int)(r.Long("limit") ?? 100);
            return new
            {
                lastUpdateId = 1027024,
                bids = Enumerable.Range(0, Math.Min(limit, 5)).Select(i => new[] { Price(20000m - i), "1.50000000" }).ToArray(),
                asks = Enumerable.Range(0, Math.Min(limit, 5)).Select(i => new[] { Price(20001m + i), "2.00000000" }).ToArray(),
            };
        }

        /// <summary>
        /// Spot and USDs-M klines run forward from startTime (limit up to 1000 and 1500); COIN-M answers the most
        /// recent rows of the range, which is up to 200 days from startTime when endTime is not sent, as Binance does.
        /// </summary>
        public static object Klines(ExchangeRequest r, ExchangeState s)
        {
            Symbol(r);
            int limit = (int)(r.Long("limit") ?? 500);
            int max = r.Path.StartsWith("/api/", StringComparison.Ordinal) ? 1000 : 1500;
            if (limit < 1 || limit > max) throw new ApiError(400, -1130, "Invalid data sent for a parameter.");
            string interval = r.Require("interval");
            long step = KlineSeries.IntervalMs(interval);
            long? start = r.Long("startTime"), end = r.Long("endTime");
            if (r.Fault?.Kind == "repeat" && start != null) start -= step;
            if (r.Fault?.Kind == "stale" && start != null) start -= step * limit;
            if (r.Fault?.Kind == "short") limit = Math.Max(1, limit / 2);
            if (r.Path.StartsWith("/dapi/", StringComparison.Ordinal) && start != null)
            {
                const long days200 = 200L * 86_400_000L;
                if (end != null && end.Value - start.Value > days200) throw new ApiError(400, -4123, "The time between startTime and endTime cannot be longer than 200 days.");
                return KlineSeries.MostRecent(interval, start.Value, end ?? start.Value + days200, limit, s.Now);
            }
            return KlineSeries.Page(interval, start, end, limit, s.Now);
        }

        public static object TickerPrice(ExchangeRequest r, ExchangeState s)
        {
            string? symbol = r.Get("symbol");
            if (symbol != null) return new { symbol = Symbol(r), price = Price(20000.5m) };
            return Symbols.Select(sym => new { symbol = sym, price = Price(20000.5m) }).ToArray();
        }

        /// <summary>A deterministic trade series: trade i at Epoch + i seconds; pages by fromId or time like Binance.</summary>
        public static object AggTrades(ExchangeRequest r, ExchangeState s)
        {
            Symbol(r);
            int limit = (int)(r.Long("limit") ?? 500);
            if (limit < 1 || limit > 1000) throw new ApiError(400, -1130, "Invalid data sent for a parameter.");
            long newest = (s.Now - KlineSeries.Epoch) / 1000;
            long? fromId = r.Long("fromId");
            long? start = r.Long("startTime");
            long? end = r.Long("endTime");
            long first = fromId ?? (start != null ? (start.Value - KlineSeries.Epoch + 999) / 1000 : newest - limit + 1);
            if (r.Fault?.Kind == "repeat") first -= 1;
            if (r.Fault?.Kind == "stale") first -= limit;
            if (r.Fault?.Kind == "short") limit = Math.Max(1, limit / 2);
            long lastId = Math.Min(newest, end != null ? (end.Value - KlineSeries.Epoch) / 1000 : long.MaxValue);
            var rows = new List<object>();
            for (long id = Math.Max(0, first); id <= lastId && rows.Count < limit; id++)
                rows.Add(new Dictionary<string, object> { ["a"] = id, ["p"] = Price(20000m + id % 100), ["q"] = "0.01000000", ["f"] = id * 2, ["l"] = id * 2 + 1, ["T"] = KlineSeries.Epoch + id * 1000, ["m"] = id % 2 == 0, ["M"] = true });
            return rows;
        }

        public static object Account(ExchangeRequest r, ExchangeState s) => new
        {
            makerCommission = 15,
            canTrade = true,
            canWithdraw = r.Key?.EnableWithdrawals ?? false,
            updateTime = s.Now,
            accountType = "SPOT",
            balances = new[] { new { asset = "BTC", free = "1.00000000", locked = "0.00000000" }, new { asset = "USDT", free = "10000.00000000", locked = "0.00000000" } },
            permissions = new[] { "SPOT" },
        };

        public static object NewOrder(ExchangeRequest r, ExchangeState s)
        {
            string symbol = Symbol(r);
            string side = r.Require("side");
            string type = r.Require("type");
            if (side != "BUY" && side != "SELL") throw new ApiError(400, -1100, "Illegal characters found in parameter 'side'.");
            if (r.Get("quantity") == null && r.Get("quoteOrderQty") == null) throw ApiError.Mandatory("quantity");
            long id = s.NextOrderId();
            string clientId = r.Get("newClientOrderId") ?? "fake" + id.ToString(CultureInfo.InvariantCulture);
            var order = new Dictionary<string, string>(r.Parameters) { ["orderId"] = id.ToString(CultureInfo.InvariantCulture), ["clientOrderId"] = clientId };
            s.Orders[clientId] = order;
            Streams.StreamHandlers.OrderPlaced(r, s, symbol, clientId, id, side, type);
            return OrderView(order, s.Now, type == "MARKET" ? "FILLED" : "NEW");
        }

        public static object TestOrder(ExchangeRequest r, ExchangeState s)
        {
            Symbol(r);
            r.Require("side");
            r.Require("type");
            return new { };
        }

        public static object QueryOrder(ExchangeRequest r, ExchangeState s) => OrderView(FindOrder(r, s), s.Now, "NEW");

        public static object CancelOrder(ExchangeRequest r, ExchangeState s)
        {
            var order = FindOrder(r, s);
            s.Orders.TryRemove(order["clientOrderId"], out _);
            return OrderView(order, s.Now, "CANCELED");
        }

        /// <summary>OCO, OTO and OTOCO lists: two orders under one list client id.</summary>
        public static object NewOrderList(ExchangeRequest r, ExchangeState s)
        {
            string symbol = Symbol(r);
            long listId = s.NextOrderId();
            string listClientId = r.Get("listClientOrderId") ?? "fakelist" + listId.ToString(CultureInfo.InvariantCulture);
            var orders = new List<object>();
            for (int i = 0; i < 2; i++)
            {
                long id = s.NextOrderId();
                string clientId = listClientId + "-" + i.ToString(CultureInfo.InvariantCulture);
                s.Orders[clientId] = new Dictionary<string, string>(r.Parameters) { ["orderId"] = id.ToString(CultureInfo.InvariantCulture), ["clientOrderId"] = clientId, ["type"] = "LIMIT", ["side"] = r.Get("side") ?? "SELL" };
                orders.Add(new { symbol, orderId = id, clientOrderId = clientId });
            }
            return new { orderListId = listId, contingencyType = "OCO", listStatusType = "EXEC_STARTED", listOrderStatus = "EXECUTING", listClientOrderId = listClientId, transactionTime = s.Now, symbol, orders };
        }

        /// <summary>Lowers an open order's quantity (PUT /api/v3/order/amend/keepPriority).</summary>
        public static object AmendOrder(ExchangeRequest r, ExchangeState s)
        {
            var order = FindOrder(r, s);
            order["quantity"] = r.Require("newQty");
            return new { transactTime = s.Now, executionId = s.NextOrderId(), amendedOrder = OrderView(order, s.Now, "NEW") };
        }

        public static object Transfer(ExchangeRequest r, ExchangeState s)
        {
            r.Require("type");
            r.Require("asset");
            r.Require("amount");
            return new { tranId = s.NextOrderId() };
        }

        /// <summary>The open orders, of one symbol when it is given (as Binance filters them).</summary>
        public static object OpenOrders(ExchangeRequest r, ExchangeState s)
        {
            string? symbol = r.Get("symbol");
            return s.Orders.Values.Where(o => symbol == null || o["symbol"] == symbol).Select(o => new
            {
                symbol = o["symbol"],
                orderId = long.Parse(o["orderId"], CultureInfo.InvariantCulture),
                clientOrderId = o["clientOrderId"],
                price = o.TryGetValue("price", out var p) ? p : "0.00000000",
                origQty = o.TryGetValue("quantity", out var q) ? q : "0.00000000",
                executedQty = "0.00000000",
                icebergQty = o.TryGetValue("icebergQty", out var i) ? i : "0.00000000",
                status = "NEW",
                type = o["type"],
                side = o["side"],
                time = s.Now,
            }).ToArray();
        }

        public static object ApiRestrictions(ExchangeRequest r, ExchangeState s) => new
        {
            ipRestrict = r.Key?.IpRestrict ?? false,
            createTime = KlineSeries.Epoch,
            enableReading = true,
            enableSpotAndMarginTrading = true,
            enableWithdrawals = r.Key?.EnableWithdrawals ?? false,
            enableInternalTransfer = false,
            enableMargin = false,
            enableFutures = false,
            permitsUniversalTransfer = false,
            enableVanillaOptions = false,
        };

        public static object Withdraw(ExchangeRequest r, ExchangeState s)
        {
            r.Require("coin");
            r.Require("address");
            r.Require("amount");
            return new { id = "fake-withdraw-" + s.NextOrderId().ToString(CultureInfo.InvariantCulture) };
        }

        /// <summary>For any other API path: what was received, so tests can check what a collection endpoint sent.</summary>
        public static object Echo(ExchangeRequest r, ExchangeState s) => new
        {
            method = r.Method,
            path = r.Path,
            query = r.RawQuery,
            body = r.RawBody,
            parameters = r.Parameters,
        };

        private static string Symbol(ExchangeRequest r)
        {
            string symbol = r.Require("symbol");
            if (!Symbols.Contains(symbol) && !symbol.Any(c => c > 127)) throw new ApiError(400, -1121, "Invalid symbol.");
            return symbol;
        }

        private static Dictionary<string, string> FindOrder(ExchangeRequest r, ExchangeState s)
        {
            Symbol(r);
            string? client = r.Get("origClientOrderId");
            string? id = r.Get("orderId");
            if (client == null && id == null) throw ApiError.Mandatory("orderId");
            var order = client != null
                ? (s.Orders.TryGetValue(client, out var o) ? o : null)
                : s.Orders.Values.FirstOrDefault(x => x["orderId"] == id);
            return order ?? throw new ApiError(400, -2013, "Order does not exist.");
        }

        private static object OrderView(Dictionary<string, string> o, long now, string status) => new
        {
            symbol = o["symbol"],
            orderId = long.Parse(o["orderId"], CultureInfo.InvariantCulture),
            clientOrderId = o["clientOrderId"],
            transactTime = now,
            price = o.TryGetValue("price", out var p) ? p : "0.00000000",
            origQty = o.TryGetValue("quantity", out var q) ? q : "0.00000000",
            status,
            type = o["type"],
            side = o["side"],
        };

        private static string Price(decimal d) => d.ToString("0.00000000", CultureInfo.InvariantCulture);
    }
}
