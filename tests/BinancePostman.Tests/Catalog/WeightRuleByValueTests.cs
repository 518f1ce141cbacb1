using System.Collections.Generic;
using System.IO;
using System.Linq;
using BinancePostman.Catalog;
using BinancePostman.Http;
using Xunit;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>Weights that depend on a parameter's value (2026 margin order weights) and the 2026 default limits.</summary>
    public class WeightRuleByValueTests
    {
        private static int W(string text, params string[] nameValue)
        {
            var list = new List<KeyValuePair<string, string>>();
            for (int i = 0; i + 1 < nameValue.Length; i += 2) list.Add(new KeyValuePair<string, string>(nameValue[i], nameValue[i + 1]));
            return WeightRule.Parse(text)!.Evaluate(list);
        }

        [Theory]
        [InlineData(null, 6)]
        [InlineData("NO_SIDE_EFFECT", 6)]
        [InlineData("AUTO_REPAY", 6)]
        [InlineData("MARGIN_BUY", 1500)]
        [InlineData("auto_borrow_repay", 1500)]
        public void MarginOrdersWeighByTheirSideEffect(string? sideEffect, int expected)
        {
            const string rule = "6 unless sideEffectType is MARGIN_BUY or AUTO_BORROW_REPAY, 1500";
            Assert.False(WeightRule.Parse(rule)!.IsFreeText);
            Assert.Equal(6, WeightRule.Parse(rule)!.Fallback);
            Assert.Equal(expected, sideEffect == null ? W(rule, "symbol", "BTCUSDT") : W(rule, "symbol", "BTCUSDT", "sideEffectType", sideEffect));
            Assert.Equal(expected, sideEffect == null ? W("1500 when sideEffectType is MARGIN_BUY or AUTO_BORROW_REPAY, 6") : W("1500 when sideEffectType is MARGIN_BUY or AUTO_BORROW_REPAY, 6", "sideEffectType", sideEffect));
        }

        [Fact]
        public void TheBundledMarginOrderCarriesTheRule()
        {
            var spot = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.RepoRoot, "collections", "spot.postman_collection.json"));
            var order = spot.Endpoints.Single(e => e.Method == "POST" && e.Path == "/sapi/v1/margin/order");
            Assert.Equal(6, order.Weight);
            Assert.Equal(1500, order.WeightFor(new[] { new KeyValuePair<string, string>("sideEffectType", "MARGIN_BUY") }));
            Assert.Equal(750, spot.Endpoints.Single(e => e.Path == "/sapi/v1/margin/maxBorrowable").Weight);
        }

        [Fact]
        public void DefaultLimitsFollowBinances2026Figures()
        {
            Assert.Contains(RateLimitDefaults.For("api"), r => r.Kind == RateLimitKind.RawRequests && r.Limit == 300000 && r.ToString() == "RawRequests 300000/5M");
            var papi = RateLimitDefaults.For(RateLimitDefaults.PoolOf("/papi/v1/um/order"));
            Assert.Contains(papi, r => r.Kind == RateLimitKind.Weight && r.Limit == 6000 && r.ToString() == "Weight 6000/1M");
            Assert.Contains(papi, r => r.Kind == RateLimitKind.Orders && r.Limit == 1200 && r.ToString() == "Orders 1200/1M");
            Assert.Empty(RateLimitDefaults.For(RateLimitDefaults.PoolOf("/bapi/defi/v1/public/alpha-trade/klines")));
        }
    }
}
