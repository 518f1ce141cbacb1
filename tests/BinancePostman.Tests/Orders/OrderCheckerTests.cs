using System.Collections.Generic;
using System.Linq;
using BinancePostman.Orders;
using Xunit;
using static BinancePostman.Tests.Orders.FilterSamples;

namespace BinancePostman.Tests.Orders
{
    public class OrderCheckerTests
    {
        private static readonly SymbolFilters Btc = SpotSymbol("BTCUSDT");
        private static readonly SymbolFilters Bnb = SpotSymbol("BNBUSDT");
        private static readonly SymbolFilters Eth = SpotSymbol("ETHUSDT");
        private static readonly SymbolFilters FuturesBtc = UsdMSymbol("BTCUSDT");
        private static readonly SymbolFilters Perp = CoinMSymbol("BTCUSD_PERP");

        private static List<OrderViolation> Violations(SymbolFilters f, OrderRequest o, decimal? reference = null, AccountLimits? account = null) =>
            OrderChecker.Check(f, o, reference, account).Violations;

        private static OrderViolation Only(SymbolFilters f, OrderRequest o, string filter, decimal? reference = null, AccountLimits? account = null) =>
            Assert.Single(Violations(f, o, reference, account), v => v.Filter == filter);

        private static void None(SymbolFilters f, OrderRequest o, string filter, decimal? reference = null, AccountLimits? account = null) =>
            Assert.DoesNotContain(Violations(f, o, reference, account), v => v.Filter == filter);

        private static OrderRequest Limit(SymbolFilters f, OrderSide side, decimal quantity, decimal price) => Order(f.Symbol, side, "LIMIT", quantity, price);

        // ---- PRICE_FILTER

        [Theory]
        [InlineData("0.01")]
        [InlineData("0.01000000")]
        [InlineData("1000000")]
        [InlineData("1000000.00000000")]
        [InlineData("20000.01")]
        public void PriceAtTheBoundsAndOnTheTickPasses(string price)
        {
            None(Btc, Limit(Btc, OrderSide.Buy, 1m, decimal.Parse(price)), "PRICE_FILTER");
        }

        [Fact]
        public void PriceBelowTheMinimumNamesTheMinimumAsNearest()
        {
            OrderViolation v = Only(Btc, Limit(Btc, OrderSide.Buy, 1000m, 0.00999999m), "PRICE_FILTER");
            Assert.Equal(ViolationKind.BelowMinimum, v.Kind);
            Assert.Equal(OrderFields.Price, v.Field);
            Assert.Equal("minPrice", v.Rule);
            Assert.Equal(0.01m, v.Bound);
            Assert.Equal(0.01m, v.NearestAbove);
            Assert.Null(v.NearestBelow);
            Assert.Equal(OrderFields.Price, v.Adjust);
        }

        [Fact]
        public void PriceAboveTheMaximum()
        {
            OrderViolation v = Only(Btc, Limit(Btc, OrderSide.Sell, 0.001m, 1000000.01m), "PRICE_FILTER");
            Assert.Equal(ViolationKind.AboveMaximum, v.Kind);
            Assert.Equal("maxPrice", v.Rule);
            Assert.Equal(1000000m, v.NearestBelow);
            Assert.Null(v.NearestAbove);
        }

        [Fact]
        public void PriceOffTheTickGivesBothNeighbours()
        {
            OrderViolation v = Only(Btc, Limit(Btc, OrderSide.Buy, 1m, 20000.005m), "PRICE_FILTER");
            Assert.Equal(ViolationKind.OffStep, v.Kind);
            Assert.Equal("tickSize", v.Rule);
            Assert.Equal(0.01m, v.Bound);
            Assert.Equal(20000m, v.NearestBelow);
            Assert.Equal(20000.01m, v.NearestAbove);
        }

        [Fact]
        public void StopPriceIsCheckedByThePriceFilterToo()
        {
            var order = new OrderRequest("BTCUSDT", OrderSide.Sell, "STOP_LOSS") { Quantity = 1m, StopPrice = 19999.999m };
            OrderViolation v = Only(Btc, order, "PRICE_FILTER");
            Assert.Equal(OrderFields.StopPrice, v.Field);
            Assert.Equal(19999.99m, v.NearestBelow);
        }

