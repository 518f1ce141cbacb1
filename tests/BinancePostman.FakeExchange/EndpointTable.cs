using System;
using System.Collections.Generic;
using BinancePostman.FakeExchange.Streams;

namespace BinancePostman.FakeExchange
{
    /// <summary>What the exchange serves: method and path to security type, weight and handler.</summary>
    public static class EndpointTable
    {
        public sealed record Route(string Security, int Weight, Func<ExchangeRequest, ExchangeState, object> Handle);

        private static readonly Dictionary<(string, string), Route> Routes = new Dictionary<(string, string), Route>
        {
            [("GET", "/api/v3/time")] = new Route("NONE", 1, Handlers.Time),
            [("GET", "/fapi/v1/time")] = new Route("NONE", 1, Handlers.Time),
            [("GET", "/dapi/v1/time")] = new Route("NONE", 1, Handlers.Time),
            [("GET", "/eapi/v1/time")] = new Route("NONE", 1, Handlers.Time),
            [("GET", "/api/v3/ping")] = new Route("NONE", 1, Handlers.Ping),
            [("GET", "/fapi/v1/ping")] = new Route("NONE", 1, Handlers.Ping),
            [("GET", "/api/v3/exchangeInfo")] = new Route("NONE", 20, Handlers.ExchangeInfo),
            [("GET", "/fapi/v1/exchangeInfo")] = new Route("NONE", 1, Handlers.ExchangeInfo),
            [("GET", "/dapi/v1/exchangeInfo")] = new Route("NONE", 1, Handlers.ExchangeInfo),
            [("GET", "/api/v3/avgPrice")] = new Route("NONE", 2, Handlers.AvgPrice),
            [("GET", "/fapi/v1/premiumIndex")] = new Route("NONE", 1, Handlers.PremiumIndex),
            [("GET", "/dapi/v1/premiumIndex")] = new Route("NONE", 10, Handlers.PremiumIndex),
            [("GET", "/fapi/v1/openOrders")] = new Route("USER_DATA", 1, Handlers.OpenOrders),
            [("GET", "/dapi/v1/openOrders")] = new Route("USER_DATA", 1, Handlers.OpenOrders),
            [("GET", "/api/v3/depth")] = new Route("NONE", 5, Handlers.Depth),
            [("GET", "/api/v3/klines")] = new Route("NONE", 2, Handlers.Klines),
            [("GET", "/api/v3/uiKlines")] = new Route("NONE", 2, Handlers.Klines),
            [("GET", "/fapi/v1/klines")] = new Route("NONE", 5, Handlers.Klines),
            [("GET", "/dapi/v1/klines")] = new Route("NONE", 5, Handlers.Klines),
            [("GET", "/api/v3/aggTrades")] = new Route("NONE", 4, Handlers.AggTrades),
            [("GET", "/fapi/v1/aggTrades")] = new Route("NONE", 20, Handlers.AggTrades),
            [("GET", "/dapi/v1/aggTrades")] = new Route("NONE", 20, Handlers.AggTrades),
            [("GET", "/api/v3/ticker/price")] = new Route("NONE", 2, Handlers.TickerPrice),
            [("GET", "/api/v3/account")] = new Route("USER_DATA", 20, Handlers.Account),
            [("GET", "/fapi/v3/account")] = new Route("USER_DATA", 5, Handlers.Account),
            [("POST", "/api/v3/order")] = new Route("TRADE", 1, Handlers.NewOrder),
            [("POST", "/fapi/v1/order")] = new Route("TRADE", 1, Handlers.NewOrder),
            [("POST", "/api/v3/order/test")] = new Route("TRADE", 1, Handlers.TestOrder),
            [("GET", "/api/v3/order")] = new Route("USER_DATA", 4, Handlers.QueryOrder),
            [("DELETE", "/api/v3/order")] = new Route("TRADE", 1, Handlers.CancelOrder),
            [("PUT", "/api/v3/order/amend/keepPriority")] = new Route("TRADE", 4, Handlers.AmendOrder),
            [("POST", "/api/v3/orderList/oco")] = new Route("TRADE", 1, Handlers.NewOrderList),
            [("POST", "/api/v3/orderList/oto")] = new Route("TRADE", 1, Handlers.NewOrderList),
            [("POST", "/api/v3/orderList/otoco")] = new Route("TRADE", 1, Handlers.NewOrderList),
            [("POST", "/sapi/v1/asset/transfer")] = new Route("USER_DATA", 900, Handlers.Transfer),
            [("POST", "/fapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.NewListenKey),
            [("PUT", "/fapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.KeepListenKey),
            [("DELETE", "/fapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.CloseListenKey),
            [("POST", "/dapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.NewListenKey),
            [("PUT", "/dapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.KeepListenKey),
            [("DELETE", "/dapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.CloseListenKey),
            [("POST", "/eapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.NewListenKey),
            [("PUT", "/eapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.KeepListenKey),
            [("DELETE", "/eapi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.CloseListenKey),
            [("POST", "/papi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.NewListenKey),
            [("PUT", "/papi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.KeepListenKey),
            [("DELETE", "/papi/v1/listenKey")] = new Route("USER_STREAM", 1, StreamHandlers.CloseListenKey),
            [("POST", "/sapi/v1/userListenToken")] = new Route("USER_STREAM", 1, StreamHandlers.NewListenToken),
            [("GET", "/papi/v1/time")] = new Route("NONE", 1, Handlers.Time),
            [("GET", "/api/v3/openOrders")] = new Route("USER_DATA", 6, Handlers.OpenOrders),
            [("GET", "/sapi/v1/account/apiRestrictions")] = new Route("USER_DATA", 1, Handlers.ApiRestrictions),
            [("POST", "/sapi/v1/capital/withdraw/apply")] = new Route("USER_DATA", 900, Handlers.Withdraw),
        };

        public static Route? Find(string method, string path, out bool pathKnown)
        {
            pathKnown = false;
            foreach (var key in Routes.Keys)
                if (string.Equals(key.Item2, path, StringComparison.Ordinal)) { pathKnown = true; break; }
            return Routes.TryGetValue((method, path), out Route? route) ? route : null;
        }

        public static bool IsApiPath(string path) =>
            path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/sapi/", StringComparison.Ordinal)
            || path.StartsWith("/fapi/", StringComparison.Ordinal) || path.StartsWith("/dapi/", StringComparison.Ordinal)
            || path.StartsWith("/eapi/", StringComparison.Ordinal) || path.StartsWith("/papi/", StringComparison.Ordinal)
            || path.StartsWith("/futures/", StringComparison.Ordinal) || path.StartsWith("/bapi/", StringComparison.Ordinal);
    }
}
