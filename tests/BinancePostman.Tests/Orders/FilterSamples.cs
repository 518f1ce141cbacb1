using BinancePostman.Orders;

namespace BinancePostman.Tests.Orders
{
    /// <summary>exchangeInfo replies in Binance's shapes (values as strings with trailing zeros, as Binance sends them).</summary>
    internal static class FilterSamples
    {
        public const string Spot = @"{
  ""timezone"": ""UTC"", ""serverTime"": 1700000000000, ""rateLimits"": [],
  ""symbols"": [
    { ""symbol"": ""BTCUSDT"", ""status"": ""TRADING"", ""baseAsset"": ""BTC"", ""baseAssetPrecision"": 8, ""quoteAsset"": ""USDT"",
      ""quotePrecision"": 8, ""quoteAssetPrecision"": 8, ""icebergAllowed"": true,
      ""orderTypes"": [""LIMIT"", ""LIMIT_MAKER"", ""MARKET"", ""STOP_LOSS"", ""STOP_LOSS_LIMIT"", ""TAKE_PROFIT"", ""TAKE_PROFIT_LIMIT""],
      ""filters"": [
        { ""filterType"": ""PRICE_FILTER"", ""minPrice"": ""0.01000000"", ""maxPrice"": ""1000000.00000000"", ""tickSize"": ""0.01000000"" },
        { ""filterType"": ""LOT_SIZE"", ""minQty"": ""0.00001000"", ""maxQty"": ""9000.00000000"", ""stepSize"": ""0.00001000"" },
        { ""filterType"": ""ICEBERG_PARTS"", ""limit"": 10 },
        { ""filterType"": ""MARKET_LOT_SIZE"", ""minQty"": ""0.00000000"", ""maxQty"": ""100.00000000"", ""stepSize"": ""0.00000000"" },
        { ""filterType"": ""TRAILING_DELTA"", ""minTrailingAboveDelta"": 10, ""maxTrailingAboveDelta"": 2000, ""minTrailingBelowDelta"": 10, ""maxTrailingBelowDelta"": 2000 },
        { ""filterType"": ""PERCENT_PRICE_BY_SIDE"", ""bidMultiplierUp"": ""5"", ""bidMultiplierDown"": ""0.2"", ""askMultiplierUp"": ""5"", ""askMultiplierDown"": ""0.2"", ""avgPriceMins"": 5 },
        { ""filterType"": ""NOTIONAL"", ""minNotional"": ""5.00000000"", ""applyMinToMarket"": true, ""maxNotional"": ""9000000.00000000"", ""applyMaxToMarket"": false, ""avgPriceMins"": 5 },
        { ""filterType"": ""MAX_NUM_ORDERS"", ""maxNumOrders"": 200 },
        { ""filterType"": ""MAX_NUM_ALGO_ORDERS"", ""maxNumAlgoOrders"": 5 },
        { ""filterType"": ""MAX_NUM_ORDER_AMENDS"", ""maxNumOrderAmends"": 10 }
      ] },
    { ""symbol"": ""BNBUSDT"", ""status"": ""TRADING"", ""baseAsset"": ""BNB"", ""baseAssetPrecision"": 8, ""quoteAsset"": ""USDT"",
      ""quoteAssetPrecision"": 8, ""icebergAllowed"": false, ""orderTypes"": [""LIMIT"", ""MARKET""],
      ""filters"": [
        { ""filterType"": ""PRICE_FILTER"", ""minPrice"": ""0.10000000"", ""maxPrice"": ""100000.00000000"", ""tickSize"": ""0.10000000"" },
        { ""filterType"": ""PERCENT_PRICE"", ""multiplierUp"": ""1.3000"", ""multiplierDown"": ""0.7000"", ""avgPriceMins"": 5 },
        { ""filterType"": ""LOT_SIZE"", ""minQty"": ""0.00100000"", ""maxQty"": ""100000.00000000"", ""stepSize"": ""0.00100000"" },
        { ""filterType"": ""MIN_NOTIONAL"", ""minNotional"": ""10.00000000"", ""applyToMarket"": true, ""avgPriceMins"": 5 },
        { ""filterType"": ""MARKET_LOT_SIZE"", ""minQty"": ""0.01000000"", ""maxQty"": ""1000.00000000"", ""stepSize"": ""0.01000000"" },
        { ""filterType"": ""MAX_NUM_ICEBERG_ORDERS"", ""maxNumIcebergOrders"": 5 },
        { ""filterType"": ""MAX_POSITION"", ""maxPosition"": ""10.00000000"" }
      ] },
    { ""symbol"": ""ETHUSDT"", ""status"": ""BREAK"", ""baseAsset"": ""ETH"", ""baseAssetPrecision"": 8, ""quoteAsset"": ""USDT"", ""quoteAssetPrecision"": 8,
      ""filters"": [
        { ""filterType"": ""PRICE_FILTER"", ""minPrice"": ""0.00000000"", ""maxPrice"": ""0.00000000"", ""tickSize"": ""0.00000000"" },
        { ""filterType"": ""LOT_SIZE"", ""minQty"": ""0.00010000"", ""maxQty"": ""9000.00000000"", ""stepSize"": ""0.00010000"" },
        { ""filterType"": ""T_PLUS_SELL"", ""endTime"": 0 },
        { ""filterType"": ""PERCENT_PRICE"", ""multiplierUp"": ""not a number"", ""multiplierDown"": ""0.2"", ""avgPriceMins"": 5 }
      ] }
  ] }";