        [Fact]
        public void ZeroInThePriceFilterMeansNoLimit()
        {
            None(Eth, Limit(Eth, OrderSide.Buy, 1m, 0.00000001m), "PRICE_FILTER");
            None(Eth, Limit(Eth, OrderSide.Buy, 1m, 987654321.12345678m), "PRICE_FILTER");
        }

        [Fact]
        public void FuturesTicksCountFromTheMinimumPrice()
        {
            // minPrice 556.80, tickSize 0.10: 20000.05 is off the grid, 20000.10 on it
            OrderViolation v = Only(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.01m, 20000.05m), "PRICE_FILTER");
            Assert.Equal(20000.0m, v.NearestBelow);
            Assert.Equal(20000.1m, v.NearestAbove);
            None(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.01m, 20000.10m), "PRICE_FILTER");
            None(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.01m, 556.80m), "PRICE_FILTER");
            Assert.Equal(ViolationKind.BelowMinimum, Only(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 1m, 556.7m), "PRICE_FILTER").Kind);
        }

        // ---- LOT_SIZE and MARKET_LOT_SIZE

        [Theory]
        [InlineData("0.00001")]
        [InlineData("0.00001000")]
        [InlineData("9000")]
        [InlineData("0.00100000")]
        public void QuantityAtTheBoundsAndOnTheStepPasses(string quantity)
        {
            None(Btc, Limit(Btc, OrderSide.Buy, decimal.Parse(quantity), 20000m), "LOT_SIZE");
        }

        [Theory]
        [InlineData("0.000009", ViolationKind.BelowMinimum, "minQty", null, "0.00001")]
        [InlineData("9000.00001", ViolationKind.AboveMaximum, "maxQty", "9000", null)]
        [InlineData("0.000015", ViolationKind.OffStep, "stepSize", "0.00001", "0.00002")]
        [InlineData("0.12345678", ViolationKind.OffStep, "stepSize", "0.12345", "0.12346")]
        public void QuantityOutsideTheLotSize(string quantity, ViolationKind kind, string rule, string? below, string? above)
        {
            OrderViolation v = Only(Btc, Limit(Btc, OrderSide.Buy, decimal.Parse(quantity), 100000m), "LOT_SIZE");
            Assert.Equal(kind, v.Kind);
            Assert.Equal(rule, v.Rule);
            Assert.Equal(below == null ? (decimal?)null : decimal.Parse(below), v.NearestBelow);
            Assert.Equal(above == null ? (decimal?)null : decimal.Parse(above), v.NearestAbove);
        }

        [Fact]
        public void IcebergQuantityIsCheckedByTheLotSize()
        {
            var order = Limit(Btc, OrderSide.Buy, 1m, 20000m);
            order.IcebergQty = 0.100005m;
            OrderViolation v = Only(Btc, order, "LOT_SIZE");
            Assert.Equal(OrderFields.IcebergQty, v.Field);
        }

        [Fact]
        public void MarketLotSizeAppliesToMarketOrdersOnlyAndItsZeroStepIsNoStep()
        {
            None(Btc, Order("BTCUSDT", OrderSide.Buy, "MARKET", 100m), "MARKET_LOT_SIZE", 20000m);
            OrderViolation v = Only(Btc, Order("BTCUSDT", OrderSide.Buy, "MARKET", 100.00001m), "MARKET_LOT_SIZE", 20000m);
            Assert.Equal(ViolationKind.AboveMaximum, v.Kind);
            Assert.Equal(100m, v.NearestBelow);
            None(Btc, Limit(Btc, OrderSide.Buy, 100.00001m, 20000m), "MARKET_LOT_SIZE");

            Assert.Equal(ViolationKind.BelowMinimum, Only(Bnb, Order("BNBUSDT", OrderSide.Sell, "MARKET", 0.005m), "MARKET_LOT_SIZE", 300m).Kind);
            OrderViolation step = Only(Bnb, Order("BNBUSDT", OrderSide.Sell, "MARKET", 0.015m), "MARKET_LOT_SIZE", 300m);
            Assert.Equal(ViolationKind.OffStep, step.Kind);
            Assert.Equal(0.01m, step.NearestBelow);
            Assert.Equal(0.02m, step.NearestAbove);
        }

        [Fact]
        public void CoinMQuantitiesAreWholeContracts()
        {
            OrderViolation v = Only(Perp, Limit(Perp, OrderSide.Buy, 1.5m, 30000m), "LOT_SIZE");
            Assert.Equal(1m, v.NearestBelow);
            Assert.Equal(2m, v.NearestAbove);
            Assert.Equal(ViolationKind.AboveMaximum, Only(Perp, Order("BTCUSD_PERP", OrderSide.Buy, "MARKET", 60001m), "MARKET_LOT_SIZE").Kind);
            // no notional filter on Coin-M: a market order needs no reference price
            Assert.DoesNotContain(OrderChecker.Check(Perp, Order("BTCUSD_PERP", OrderSide.Buy, "MARKET", 1m)).NotChecked, u => u.Reason == UncheckedReason.NeedsReferencePrice);
        }

        // ---- PERCENT_PRICE, PERCENT_PRICE_BY_SIDE

        [Fact]
        public void PercentPriceIsCheckedAgainstTheReferenceAtItsExactBounds()
        {
            // average 300: 300 x 1.3 = 390, 300 x 0.7 = 210
            None(Bnb, Limit(Bnb, OrderSide.Buy, 1m, 390m), "PERCENT_PRICE", 300m);
            None(Bnb, Limit(Bnb, OrderSide.Sell, 1m, 210.0m), "PERCENT_PRICE", 300m);
            OrderViolation up = Only(Bnb, Limit(Bnb, OrderSide.Sell, 1m, 390.1m), "PERCENT_PRICE", 300m);
            Assert.Equal(ViolationKind.AboveMaximum, up.Kind);
            Assert.Equal("multiplierUp", up.Rule);
            Assert.Equal(390m, up.Bound);
            Assert.Equal(390m, up.NearestBelow);
            Assert.Equal(300m, up.AtPrice);
            OrderViolation down = Only(Bnb, Limit(Bnb, OrderSide.Buy, 1m, 209.9m), "PERCENT_PRICE", 300m);
            Assert.Equal(ViolationKind.BelowMinimum, down.Kind);
            Assert.Equal(210m, down.NearestAbove);
        }

        [Fact]
        public void PercentPriceBoundsFallOntoTheTickOnTheInnerSide()
        {
            // 300.05 x 1.3 = 390.065: the highest valid price on the 0.1 tick is 390.0
            OrderViolation v = Only(Bnb, Limit(Bnb, OrderSide.Buy, 1m, 390.1m), "PERCENT_PRICE", 300.05m);
            Assert.Equal(390.065m, v.Bound);
            Assert.Equal(390.0m, v.NearestBelow);
        }

        [Fact]
        public void WithoutAReferencePricePercentPriceIsNamedAsNotChecked()
        {
            OrderCheckResult result = OrderChecker.Check(Bnb, Limit(Bnb, OrderSide.Buy, 1m, 9999m));
            Assert.DoesNotContain(result.Violations, v => v.Filter == "PERCENT_PRICE");
            Assert.Contains(result.NotChecked, u => u.Filter == "PERCENT_PRICE" && u.Reason == UncheckedReason.NeedsReferencePrice);
        }

        [Fact]
        public void PercentPriceBySideUsesBidForBuysAndAskForSells()
        {
            // average 20000: bids within 4000..100000, asks within 4000..100000 (same multipliers, different names)
            None(Btc, Limit(Btc, OrderSide.Buy, 0.001m, 100000m), "PERCENT_PRICE_BY_SIDE", 20000m);
            Assert.Equal("bidMultiplierUp", Only(Btc, Limit(Btc, OrderSide.Buy, 0.001m, 100000.01m), "PERCENT_PRICE_BY_SIDE", 20000m).Rule);
            OrderViolation sell = Only(Btc, Limit(Btc, OrderSide.Sell, 0.01m, 3999.99m), "PERCENT_PRICE_BY_SIDE", 20000m);
            Assert.Equal("askMultiplierDown", sell.Rule);
            Assert.Equal(4000m, sell.NearestAbove);
        }

        [Fact]
        public void FuturesPercentPriceBoundsBuysAboveAndSellsBelow()
        {
            // mark 20000: a buy at most 21000, a sell at least 19000
            None(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.01m, 21000.0m), "PERCENT_PRICE", 20000m);
            Assert.Equal(ViolationKind.AboveMaximum, Only(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.01m, 21000.1m), "PERCENT_PRICE", 20000m).Kind);
            None(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.01m, 10000m), "PERCENT_PRICE", 20000m);
            None(FuturesBtc, Limit(FuturesBtc, OrderSide.Sell, 0.01m, 30000m), "PERCENT_PRICE", 20000m);
            OrderViolation sell = Only(FuturesBtc, Limit(FuturesBtc, OrderSide.Sell, 0.01m, 18999.9m), "PERCENT_PRICE", 20000m);
            Assert.Equal("multiplierDown", sell.Rule);
            Assert.Equal(19000m, sell.NearestAbove);
        }

        // ---- NOTIONAL, MIN_NOTIONAL

        [Fact]
        public void NotionalAtItsExactMinimumPassesAndBelowNamesTheQuantityToReachIt()
        {
            None(Btc, Limit(Btc, OrderSide.Buy, 0.0001m, 50000m), "NOTIONAL");
            None(Btc, Limit(Btc, OrderSide.Buy, 0.00010000m, 50000.00000000m), "NOTIONAL");
            OrderViolation v = Only(Btc, Limit(Btc, OrderSide.Buy, 0.00009m, 50000m), "NOTIONAL");
            Assert.Equal(ViolationKind.BelowMinimum, v.Kind);
            Assert.Equal(OrderFields.Notional, v.Field);
            Assert.Equal(4.5m, v.Value);
            Assert.Equal("minNotional", v.Rule);
            Assert.Equal(5m, v.Bound);
            Assert.Equal(OrderFields.Quantity, v.Adjust);
            Assert.Equal(0.0001m, v.NearestAbove);
            Assert.Equal(50000m, v.AtPrice);
        }

        [Fact]
        public void NotionalMaximumForLimitOrders()
        {
            None(Btc, Limit(Btc, OrderSide.Sell, 9m, 1000000m), "NOTIONAL");
            OrderViolation v = Only(Btc, Limit(Btc, OrderSide.Sell, 9.00001m, 1000000m), "NOTIONAL");
            Assert.Equal(ViolationKind.AboveMaximum, v.Kind);
            Assert.Equal("maxNotional", v.Rule);
            Assert.Equal(9m, v.NearestBelow);
        }

        [Fact]
        public void MarketOrdersUseTheReferencePriceAndTheApplyToMarketFlags()
        {
            OrderViolation v = Only(Btc, Order("BTCUSDT", OrderSide.Buy, "MARKET", 0.0002m), "NOTIONAL", 20000m);
            Assert.Equal(4m, v.Value);
            Assert.Equal(0.00025m, v.NearestAbove);
            Assert.Equal(20000m, v.AtPrice);
            // applyMaxToMarket is false: 50 x 200000 = 10,000,000 is above maxNotional but not checked for market orders
            None(Btc, Order("BTCUSDT", OrderSide.Buy, "MARKET", 50m), "NOTIONAL", 200000m);
            OrderCheckResult noReference = OrderChecker.Check(Btc, Order("BTCUSDT", OrderSide.Buy, "MARKET", 0.0002m));
            Assert.Contains(noReference.NotChecked, u => u.Filter == "NOTIONAL" && u.Reason == UncheckedReason.NeedsReferencePrice);
        }

        [Fact]
        public void MarketOrdersSkipANotionalMinimumThatDoesNotApplyToThemAndAZeroMaximumIsNoMaximum()
        {
            const string json = @"{""symbols"":[{""symbol"":""XUSDT"",""filters"":[
                {""filterType"":""NOTIONAL"",""minNotional"":""5.00000000"",""applyMinToMarket"":false,""maxNotional"":""0.00000000"",""applyMaxToMarket"":true,""avgPriceMins"":5}]}]}";
            SymbolFilters x = ExchangeInfoReader.Read(json, OrderApi.Spot)["XUSDT"];
            OrderCheckResult market = OrderChecker.Check(x, Order("XUSDT", OrderSide.Buy, "MARKET", 0.001m));
            Assert.Empty(market.Violations);
            Assert.Empty(market.NotChecked);
            Assert.Empty(Violations(x, Order("XUSDT", OrderSide.Buy, "LIMIT", 1000000m, 1000000m)));
            Assert.Equal(ViolationKind.BelowMinimum, Assert.Single(Violations(x, Order("XUSDT", OrderSide.Buy, "LIMIT", 1m, 4.99m))).Kind);
        }

        [Fact]
        public void QuoteOrderQtyIsTheNotionalOfAMarketOrder()
        {
            var order = new OrderRequest("BTCUSDT", OrderSide.Buy, "MARKET") { QuoteOrderQty = 4.99m };
            OrderCheckResult result = OrderChecker.Check(Btc, order);
            OrderViolation v = Assert.Single(result.Violations);
            Assert.Equal(OrderFields.QuoteOrderQty, v.Adjust);
            Assert.Equal(5m, v.NearestAbove);
            Assert.DoesNotContain(result.NotChecked, u => u.Reason == UncheckedReason.NeedsReferencePrice);
            order.QuoteOrderQty = 5.00000000m;
            Assert.Empty(OrderChecker.Check(Btc, order).Violations);
        }

        [Fact]
        public void OlderMinNotionalFilter()
        {
            None(Bnb, Limit(Bnb, OrderSide.Buy, 0.04m, 250m), "MIN_NOTIONAL");
            OrderViolation v = Only(Bnb, Limit(Bnb, OrderSide.Buy, 0.033m, 300m), "MIN_NOTIONAL");
            Assert.Equal(9.9m, v.Value);
            Assert.Equal(10m, v.Bound);
            Assert.Equal(0.034m, v.NearestAbove);
        }

        [Fact]
        public void FuturesMinNotionalAppliesToEveryOrder()
        {
            None(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.005m, 20000m), "MIN_NOTIONAL");
            OrderViolation v = Only(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.004m, 20000m), "MIN_NOTIONAL");
            Assert.Equal("notional", v.Rule);
            Assert.Equal(0.005m, v.NearestAbove);
            Assert.Equal(80m, Only(FuturesBtc, Order("BTCUSDT", OrderSide.Sell, "MARKET", 0.004m), "MIN_NOTIONAL", 20000m).Value);
        }

        // ---- ICEBERG_PARTS, ICEBERG_ALLOWED

        [Fact]
        public void IcebergPartsAtTheLimitPassAndOneMoreIsTooMany()
        {
            var order = Limit(Btc, OrderSide.Buy, 1m, 20000m);
            order.IcebergQty = 0.1m;
            None(Btc, order, "ICEBERG_PARTS");
            order.IcebergQty = 0.09999m;
            OrderViolation v = Only(Btc, order, "ICEBERG_PARTS");
            Assert.Equal(OrderFields.IcebergParts, v.Field);
            Assert.Equal(11m, v.Value);
            Assert.Equal(10m, v.Bound);
            Assert.Equal(OrderFields.IcebergQty, v.Adjust);
            Assert.Equal(0.1m, v.NearestAbove);
        }

        [Theory]
        [InlineData("1", "0.1", 10)]
        [InlineData("1", "0.3", 4)]
        [InlineData("0.9", "0.3", 3)]
        [InlineData("1.00000000", "0.10000000", 10)]
        public void IcebergPartsAreTheCeilingOfQuantityOverIcebergQty(string quantity, string iceberg, long parts)
        {
            Assert.Equal(parts, OrderChecker.IcebergPartCount(decimal.Parse(quantity), decimal.Parse(iceberg)));
        }

        [Fact]
        public void IcebergOnASymbolThatAllowsNone()
        {
            var order = Limit(Bnb, OrderSide.Buy, 1m, 300m);
            order.IcebergQty = 0.1m;
            Assert.Equal(ViolationKind.NotAllowed, Only(Bnb, order, "ICEBERG_ALLOWED").Kind);
        }

        // ---- account: MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS, MAX_NUM_ICEBERG_ORDERS, MAX_POSITION

        [Fact]
        public void OpenOrderLimitsCountTheNewOrder()
        {
            var order = Limit(Btc, OrderSide.Buy, 0.001m, 20000m);
            None(Btc, order, "MAX_NUM_ORDERS", null, new AccountLimits { OpenOrders = 199 });
            OrderViolation v = Only(Btc, order, "MAX_NUM_ORDERS", null, new AccountLimits { OpenOrders = 200 });
            Assert.Equal(201m, v.Value);
            Assert.Equal(200m, v.Bound);
            Assert.Equal("maxNumOrders", v.Rule);
            Assert.Contains(OrderChecker.Check(Btc, order).NotChecked, u => u.Filter == "MAX_NUM_ORDERS" && u.Reason == UncheckedReason.NeedsAccount);
        }

        [Fact]
        public void AlgoOrderLimitAppliesToStopAndTakeProfitOrdersOnly()
        {
            var account = new AccountLimits { OpenOrders = 0, OpenAlgoOrders = 5 };
            var stop = new OrderRequest("BTCUSDT", OrderSide.Sell, "STOP_LOSS_LIMIT") { Quantity = 0.001m, Price = 19000m, StopPrice = 19100m };
            Assert.Equal("maxNumAlgoOrders", Only(Btc, stop, "MAX_NUM_ALGO_ORDERS", null, account).Rule);
            None(Btc, Limit(Btc, OrderSide.Sell, 0.001m, 19000m), "MAX_NUM_ALGO_ORDERS", null, account);
            var futuresStop = new OrderRequest("BTCUSDT", OrderSide.Sell, "STOP_MARKET") { Quantity = 0.01m, StopPrice = 19000m };
            Assert.Equal("limit", Only(FuturesBtc, futuresStop, "MAX_NUM_ALGO_ORDERS", null, new AccountLimits { OpenOrders = 0, OpenAlgoOrders = 10 }).Rule);
        }

        [Fact]
        public void IcebergOrderLimit()
        {
            var order = Limit(Bnb, OrderSide.Buy, 1m, 300m);
            order.IcebergQty = 0.5m;
            Assert.Equal(6m, Only(Bnb, order, "MAX_NUM_ICEBERG_ORDERS", null, new AccountLimits { OpenIcebergOrders = 5 }).Value);
            None(Bnb, order, "MAX_NUM_ICEBERG_ORDERS", null, new AccountLimits { OpenIcebergOrders = 4 });
        }

        [Fact]
        public void MaxPositionCountsHeldBaseAssetAndOpenBuys()
        {
            var buy = Limit(Bnb, OrderSide.Buy, 3m, 300m);
            None(Bnb, buy, "MAX_POSITION", null, new AccountLimits { Position = 7m });
            OrderViolation v = Only(Bnb, buy, "MAX_POSITION", null, new AccountLimits { Position = 7.001m });
            Assert.Equal(10.001m, v.Value);
            Assert.Equal(10m, v.Bound);
            Assert.Equal(OrderFields.Quantity, v.Adjust);
            Assert.Equal(2.999m, v.NearestBelow);
            None(Bnb, Limit(Bnb, OrderSide.Sell, 3m, 300m), "MAX_POSITION", null, new AccountLimits { Position = 100m });
        }

        // ---- TRAILING_DELTA

        [Theory]
        [InlineData("STOP_LOSS", OrderSide.Buy, "minTrailingAboveDelta", "maxTrailingAboveDelta")]
        [InlineData("TAKE_PROFIT_LIMIT", OrderSide.Sell, "minTrailingAboveDelta", "maxTrailingAboveDelta")]
        [InlineData("STOP_LOSS_LIMIT", OrderSide.Sell, "minTrailingBelowDelta", "maxTrailingBelowDelta")]
        [InlineData("TAKE_PROFIT", OrderSide.Buy, "minTrailingBelowDelta", "maxTrailingBelowDelta")]
        public void TrailingDeltaBoundsBySideAndType(string type, OrderSide side, string minRule, string maxRule)
        {
            OrderRequest Trailing(long delta) => new OrderRequest("BTCUSDT", side, type) { Quantity = 0.001m, TrailingDelta = delta, Price = type.EndsWith("LIMIT") ? 20000m : (decimal?)null };
            None(Btc, Trailing(10), "TRAILING_DELTA", 20000m);
            None(Btc, Trailing(2000), "TRAILING_DELTA", 20000m);
            OrderViolation low = Only(Btc, Trailing(9), "TRAILING_DELTA", 20000m);
            Assert.Equal(minRule, low.Rule);
            Assert.Equal(10m, low.NearestAbove);
            Assert.Equal(maxRule, Only(Btc, Trailing(2001), "TRAILING_DELTA", 20000m).Rule);
        }

        // ---- PRECISION (-1111), STATUS, ORDER_TYPES

        [Fact]
        public void MoreDecimalsThanTheQuotePrecisionIsAPrecisionViolation()
        {
            var order = new OrderRequest("BTCUSDT", OrderSide.Buy, "MARKET") { QuoteOrderQty = 10.123456789m };
            OrderViolation v = Only(Btc, order, "PRECISION");
            Assert.Equal(ViolationKind.TooPrecise, v.Kind);
            Assert.Equal("quoteAssetPrecision", v.Rule);
            Assert.Equal(8m, v.Bound);
            Assert.Equal(10.12345678m, v.NearestBelow);
            Assert.Equal(10.12345679m, v.NearestAbove);
        }

        [Fact]
        public void TrailingZerosAreNotExtraPrecision()
        {
            var order = new OrderRequest("BTCUSDT", OrderSide.Buy, "MARKET") { QuoteOrderQty = decimal.Parse("10.1234567800000") };
            Assert.Empty(Violations(Btc, order));
            Assert.Empty(Violations(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, decimal.Parse("0.010000000"), decimal.Parse("20000.10000000")), 20000m));
        }

        [Fact]
        public void APrecisionViolationIsNotRepeatedWhenTheStepIsAlreadyBroken()
        {
            // 0.0052 is off the 0.001 step and has 4 decimals where quantityPrecision is 3: one violation, LOT_SIZE
            OrderViolation v = Assert.Single(Violations(FuturesBtc, Limit(FuturesBtc, OrderSide.Buy, 0.0052m, 20000m), 20000m));
            Assert.Equal("LOT_SIZE", v.Filter);
        }

        [Fact]
        public void ASymbolThatIsNotTradingAndAnOrderTypeItDoesNotTake()
        {
            OrderViolation status = Only(Eth, Limit(Eth, OrderSide.Buy, 1m, 2000m), "STATUS");
            Assert.Equal(ViolationKind.NotAllowed, status.Kind);
            Assert.Equal("BREAK", status.Found);
            OrderViolation type = Only(Bnb, new OrderRequest("BNBUSDT", OrderSide.Buy, "stop_loss_limit") { Quantity = 1m, Price = 300m, StopPrice = 290m }, "ORDER_TYPES", 300m);
            Assert.Equal("STOP_LOSS_LIMIT", type.Found);
            Assert.Equal(new[] { "LIMIT", "MARKET" }, type.Allowed);
        }

        // ---- the whole order

        [Fact]
        public void AValidOrderHasNoViolationAndNamesWhatWasNotChecked()
        {
            OrderCheckResult result = OrderChecker.Check(Btc, Limit(Btc, OrderSide.Buy, 0.00100000m, 20000.01000000m), 20000m,
                new AccountLimits { OpenOrders = 3, OpenAlgoOrders = 0, OpenIcebergOrders = 0 });
            Assert.True(result.IsValid);
            Assert.Equal(new[] { "MAX_NUM_ORDER_AMENDS (NotUnderstood)" }, result.NotChecked.Select(u => u.ToString()));
        }

        [Fact]
        public void EveryBrokenRuleOfAnOrderIsReported()
        {
            var order = Limit(Btc, OrderSide.Buy, 0.000015m, 200000.001m);
            order.IcebergQty = 0.000001m;
            var filters = Violations(Btc, order, 20000m, new AccountLimits { OpenOrders = 200 }).Select(v => v.Filter + ":" + v.Field).ToArray();
            Assert.Equal(new[]
            {
                "PRICE_FILTER:price", "PERCENT_PRICE_BY_SIDE:price", "LOT_SIZE:quantity", "LOT_SIZE:icebergQty", "NOTIONAL:notional", "ICEBERG_PARTS:icebergParts",
                "MAX_NUM_ORDERS:openOrders",
            }, filters);
        }
    }
}
