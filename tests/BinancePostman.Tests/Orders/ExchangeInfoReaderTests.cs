using System.Linq;
using System.Text.Json;
using BinancePostman.Orders;
using Xunit;

namespace BinancePostman.Tests.Orders
{
    public class ExchangeInfoReaderTests
    {
        [Fact]
        public void ReadsEverySpotFilterTypeAsDecimals()
        {
            SymbolFilters btc = FilterSamples.SpotSymbol("BTCUSDT");
            Assert.Equal("TRADING", btc.Status);
            Assert.Equal("BTC", btc.BaseAsset);
            Assert.Equal(8, btc.QuantityPrecision);
            Assert.Equal(8, btc.PricePrecision);
            Assert.Equal(8, btc.QuoteQuantityPrecision);
            Assert.True(btc.IcebergAllowed);
            Assert.Contains("LIMIT_MAKER", btc.OrderTypes);

            Assert.Equal(0.01m, btc.Price!.Min);
            Assert.Equal(1000000m, btc.Price.Max);
            Assert.Equal(0.01m, btc.Price.Step);
            Assert.Equal(0m, btc.Price.GridOrigin);
            Assert.Equal(0.00001m, btc.LotSize!.Step);
            Assert.Equal(9000m, btc.LotSize.Max);
            Assert.False(btc.MarketLotSize!.HasStep);
            Assert.False(btc.MarketLotSize.HasMin);
            Assert.Equal(100m, btc.MarketLotSize.Max);
            Assert.Equal(10, btc.IcebergParts!.Limit);
            Assert.Equal(2000, btc.TrailingDelta!.MaxBelow);
            Assert.Equal(0.2m, btc.PercentPriceBySide!.AskMultiplierDown);
            Assert.Equal(5, btc.PercentPriceBySide.AveragePriceMinutes);
            Assert.Equal(5m, btc.Notional!.Min);
            Assert.Equal(9000000m, btc.Notional.Max);
            Assert.True(btc.Notional.ApplyMinToMarket);
            Assert.False(btc.Notional.ApplyMaxToMarket);
            Assert.Equal("maxNumOrders", btc.MaxNumOrders!.LimitName);
            Assert.Equal(200, btc.MaxNumOrders.Limit);
            Assert.Equal(5, btc.MaxNumAlgoOrders!.Limit);
            Assert.Equal(new[] { "MAX_NUM_ORDER_AMENDS" }, btc.OtherFilters);
            Assert.Equal(10, btc.FilterTypes.Count);

            SymbolFilters bnb = FilterSamples.SpotSymbol("BNBUSDT");
            Assert.Equal(1.3m, bnb.PercentPrice!.MultiplierUp);
            Assert.False(bnb.PercentPrice.BoundBySide);
            Assert.Equal("minNotional", bnb.MinNotional!.MinName);
            Assert.True(bnb.MinNotional.ApplyMinToMarket);
            Assert.Equal(5, bnb.MaxNumIcebergOrders!.Limit);
            Assert.Equal(10m, bnb.MaxPosition);
            Assert.False(bnb.IcebergAllowed);
        }

        [Fact]
        public void TrailingZerosInFiltersAreNormalizedWithoutChangingTheValue()
        {
            SymbolFilters btc = FilterSamples.SpotSymbol("BTCUSDT");
            Assert.Equal("0.01", btc.Price!.Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("0.00001", btc.LotSize!.Min.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void AnUnreadableFilterIsNamedNotGuessed()
        {
            SymbolFilters eth = FilterSamples.SpotSymbol("ETHUSDT");
            Assert.Null(eth.PercentPrice);
            Assert.Equal(new[] { "PERCENT_PRICE" }, eth.UnreadableFilters);
            Assert.Equal(new[] { "T_PLUS_SELL" }, eth.OtherFilters);
            Assert.Equal("BREAK", eth.Status);
        }

        [Fact]
        public void FuturesGridsStartAtTheMinimumAndNameTheirFields()
        {
            SymbolFilters btc = FilterSamples.UsdMSymbol("BTCUSDT");
            Assert.Equal(556.8m, btc.Price!.GridOrigin);
            Assert.Equal(0.001m, btc.LotSize!.GridOrigin);
            Assert.Equal("notional", btc.MinNotional!.MinName);
            Assert.Equal(100m, btc.MinNotional.Min);
            Assert.True(btc.MinNotional.ApplyMinToMarket);
            Assert.True(btc.PercentPrice!.BoundBySide);
            Assert.Equal("limit", btc.MaxNumOrders!.LimitName);
            Assert.Equal(10, btc.MaxNumAlgoOrders!.Limit);
            Assert.Equal(3, btc.QuantityPrecision);
            Assert.Equal(2, btc.PricePrecision);
            Assert.Null(btc.QuoteQuantityPrecision);
        }

        [Fact]
        public void CoinMReadsContractStatusAndHasNoNotional()
        {
            SymbolFilters perp = FilterSamples.CoinMSymbol("BTCUSD_PERP");
            Assert.Equal("TRADING", perp.Status);
            Assert.Null(perp.MinNotional);
            Assert.Null(perp.Notional);
            Assert.Equal(0, perp.QuantityPrecision);
            Assert.Equal(1m, perp.LotSize!.Step);
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("{\"timezone\":\"UTC\"}")]
        [InlineData("<html>")]
        public void ARepliesWithoutSymbolsIsAJsonError(string text)
        {
            Assert.ThrowsAny<JsonException>(() => ExchangeInfoReader.Read(text, OrderApi.Spot));
        }

        [Fact]
        public void ReadsEverySymbolOfTheReply()
        {
            Assert.Equal(new[] { "BTCUSDT", "BNBUSDT", "ETHUSDT" }, ExchangeInfoReader.Read(FilterSamples.Spot, OrderApi.Spot).Keys.ToArray());
        }
    }
}
