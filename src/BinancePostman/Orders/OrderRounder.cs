using System.Collections.Generic;

namespace BinancePostman.Orders
{
    /// <summary>One value the rounding changed.</summary>
    public sealed class ValueChange
    {
        public ValueChange(string field, decimal from, decimal to, string rule)
        {
            Field = field;
            From = from;
            To = to;
            Rule = rule;
        }

        public string Field { get; }
        public decimal From { get; }
        public decimal To { get; }
        /// <summary>What it was rounded to: stepSize, tickSize, or a precision.</summary>
        public string Rule { get; }
        public override string ToString() => Field + " " + DecimalGrid.Format(From) + " -> " + DecimalGrid.Format(To);
    }

    /// <summary>
    /// Rounds an order's values onto the symbol's grids toward the safe side: quantities down (never more than asked),
    /// a buy's price and stop price down (never pay more), a sell's up (never sell for less), quoteOrderQty down to the
    /// quote precision. Only onto the grid: a value below a minimum or above a maximum is left for the check to
    /// report, since moving it is the trader's decision, not rounding.
    /// </summary>
    public static class OrderRounder
    {
        public static OrderRequest Round(SymbolFilters f, OrderRequest order, out List<ValueChange> changes)
        {
            var rounded = order.Copy();
            var list = new List<ValueChange>();
            bool market = OrderTypes.IsMarket(order.Type);
            rounded.Quantity = Quantity(f, OrderFields.Quantity, order.Quantity, market, list);
            rounded.IcebergQty = Quantity(f, OrderFields.IcebergQty, order.IcebergQty, false, list);
            rounded.Price = Price(f, OrderFields.Price, order.Price, order.Side, list);
            rounded.StopPrice = Price(f, OrderFields.StopPrice, order.StopPrice, order.Side, list);
            if (order.QuoteOrderQty is decimal quote && f.QuoteQuantityPrecision is int qp)
                rounded.QuoteOrderQty = Changed(list, OrderFields.QuoteOrderQty, quote, DecimalGrid.FloorToScale(quote, qp), "quoteAssetPrecision");
            changes = list;
            return rounded;
        }

        private static decimal? Quantity(SymbolFilters f, string field, decimal? given, bool market, List<ValueChange> changes)
        {
            if (given is not decimal value) return null;
            decimal q = value;
            string rule = "stepSize";
            if (f.LotSize?.HasStep == true) q = f.LotSize.Floor(q);
            if (market && f.MarketLotSize?.HasStep == true) q = f.MarketLotSize.Floor(q);
            if (f.QuantityPrecision is int p && DecimalGrid.Scale(q) > p)
            {
                q = DecimalGrid.FloorToScale(q, p);
                rule = f.Api == OrderApi.Spot ? "baseAssetPrecision" : "quantityPrecision";
            }
            return Changed(changes, field, value, q, rule);
        }

        private static decimal? Price(SymbolFilters f, string field, decimal? given, OrderSide side, List<ValueChange> changes)
        {
            if (given is not decimal value) return null;
            bool down = side == OrderSide.Buy;
            decimal p = value;
            string rule = "tickSize";
            if (f.Price?.HasStep == true) p = down ? f.Price.Floor(p) : f.Price.Ceil(p);
            if (f.PricePrecision is int digits && DecimalGrid.Scale(p) > digits)
            {
                p = down ? DecimalGrid.FloorToScale(p, digits) : DecimalGrid.CeilToScale(p, digits);
                rule = f.Api == OrderApi.Spot ? "quoteAssetPrecision" : "pricePrecision";
            }
            return Changed(changes, field, value, p, rule);
        }

        private static decimal Changed(List<ValueChange> changes, string field, decimal from, decimal to, string rule)
        {
            decimal normalized = DecimalGrid.Normalize(to);
            if (normalized != from) changes.Add(new ValueChange(field, from, normalized, rule));
            return normalized;
        }
    }
}
