using BinancePostman.Output;
using Xunit;

namespace BinancePostman.Tests.Output
{
    public class PagePlanTests
    {
        [Theory]
        [InlineData("/api/v3/klines", "startTime", 1000, true)]
        [InlineData("/api/v3/uiKlines", "startTime", 1000, true)]
        [InlineData("/fapi/v1/klines", "startTime", 1500, true)]
        [InlineData("/fapi/v1/continuousKlines", "startTime", 1500, true)]
        [InlineData("/fapi/v1/markPriceKlines", "startTime", 1500, true)]
        [InlineData("/dapi/v1/indexPriceKlines", "startTime", 1500, true)]
        [InlineData("/dapi/v1/premiumIndexKlines", "startTime", 1500, true)]
        [InlineData("/eapi/v1/klines", "startTime", 1500, true)]
        [InlineData("/api/v3/aggTrades", "fromId", 1000, false)]
        [InlineData("/fapi/v1/aggTrades", "fromId", 1000, false)]
        [InlineData("/dapi/v1/aggTrades", "fromId", 1000, false)]
        [InlineData("/api/v3/historicalTrades", "fromId", 1000, false)]
        [InlineData("/fapi/v1/historicalTrades", "fromId", 500, false)]
        [InlineData("/eapi/v1/historicalTrades", "fromId", 500, false)]
        [InlineData("/api/v3/myTrades", "fromId", 1000, false)]
        [InlineData("/sapi/v1/margin/myTrades", "fromId", 1000, false)]
        [InlineData("/fapi/v1/userTrades", "fromId", 1000, false)]
        [InlineData("/dapi/v1/userTrades", "fromId", 1000, false)]
        [InlineData("/api/v3/allOrders", "orderId", 1000, false)]
        [InlineData("/fapi/v1/allOrders", "orderId", 1000, false)]
        [InlineData("/dapi/v1/allOrders", "orderId", 100, false)]
        [InlineData("/sapi/v1/margin/allOrders", "orderId", 500, false)]
        [InlineData("/eapi/v1/historyOrders", "orderId", 1000, false)]
        [InlineData("/papi/v1/um/allOrders", "orderId", 1000, false)]
        [InlineData("/papi/v1/cm/allOrders", "orderId", 100, false)]
        [InlineData("/papi/v1/margin/allOrders", "orderId", 500, false)]
        [InlineData("/papi/v1/um/userTrades", "fromId", 1000, false)]
        [InlineData("/papi/v1/cm/userTrades", "fromId", 1000, false)]
        [InlineData("/papi/v1/margin/myTrades", "fromId", 1000, false)]
        [InlineData("/papi/v1/um/conditional/allOrders", "strategyId", 1000, false)]
        [InlineData("/papi/v1/cm/conditional/allOrders", "strategyId", 1000, false)]
        [InlineData("/papi/v1/um/algo/allAlgoOrders", "algoId", 1000, false)]
        public void EachApiPagesByItsOwnCursorAndLimit(string path, string cursor, int maxLimit, bool byTime)
        {
            PagePlan plan = PagePlan.For(path)!;
            Assert.Equal(cursor, plan.CursorParameter);
            Assert.Equal(maxLimit, plan.MaxLimit);
            Assert.Equal(byTime, plan.ByTime);
            if (!byTime) Assert.Equal(new[] { "startTime", "endTime" }, plan.DropAfterFirstPage); // id paging: the time window goes with page 1 only
            if (!byTime) Assert.NotNull(plan.TimeKey);
            Assert.Equal(path.StartsWith("/dapi/") && byTime, plan.Windowed);
        }

        [Fact]
        public void FuturesUserTradesCannotPageByIdForOneOrder()
        {
            Assert.Equal("orderId", PagePlan.For("/fapi/v1/userTrades")!.ExcludesCursor);
            Assert.Equal("orderId", PagePlan.For("/dapi/v1/userTrades")!.ExcludesCursor);
            Assert.Null(PagePlan.For("/api/v3/myTrades")!.ExcludesCursor); // spot takes orderId and fromId together
            Assert.Equal("pair", PagePlan.For("/papi/v1/cm/userTrades")!.ExcludesCursor); // portfolio margin CM: pair and fromId exclude each other
        }

        [Theory]
        [InlineData("/api/v3/depth")]
        [InlineData("/api/v3/trades")]
        [InlineData("/sapi/v1/algo/futures/historicalOrders")]
        [InlineData("/papi/v1/um/openOrders")]
        [InlineData("/papi/v1/margin/allOrderList")]
        [InlineData("/papi/v1/cm/conditional/openOrders")]
        public void OthersDoNotPage(string path) => Assert.Null(PagePlan.For(path));

        [Fact]
        public void ACoinMWindowHoldsAtMostOnePage()
        {
            Assert.True(PagePlan.For("/dapi/v1/klines")!.Windowed);
            Assert.Equal(1000L + 1500 * 60_000L - 1, PagePlan.WindowEnd(1000, "1m", 1500, null));
            Assert.Equal(5000L, PagePlan.WindowEnd(1000, "1m", 1500, 5000));
            Assert.Equal(1000L + 10 * 28 * 86_400_000L - 1, PagePlan.WindowEnd(1000, "1M", 10, null));
            Assert.Equal(4 * 3_600_000L, PagePlan.IntervalMs("4h"));
            Assert.Null(PagePlan.IntervalMs("x"));
        }
    }
}
