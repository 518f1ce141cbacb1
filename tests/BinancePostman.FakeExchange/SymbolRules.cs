using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.FakeExchange
{
    /// <summary>
    /// The symbols exchangeInfo lists, with their filters in Binance's shapes (strings with trailing zeros, limits as
    /// numbers): between them every spot filter type, the older spot ones, zeros that disable a rule, a symbol that
    /// does not trade, and the USDs-M and Coin-M filters. Also the reference prices (average and mark).
    /// </summary>
    public static class SymbolRules
    {
        private static Dictionary<string, object> F(string type, params (string name, object value)[] fields)
        {
            var d = new Dictionary<string, object> { ["filterType"] = type };
            foreach (var (name, value) in fields) d[name] = value;
            return d;
        }

        private static Dictionary<string, object> SpotSymbol(string symbol, string status, string[] orderTypes, bool iceberg, params Dictionary<string, object>[] filters) => new()
        {
            ["symbol"] = symbol,
            ["status"] = status,
            ["baseAsset"] = symbol[..^4],
            ["baseAssetPrecision"] = 8,
            ["quoteAsset"] = "USDT",
            ["quotePrecision"] = 8,
            ["quoteAssetPrecision"] = 8,
            ["orderTypes"] = orderTypes,
            ["icebergAllowed"] = iceberg,
            ["filters"] = filters,
        };

        private static readonly string[] AllSpotTypes = { "LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT" };
        private static readonly string[] FuturesTypes = { "LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET" };

        public static readonly IReadOnlyList<Dictionary<string, object>> Spot = new[]
        {
            // today's filter set
            SpotSymbol("BTCUSDT", "TRADING", AllSpotTypes, true,
                F("PRICE_FILTER", ("minPrice", "0.01000000"), ("maxPrice", "1000000.00000000"), ("tickSize", "0.01000000")),
                F("LOT_SIZE", ("minQty", "0.00001000"), ("maxQty", "9000.00000000"), ("stepSize", "0.00001000")),
                F("ICEBERG_PARTS", ("limit", 10)),
                F("MARKET_LOT_SIZE", ("minQty", "0.00000000"), ("maxQty", "100.00000000"), ("stepSize", "0.00000000")),
                F("TRAILING_DELTA", ("minTrailingAboveDelta", 10), ("maxTrailingAboveDelta", 2000), ("minTrailingBelowDelta", 10), ("maxTrailingBelowDelta", 2000)),
                F("PERCENT_PRICE_BY_SIDE", ("bidMultiplierUp", "5"), ("bidMultiplierDown", "0.2"), ("askMultiplierUp", "5"), ("askMultiplierDown", "0.2"), ("avgPriceMins", 5)),
                F("NOTIONAL", ("minNotional", "5.00000000"), ("applyMinToMarket", true), ("maxNotional", "9000000.00000000"), ("applyMaxToMarket", false), ("avgPriceMins", 5)),
                F("MAX_NUM_ORDERS", ("maxNumOrders", 200)),
                F("MAX_NUM_ALGO_ORDERS", ("maxNumAlgoOrders", 5)),
                F("MAX_NUM_ORDER_AMENDS", ("maxNumOrderAmends", 10))),
            // the older set, with small account limits
            SpotSymbol("BNBUSDT", "TRADING", new[] { "LIMIT", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT" }, true,
                F("PRICE_FILTER", ("minPrice", "0.10000000"), ("maxPrice", "100000.00000000"), ("tickSize", "0.10000000")),
                F("PERCENT_PRICE", ("multiplierUp", "1.3000"), ("multiplierDown", "0.7000"), ("avgPriceMins", 5)),
                F("LOT_SIZE", ("minQty", "0.00100000"), ("maxQty", "100000.00000000"), ("stepSize", "0.00100000")),
                F("MIN_NOTIONAL", ("minNotional", "10.00000000"), ("applyToMarket", true), ("avgPriceMins", 5)),
                F("ICEBERG_PARTS", ("limit", 10)),
                F("MARKET_LOT_SIZE", ("minQty", "0.01000000"), ("maxQty", "1000.00000000"), ("stepSize", "0.01000000")),
                F("MAX_NUM_ORDERS", ("maxNumOrders", 2)),
                F("MAX_NUM_ALGO_ORDERS", ("maxNumAlgoOrders", 1)),
                F("MAX_NUM_ICEBERG_ORDERS", ("maxNumIcebergOrders", 1)),
                F("MAX_POSITION", ("maxPosition", "10.00000000"))),
            // zeros: no minimum or maximum price
            SpotSymbol("ETHUSDT", "TRADING", AllSpotTypes, true,
                F("PRICE_FILTER", ("minPrice", "0.00000000"), ("maxPrice", "0.00000000"), ("tickSize", "0.01000000")),
                F("LOT_SIZE", ("minQty", "0.00010000"), ("maxQty", "9000.00000000"), ("stepSize", "0.00010000")),
                F("NOTIONAL", ("minNotional", "5.00000000"), ("applyMinToMarket", false), ("maxNotional", "0.00000000"), ("applyMaxToMarket", false), ("avgPriceMins", 5))),
            // a symbol in a trading break
            SpotSymbol("LUNAUSDT", "BREAK", AllSpotTypes, true,
                F("PRICE_FILTER", ("minPrice", "0.00000001"), ("maxPrice", "1000.00000000"), ("tickSize", "0.00000001")),
                F("LOT_SIZE", ("minQty", "1.00000000"), ("maxQty", "90000000.00000000"), ("stepSize", "1.00000000"))),
        };

        private static Dictionary<string, object> FuturesSymbol(string symbol, bool coinM, int pricePrecision, int quantityPrecision, params Dictionary<string, object>[] filters)
        {
            var d = new Dictionary<string, object>
            {
                ["symbol"] = symbol,
                ["pair"] = coinM ? symbol[..symbol.IndexOf('_')] : symbol,
                ["contractType"] = "PERPETUAL",
                [coinM ? "contractStatus" : "status"] = "TRADING",
                ["baseAsset"] = symbol[..3],
                ["quoteAsset"] = coinM ? "USD" : "USDT",
                ["pricePrecision"] = pricePrecision,
                ["quantityPrecision"] = quantityPrecision,
                ["orderTypes"] = FuturesTypes,
                ["filters"] = filters,
            };
            if (coinM) d["contractSize"] = 100;
            return d;
        }

        public static readonly IReadOnlyList<Dictionary<string, object>> UsdM = new[]
        {
            FuturesSymbol("BTCUSDT", false, 2, 3,
                F("PRICE_FILTER", ("minPrice", "556.80"), ("maxPrice", "4529764"), ("tickSize", "0.10")),
                F("LOT_SIZE", ("minQty", "0.001"), ("maxQty", "1000"), ("stepSize", "0.001")),
                F("MARKET_LOT_SIZE", ("minQty", "0.001"), ("maxQty", "120"), ("stepSize", "0.001")),
                F("MAX_NUM_ORDERS", ("limit", 200)),
                F("MAX_NUM_ALGO_ORDERS", ("limit", 10)),
                F("MIN_NOTIONAL", ("notional", "100")),
                F("PERCENT_PRICE", ("multiplierUp", "1.0500"), ("multiplierDown", "0.9500"), ("multiplierDecimal", "4"))),
            FuturesSymbol("ETHUSDT", false, 2, 3,
                F("PRICE_FILTER", ("minPrice", "39.86"), ("maxPrice", "306177"), ("tickSize", "0.01")),
                F("LOT_SIZE", ("minQty", "0.001"), ("maxQty", "10000"), ("stepSize", "0.001")),
                F("MARKET_LOT_SIZE", ("minQty", "0.001"), ("maxQty", "2000"), ("stepSize", "0.001")),
                F("MAX_NUM_ORDERS", ("limit", 200)),
                F("MIN_NOTIONAL", ("notional", "20")),
                F("PERCENT_PRICE", ("multiplierUp", "1.0500"), ("multiplierDown", "0.9500"), ("multiplierDecimal", "4"))),
        };

        public static readonly IReadOnlyList<Dictionary<string, object>> CoinM = new[]
        {
            FuturesSymbol("BTCUSD_PERP", true, 1, 0,
                F("PRICE_FILTER", ("minPrice", "1000"), ("maxPrice", "4520958"), ("tickSize", "0.1")),
                F("LOT_SIZE", ("minQty", "1"), ("maxQty", "1000000"), ("stepSize", "1")),
                F("MARKET_LOT_SIZE", ("minQty", "1"), ("maxQty", "60000"), ("stepSize", "1")),
                F("MAX_NUM_ORDERS", ("limit", 200)),
                F("PERCENT_PRICE", ("multiplierUp", "1.0500"), ("multiplierDown", "0.9500"), ("multiplierDecimal", 4))),
        };

        /// <summary>Spot's average price and futures' mark price per symbol.</summary>
        public static readonly IReadOnlyDictionary<string, decimal> ReferencePrices = new Dictionary<string, decimal>
        {
            ["BTCUSDT"] = 20000m,
            ["BNBUSDT"] = 300m,
            ["ETHUSDT"] = 1500m,
            ["LUNAUSDT"] = 0.0001m,
            ["BTCUSD_PERP"] = 20000m,
        };

        public static IReadOnlyList<Dictionary<string, object>> ForPath(string path) =>
            path.StartsWith("/fapi/", StringComparison.Ordinal) ? UsdM : path.StartsWith("/dapi/", StringComparison.Ordinal) ? CoinM : Spot;

        /// <summary>Spot's ?symbol= and ?symbols=["A","B"]: those symbols, and -1121 for one that does not exist.</summary>
        public static IReadOnlyList<Dictionary<string, object>> Select(ExchangeRequest r)
        {
            IReadOnlyList<Dictionary<string, object>> all = ForPath(r.Path);
            if (!r.Path.StartsWith("/api/", StringComparison.Ordinal)) return all; // futures list every symbol whatever is asked
            string? one = r.Get("symbol");
            string? many = r.Get("symbols");
            if (one == null && many == null) return all;
            var wanted = one != null ? new[] { one } : many!.Trim('[', ']').Split(',').Select(s => s.Trim().Trim('"')).ToArray();
            var chosen = new List<Dictionary<string, object>>();
            foreach (string name in wanted)
                chosen.Add(all.FirstOrDefault(s => (string)s["symbol"] == name) ?? throw new ApiError(400, -1121, "Invalid symbol."));
            return chosen;
        }

        public static decimal ReferencePrice(string symbol) =>
            ReferencePrices.TryGetValue(symbol, out decimal price) ? price : throw new ApiError(400, -1121, "Invalid symbol.");
    }
}