        public const string UsdM = @"{
  ""timezone"": ""UTC"", ""serverTime"": 1700000000000, ""rateLimits"": [], ""exchangeFilters"": [],
  ""symbols"": [
    { ""symbol"": ""BTCUSDT"", ""pair"": ""BTCUSDT"", ""contractType"": ""PERPETUAL"", ""status"": ""TRADING"", ""baseAsset"": ""BTC"", ""quoteAsset"": ""USDT"",
      ""pricePrecision"": 2, ""quantityPrecision"": 3,
      ""orderTypes"": [""LIMIT"", ""MARKET"", ""STOP"", ""STOP_MARKET"", ""TAKE_PROFIT"", ""TAKE_PROFIT_MARKET"", ""TRAILING_STOP_MARKET""],
      ""filters"": [
        { ""filterType"": ""PRICE_FILTER"", ""minPrice"": ""556.80"", ""maxPrice"": ""4529764"", ""tickSize"": ""0.10"" },
        { ""filterType"": ""LOT_SIZE"", ""minQty"": ""0.001"", ""maxQty"": ""1000"", ""stepSize"": ""0.001"" },
        { ""filterType"": ""MARKET_LOT_SIZE"", ""minQty"": ""0.001"", ""maxQty"": ""120"", ""stepSize"": ""0.001"" },
        { ""filterType"": ""MAX_NUM_ORDERS"", ""limit"": 200 },
        { ""filterType"": ""MAX_NUM_ALGO_ORDERS"", ""limit"": 10 },
        { ""filterType"": ""MIN_NOTIONAL"", ""notional"": ""100"" },
        { ""filterType"": ""PERCENT_PRICE"", ""multiplierUp"": ""1.0500"", ""multiplierDown"": ""0.9500"", ""multiplierDecimal"": ""4"" }
      ] }
  ] }";

        public const string CoinM = @"{
  ""timezone"": ""UTC"", ""serverTime"": 1700000000000, ""rateLimits"": [], ""exchangeFilters"": [],
  ""symbols"": [
    { ""symbol"": ""BTCUSD_PERP"", ""pair"": ""BTCUSD"", ""contractType"": ""PERPETUAL"", ""contractStatus"": ""TRADING"", ""baseAsset"": ""BTC"", ""quoteAsset"": ""USD"",
      ""pricePrecision"": 1, ""quantityPrecision"": 0, ""contractSize"": 100,
      ""orderTypes"": [""LIMIT"", ""MARKET"", ""STOP"", ""STOP_MARKET"", ""TAKE_PROFIT"", ""TAKE_PROFIT_MARKET"", ""TRAILING_STOP_MARKET""],
      ""filters"": [
        { ""filterType"": ""PRICE_FILTER"", ""minPrice"": ""1000"", ""maxPrice"": ""4520958"", ""tickSize"": ""0.1"" },
        { ""filterType"": ""LOT_SIZE"", ""minQty"": ""1"", ""maxQty"": ""1000000"", ""stepSize"": ""1"" },
        { ""filterType"": ""MARKET_LOT_SIZE"", ""minQty"": ""1"", ""maxQty"": ""60000"", ""stepSize"": ""1"" },
        { ""filterType"": ""MAX_NUM_ORDERS"", ""limit"": 200 },
        { ""filterType"": ""PERCENT_PRICE"", ""multiplierUp"": ""1.0500"", ""multiplierDown"": ""0.9500"", ""multiplierDecimal"": 4 }
      ] }
  ] }";

        public static SymbolFilters SpotSymbol(string symbol) => ExchangeInfoReader.Read(Spot, OrderApi.Spot)[symbol];
        public static SymbolFilters UsdMSymbol(string symbol) => ExchangeInfoReader.Read(UsdM, OrderApi.UsdM)[symbol];
        public static SymbolFilters CoinMSymbol(string symbol) => ExchangeInfoReader.Read(CoinM, OrderApi.CoinM)[symbol];

        public static OrderRequest Order(string symbol, OrderSide side, string type, decimal? quantity = null, decimal? price = null) =>
            new OrderRequest(symbol, side, type) { Quantity = quantity, Price = price };
    }
}
