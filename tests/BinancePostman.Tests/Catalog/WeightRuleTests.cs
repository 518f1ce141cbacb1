using System.Collections.Generic;
using System.IO;
using System.Linq;
using BinancePostman.Session;
using BinancePostman.Catalog;
using BinancePostman.Http;
using Xunit;

namespace BinancePostman.Tests.Catalog
{
    public class WeightRuleTests
    {
        private static KeyValuePair<string, string>[] P(params string[] nameValue)
        {
            var list = new List<KeyValuePair<string, string>>();
            for (int i = 0; i + 1 < nameValue.Length; i += 2) list.Add(new KeyValuePair<string, string>(nameValue[i], nameValue[i + 1]));
            return list.ToArray();
        }

        private static int W(string text, params string[] nameValue) => WeightRule.Parse(text)!.Evaluate(P(nameValue));

        [Fact]
        public void ANumberIsTheWeightOfEveryRequest()
        {
            WeightRule rule = WeightRule.Parse("20")!;
            Assert.False(rule.IsFreeText);
            Assert.False(rule.DependsOnParameters);
            Assert.Equal(20, rule.Fallback);
            Assert.Equal(20, rule.Evaluate(P("symbol", "BTCUSDT", "limit", "5000")));
        }

        [Theory]
        [InlineData(null, 5)]
        [InlineData("1", 5)]
        [InlineData("100", 5)]
        [InlineData("101", 25)]
        [InlineData("500", 25)]
        [InlineData("1000", 50)]
        [InlineData("5000", 250)]
        public void TiersByLimitWithBinancesDefaultWhenLimitIsNotSent(string? limit, int expected)
        {
            const string depth = "5 for limit up to 100, 25 up to 500, 50 up to 1000, 250 up to 5000, default limit 100";
            Assert.Equal(expected, limit == null ? W(depth, "symbol", "BTCUSDT") : W(depth, "symbol", "BTCUSDT", "limit", limit));
        }

        [Theory]
        [InlineData(null, 5)] // futures klines default to 500 rows
        [InlineData("99", 1)]
        [InlineData("100", 2)]
        [InlineData("499", 2)]
        [InlineData("500", 5)]
        [InlineData("1000", 5)]
        [InlineData("1500", 10)]
        public void AboveCoversWhatTheLastTierDoesNot(string? limit, int expected)
        {
            const string klines = "1 for limit up to 99, 2 up to 499, 5 up to 1000, 10 above, default limit 500";
            Assert.Equal(expected, limit == null ? W(klines, "symbol", "BTCUSDT") : W(klines, "symbol", "BTCUSDT", "limit", limit));
        }

        [Fact]
        public void WithAndWithoutAParameter()
        {
            Assert.Equal(2, W("2 with symbol, 4 without", "symbol", "BTCUSDT"));
            Assert.Equal(4, W("2 with symbol, 4 without"));
            Assert.Equal(4, W("2 with symbol, 4 without", "symbols", "[\"BTCUSDT\",\"ETHUSDT\"]"));
            Assert.Equal(4, W("2 with symbol, 4 without", "symbol", "")); // an empty value is not sent
            Assert.Equal(5, W("20 without orderId, 5 with orderId", "symbol", "BTCUSDT", "orderId", "42"));
            Assert.Equal(20, W("20 without orderId, 5 with orderId", "symbol", "BTCUSDT"));
            Assert.Equal(20, W("1 without computeCommissionRates, 20 with computeCommissionRates", "computeCommissionRates", "true"));
            Assert.Equal(6, W("6 with SYMBOL, 80 without", "symbol", "BTCUSDT")); // names match in any case
        }

        [Fact]
        public void PerSymbolCountsASymbolsListAndStopsAtTheCap()
        {
            const string rolling = "4 per symbol, at most 200";
            Assert.Equal(4, W(rolling, "symbol", "BTCUSDT"));
            Assert.Equal(12, W(rolling, "symbols", "[\"BTCUSDT\",\"ETHUSDT\",\"BNBUSDT\"]"));
            string sixty = "[" + string.Join(",", Enumerable.Range(0, 60).Select(i => "\"S" + i + "\"")) + "]";
            Assert.Equal(200, W(rolling, "symbols", sixty));
            Assert.Equal(4, W(rolling)); // nothing named: one symbol's worth, not zero
        }

        [Fact]
        public void TiersBySymbolCountAfterPresenceAlternatives()
        {
            const string ticker24 = "2 with symbol, 80 without symbols, 2 for symbols up to 20, 40 up to 100, 80 above";
            string List(int n) => "[" + string.Join(",", Enumerable.Range(0, n).Select(i => "\"S" + i + "\"")) + "]";
            Assert.Equal(2, W(ticker24, "symbol", "BTCUSDT"));
            Assert.Equal(80, W(ticker24));
            Assert.Equal(2, W(ticker24, "symbols", List(20)));
            Assert.Equal(40, W(ticker24, "symbols", List(21)));
            Assert.Equal(40, W(ticker24, "symbols", List(100)));
            Assert.Equal(80, W(ticker24, "symbols", List(101)));
        }

        [Theory]
        [InlineData("2 for a single symbol; 80 when the symbol parameter is omitted", 2)]
        [InlineData("Adjusted based on the limit: 5", 5)]
        [InlineData("1 Parameters: symbol", 1)]
        public void FreeTextWeighsItsFirstNumber(string text, int expected)
        {
            WeightRule rule = WeightRule.Parse(text)!;
            Assert.True(rule.IsFreeText);
            Assert.Equal(expected, rule.Evaluate(P()));
            Assert.Equal(expected, rule.Evaluate(P("symbol", "BTCUSDT", "limit", "1000")));
        }

