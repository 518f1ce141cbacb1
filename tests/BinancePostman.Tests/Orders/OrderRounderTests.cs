using System.Collections.Generic;
using System.Linq;
using BinancePostman.Orders;
using Xunit;
using static BinancePostman.Tests.Orders.FilterSamples;

namespace BinancePostman.Tests.Orders
{
    public class OrderRounderTests
    {
        private static readonly SymbolFilters Btc = SpotSymbol("BTCUSDT");
        private static readonly SymbolFilters Bnb = SpotSymbol("BNBUSDT");
        private static readonly SymbolFilters FuturesBtc = UsdMSymbol("BTCUSDT");

        [Fact]
        public void QuantityDownAndABuysPriceDown()
        {
            OrderRequest r = OrderRounder.Round(Btc, Order("BTCUSDT", OrderSide.Buy, "LIMIT", 0.123456789m, 20000.019m), out List<ValueChange> changes);
            Assert.Equal(0.12345m, r.Quantity);
            Assert.Equal(20000.01m, r.Price);
            Assert.Equal(new[] { "quantity 0.123456789 -> 0.12345", "price 20000.019 -> 20000.01" }, changes.Select(c => c.ToString()));
            Assert.Equal("stepSize", changes[0].Rule);
            Assert.Equal("tickSize", changes[1].Rule);
        }

        [Fact]
        public void ASellsPriceAndStopPriceGoUp()
        {
            var order = new OrderRequest("BTCUSDT", OrderSide.Sell, "STOP_LOSS_LIMIT") { Quantity = 0.5m, Price = 20000.011m, StopPrice = 20100.001m };
            OrderRequest r = OrderRounder.Round(Btc, order, out _);
            Assert.Equal(20000.02m, r.Price);
            Assert.Equal(20100.01m, r.StopPrice);
            Assert.Equal(0.5m, r.Quantity);
        }

        [Fact]
        public void ValuesOnTheGridAreKeptAndLoseOnlyTheirTrailingZeros()
        {
            OrderRequest r = OrderRounder.Round(Btc, Order("BTCUSDT", OrderSide.Buy, "LIMIT", 0.00100000m, 20000.01000000m), out List<ValueChange> changes);
            Assert.Empty(changes);
            Assert.Equal("0.001", DecimalGrid.Format(r.Quantity!.Value));
            Assert.Equal("0.001", r.Quantity.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void FuturesGridFromTheMinimum()
        {
            OrderRequest r = OrderRounder.Round(FuturesBtc, Order("BTCUSDT", OrderSide.Sell, "LIMIT", 0.0109m, 20000.05m), out _);
            Assert.Equal(20000.1m, r.Price);
            Assert.Equal(0.010m, r.Quantity);
            OrderRequest b = OrderRounder.Round(FuturesBtc, Order("BTCUSDT", OrderSide.Buy, "LIMIT", 0.0109m, 20000.05m), out _);
            Assert.Equal(20000.0m, b.Price);
        }

        [Fact]
        public void MarketOrdersTakeTheCoarserMarketLotStep()
        {
            OrderRequest r = OrderRounder.Round(Bnb, Order("BNBUSDT", OrderSide.Sell, "MARKET", 0.0159m), out _);
            Assert.Equal(0.01m, r.Quantity);
            OrderRequest limit = OrderRounder.Round(Bnb, Order("BNBUSDT", OrderSide.Sell, "LIMIT", 0.0159m, 300m), out _);
            Assert.Equal(0.015m, limit.Quantity);
        }

        [Fact]
        public void QuoteOrderQtyGoesDownToTheQuotePrecision()
        {
            OrderRequest r = OrderRounder.Round(Btc, new OrderRequest("BTCUSDT", OrderSide.Buy, "MARKET") { QuoteOrderQty = 10.123456789m }, out List<ValueChange> changes);
            Assert.Equal(10.12345678m, r.QuoteOrderQty);
            Assert.Equal("quoteAssetPrecision", Assert.Single(changes).Rule);
        }

        [Fact]
        public void RoundingNeverMovesAValueIntoRangeSoTheCheckStillReportsIt()
        {
            // below the minimum quantity: rounding down cannot make it valid, and rounding up is not safe
            OrderRequest r = OrderRounder.Round(Btc, Order("BTCUSDT", OrderSide.Buy, "LIMIT", 0.000009m, 20000m), out _);
            Assert.Equal(0m, r.Quantity);
            Assert.Contains(OrderChecker.Check(Btc, r).Violations, v => v.Filter == "LOT_SIZE" && v.Kind == ViolationKind.BelowMinimum);
            // a buy above the maximum price stays above it
            OrderRequest p = OrderRounder.Round(Btc, Order("BTCUSDT", OrderSide.Buy, "LIMIT", 1m, 2000000.005m), out _);
            Assert.Equal(2000000m, p.Price);
            Assert.Contains(OrderChecker.Check(Btc, p).Violations, v => v.Filter == "PRICE_FILTER" && v.Kind == ViolationKind.AboveMaximum);
        }

        [Fact]
        public void RoundedValuesPassTheGridRules()
        {
            foreach (decimal q in new[] { 0.000011m, 0.1234567m, 12.3456789m, 8999.999999m })
                foreach (decimal p in new[] { 0.011m, 123.456m, 19999.999m })
                    foreach (OrderSide side in new[] { OrderSide.Buy, OrderSide.Sell })
                    {
                        OrderRequest r = OrderRounder.Round(Btc, Order("BTCUSDT", side, "LIMIT", q, p), out _);
                        var broken = OrderChecker.Check(Btc, r).Violations.Where(v => v.Kind == ViolationKind.OffStep || v.Kind == ViolationKind.TooPrecise);
                        Assert.Empty(broken);
                        Assert.True(r.Quantity <= q);
                        Assert.True(side == OrderSide.Buy ? r.Price <= p : r.Price >= p);
                    }
        }
    }
}
