using System.IO;
using System.Linq;
using BinancePostman.Catalog;
using Xunit;

namespace BinancePostman.Tests.Catalog
{
    public class ParameterValuesTests
    {
        [Theory]
        [InlineData("BUY or SELL.", "BUY,SELL")]
        [InlineData("Buy/sell direction: SELL, BUY", "SELL,BUY")]
        [InlineData("Supported values: FULL or MINI.\nIf none provided, the default is FULL", "FULL,MINI")]
        [InlineData("Order type. Enum: `MARKET`, `LIMIT`", "MARKET,LIMIT")]
        [InlineData("stopPrice triggered by: \"MARK_PRICE\", \"CONTRACT_PRICE\". Default \"CONTRACT_PRICE\"", "MARK_PRICE,CONTRACT_PRICE")]
        [InlineData("\"5m\",\"15m\",\"30m\",\"1h\",\"2h\",\"4h\",\"6h\",\"12h\",\"1d\"", "5m,15m,30m,1h,2h,4h,6h,12h,1d")]
        [InlineData("Bar length: 1s (spot only), 1m, 3m, 1M.", "1s,1m,3m,1M")]
        [InlineData("How long the order stays open: GTC, IOC or FOK (GTX/GTD on futures).", "GTC,IOC,FOK")]
        public void ListsInDescriptionsAreValues(string description, string expected) =>
            Assert.Equal(expected.Split(','), ParameterValues.FromDescription(description));

        [Theory]
        [InlineData("Order type such as LIMIT or MARKET; on record queries, the kind of record.")]
        [InlineData("1: Add position margin，2: Reduce position margin")]
        [InlineData("1m, 1h, 1d, etc")]
        [InlineData("Trading pair or contract, e.g. BTCUSDT.")]
        [InlineData("Default BOTH for One-way Mode ; LONG or SHORT for Hedge Mode.")]
        [InlineData("")]
        [InlineData(null)]
        public void ProseIsNotAList(string? description) => Assert.Null(ParameterValues.FromDescription(description));

        private static Endpoint Bundled(string collectionFile, string name) =>
            PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.RepoRoot, "collections", collectionFile)).Endpoints.Single(e => e.Name == name);

        [Fact]
        public void BinanceEnumsFillInWhereTheCollectionHasNoList()
        {
            var spotOrder = ParameterValues.Of(Bundled("spot.postman_collection.json", "New Order (TRADE)"));
            Assert.Equal(new[] { "BUY", "SELL" }, spotOrder["side"]);
            Assert.Contains("LIMIT_MAKER", spotOrder["type"]);
            Assert.Equal(new[] { "GTC", "IOC", "FOK" }, spotOrder["timeInForce"]);
            Assert.False(spotOrder.ContainsKey("symbol"));

            var futuresOrder = ParameterValues.Of(Bundled("usds-m-futures.postman_collection.json", "New Order (TRADE)"));
            Assert.Contains("TRAILING_STOP_MARKET", futuresOrder["type"]);
            Assert.Contains("GTX", futuresOrder["timeInForce"]);
            Assert.Equal(new[] { "BOTH", "LONG", "SHORT" }, futuresOrder["positionSide"]);

            Assert.Equal("1s", ParameterValues.Of(Bundled("spot.postman_collection.json", "Kline/Candlestick Data"))["interval"][0]);
            Assert.DoesNotContain("1s", ParameterValues.Of(Bundled("usds-m-futures.postman_collection.json", "Kline/Candlestick Data"))["interval"]);
        }

        [Fact]
        public void TypeIsAnOrderTypeOnlyWhereOrdersArePlaced()
        {
            var snapshot = ParameterValues.Of(Bundled("spot.postman_collection.json", "Daily Account Snapshot (USER_DATA)"));
            Assert.True(!snapshot.TryGetValue("type", out var values) || !values.Contains("LIMIT"));
        }
    }
}
