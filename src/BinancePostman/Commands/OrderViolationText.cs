using System.Collections.Generic;
using BinancePostman.Orders;

namespace BinancePostman.Commands
{
    /// <summary>A violation in words: what is wrong, against which rule, and the nearest valid values.</summary>
    internal static class OrderViolationText
    {
        public static string Describe(OrderViolation v)
        {
            string value = N(v.Value);
            switch (v.Kind)
            {
                case ViolationKind.NotAllowed:
                    switch (v.Filter)
                    {
                        case "STATUS": return $"{v.Symbol} is not trading now (status {v.Found}): Binance refuses new orders on it.";
                        case "ORDER_TYPES": return $"{v.Symbol} does not take {v.Found} orders; it takes {string.Join(", ", v.Allowed ?? System.Array.Empty<string>())}.";
                        default: return $"{v.Symbol} does not take iceberg orders (icebergAllowed is false): leave icebergQty out.";
                    }
                case ViolationKind.OffStep:
                    return $"{v.Field} {value} is not a multiple of {v.Filter} {v.Rule} {N(v.Bound)}; {Nearest(v)}.";
                case ViolationKind.TooPrecise:
                    return $"{v.Field} {value} has more than {N(v.Bound)} decimals ({v.Rule}): Binance answers -1111; {Nearest(v)}.";
                default:
                    string side = v.Kind == ViolationKind.BelowMinimum ? "below" : "above";
                    if (IsPercent(v))
                        return $"{Subject(v)} is {side} {v.Filter}'s bound {N(v.Bound)} ({v.Rule} {N(v.Bound / v.AtPrice)} x the reference price {N(v.AtPrice)}); {Nearest(v)}.";
                    return $"{Subject(v)} is {side} {v.Filter} {v.Rule} {N(v.Bound)}; {Nearest(v)}.";
            }
        }

        private static string Subject(OrderViolation v)
        {
            switch (v.Field)
            {
                case OrderFields.Notional: return $"the notional {N(v.Value)}" + (v.AtPrice != null ? $" (quantity x price {N(v.AtPrice)})" : " (quoteOrderQty)");
                case OrderFields.IcebergParts: return $"the iceberg's {N(v.Value)} parts (quantity / icebergQty)";
                case OrderFields.OpenOrders: return $"{N(v.Value)} open orders on {v.Symbol} with this one";
                case OrderFields.Position: return $"the position {N(v.Value)} (held, open buys and this order)";
                default: return $"{v.Field} {N(v.Value)}";
            }
        }

        private static bool IsPercent(OrderViolation v) =>
            v.Filter.StartsWith("PERCENT_PRICE", System.StringComparison.Ordinal) && v.AtPrice > 0m && v.Bound != null;

        private static string Nearest(OrderViolation v)
        {
            if (v.Adjust == null)
                return v.Field == OrderFields.OpenOrders ? "cancel an open order first" : "nothing to round";
            var options = new List<string>();
            if (v.NearestBelow != null) options.Add(N(v.NearestBelow));
            if (v.NearestAbove != null) options.Add(N(v.NearestAbove));
            return options.Count == 0 ? $"no valid {v.Adjust} near it" : $"nearest valid {v.Adjust}: {string.Join(" or ", options)}";
        }

        private static string N(decimal? d) => d == null ? "" : DecimalGrid.Format(d.Value);
    }
}