        [Fact]
        public void TextWithoutANumberIsNoRule()
        {
            Assert.Null(WeightRule.Parse(null));
            Assert.Null(WeightRule.Parse("  "));
            Assert.Null(WeightRule.Parse("depends on the limit"));
        }

        [Fact]
        public void DescriptionsGiveTheirWeightLineAsARule()
        {
            WeightRule rule = WeightParser.ParseRule("Returns the book.\n\nWeight(IP): 2 with symbol, 4 without\nMore text.")!;
            Assert.Equal("2 with symbol, 4 without", rule.Text);
            Assert.Equal(2, WeightParser.Parse("Weight(IP): 2 with symbol, 4 without"));
            Assert.Equal(7, WeightParser.Parse("Weight: `7`"));
            Assert.Null(WeightParser.ParseRule("No weight stated."));
        }

        private static List<Endpoint> Bundled()
        {
            var collections = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(Path.Combine(Fixtures.RepoRoot, "collections")), PostmanCollectionReader.ReadFile);
            Assert.Empty(collections.failed);
            return collections.loaded.SelectMany(c => c.Endpoints).ToList();
        }

        private static Endpoint Find(List<Endpoint> endpoints, string collection, string method, string path) =>
            endpoints.Single(e => e.Collection == collection && e.Method == method && e.Path == path);

        [Theory]
        [InlineData("Spot", "GET", "/api/v3/depth", "symbol=BTCUSDT", 5)]
        [InlineData("Spot", "GET", "/api/v3/depth", "symbol=BTCUSDT&limit=5000", 250)]
        [InlineData("Spot", "GET", "/api/v3/depth", "symbol=BTCUSDT&limit=500", 25)]
        [InlineData("Spot", "GET", "/api/v3/klines", "symbol=BTCUSDT&interval=1h&limit=1000", 2)]
        [InlineData("Spot", "GET", "/api/v3/aggTrades", "symbol=BTCUSDT", 4)]
        [InlineData("Spot", "GET", "/api/v3/exchangeInfo", "", 20)]
        [InlineData("Spot", "GET", "/api/v3/ticker/24hr", "", 80)]
        [InlineData("Spot", "GET", "/api/v3/ticker/24hr", "symbol=BTCUSDT", 2)]
        [InlineData("Spot", "GET", "/api/v3/ticker/price", "symbol=BTCUSDT", 2)]
        [InlineData("Spot", "GET", "/api/v3/ticker/price", "", 4)]
        [InlineData("Spot", "GET", "/api/v3/ticker", "symbols=[\"BTCUSDT\",\"ETHUSDT\"]", 8)]
        [InlineData("Spot", "GET", "/api/v3/openOrders", "", 80)]
        [InlineData("Spot", "GET", "/api/v3/openOrders", "symbol=BTCUSDT", 6)]
        [InlineData("Spot", "GET", "/api/v3/myTrades", "symbol=BTCUSDT", 20)]
        [InlineData("Spot", "GET", "/api/v3/myTrades", "symbol=BTCUSDT&orderId=7", 5)]
        [InlineData("Spot", "GET", "/api/v3/account", "", 20)]
        [InlineData("Spot", "POST", "/api/v3/order/test", "symbol=BTCUSDT&side=BUY&type=MARKET&computeCommissionRates=true", 20)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/klines", "symbol=BTCUSDT&interval=1h", 5)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/klines", "symbol=BTCUSDT&interval=1h&limit=1500", 10)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/klines", "symbol=BTCUSDT&interval=1h&limit=50", 1)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/depth", "symbol=BTCUSDT", 10)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/depth", "symbol=BTCUSDT&limit=1000", 20)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/ticker/24hr", "", 40)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/openOrders", "symbol=BTCUSDT", 1)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v3/account", "", 5)]
        [InlineData("Coin-M Futures", "GET", "/dapi/v1/klines", "symbol=BTCUSD_PERP&interval=1h&limit=200", 2)]
        [InlineData("Coin-M Futures", "GET", "/dapi/v1/aggTrades", "symbol=BTCUSD_PERP", 20)]
        [InlineData("Coin-M Futures", "GET", "/dapi/v1/userTrades", "pair=BTCUSD", 40)]
        [InlineData("Coin-M Futures", "GET", "/dapi/v1/userTrades", "symbol=BTCUSD_PERP", 20)]
        [InlineData("Coin-M Futures", "GET", "/dapi/v1/balance", "", 1)]
        [InlineData("USDs-M Futures", "GET", "/fapi/v1/premiumIndex", "", 10)]
        [InlineData("USDs-M Futures", "POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1", 1)] // 0 on the IP limit: reserved as 1
        public void BundledCatalogWeighsRequestsByTheirParameters(string collection, string method, string path, string query, int expected)
        {
            Endpoint endpoint = Find(Bundled(), collection, method, path);
            var values = query.Length == 0 ? new KeyValuePair<string, string>[0]
                : query.Split('&').Select(kv => kv.Split(new[] { '=' }, 2)).Select(kv => new KeyValuePair<string, string>(kv[0], kv[1])).ToArray();
            PreparedRequest request = RequestBuilder.Prepare(endpoint, "https://example.invalid", values);
            Assert.Equal(expected, request.Weight);
        }

        [Fact]
        public void EveryBundledWeightFollowsTheGrammar()
        {
            var free = Bundled().Where(e => e.WeightRule != null && e.WeightRule.IsFreeText).Select(e => e.QualifiedName + ": " + e.WeightRule!.Text).ToList();
            Assert.Empty(free);
        }
    }
}
