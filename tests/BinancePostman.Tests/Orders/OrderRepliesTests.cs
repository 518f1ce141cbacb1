using BinancePostman.Orders;
using Xunit;

namespace BinancePostman.Tests.Orders
{
    public class OrderRepliesTests
    {
        [Fact]
        public void ReferencePriceOfEachApi()
        {
            Assert.Equal(9.35751834m, OrderReplies.ReferencePrice("{\"mins\":5,\"price\":\"9.35751834\",\"closeTime\":1694061154503}", OrderApi.Spot, "BNBUSDT"));
            Assert.Equal(11793.63104562m, OrderReplies.ReferencePrice("{\"symbol\":\"BTCUSDT\",\"markPrice\":\"11793.63104562\",\"indexPrice\":\"11781.80495970\"}", OrderApi.UsdM, "BTCUSDT"));
            Assert.Equal(30001.5m, OrderReplies.ReferencePrice(
                "[{\"symbol\":\"BTCUSD_250926\",\"markPrice\":\"30500\"},{\"symbol\":\"BTCUSD_PERP\",\"markPrice\":\"30001.5\"}]", OrderApi.CoinM, "BTCUSD_PERP"));
            Assert.Null(OrderReplies.ReferencePrice("[]", OrderApi.CoinM, "BTCUSD_PERP"));
        }

        [Fact]
        public void OpenOrdersAreCountedByKind()
        {
            string json = "[{\"type\":\"LIMIT\",\"side\":\"BUY\",\"origQty\":\"1.5\",\"executedQty\":\"0.5\",\"icebergQty\":\"0.00000000\"}," +
                          "{\"type\":\"STOP_LOSS_LIMIT\",\"side\":\"SELL\",\"origQty\":\"1\",\"executedQty\":\"0\",\"icebergQty\":\"0.2\"}," +
                          "{\"type\":\"TAKE_PROFIT\",\"side\":\"BUY\",\"origQty\":\"2\",\"executedQty\":\"0\"}]";
            AccountLimits a = OrderReplies.OpenOrders(json, OrderApi.Spot, out decimal buys);
            Assert.Equal(3, a.OpenOrders);
            Assert.Equal(2, a.OpenAlgoOrders);
            Assert.Equal(1, a.OpenIcebergOrders);
            Assert.Equal(3m, buys);
            Assert.Equal(0, OrderReplies.OpenOrders("[{\"type\":\"STOP_LOSS\"}]", OrderApi.UsdM, out _).OpenAlgoOrders);
        }

        [Fact]
        public void BalanceIsFreePlusLocked()
        {
            string json = "{\"balances\":[{\"asset\":\"BNB\",\"free\":\"1.25000000\",\"locked\":\"0.75000000\"}]}";
            Assert.Equal(2m, OrderReplies.Balance(json, "BNB"));
            Assert.Equal(0m, OrderReplies.Balance(json, "BTC"));
        }
    }
}
