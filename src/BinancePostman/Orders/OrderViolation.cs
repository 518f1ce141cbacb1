using System.Collections.Generic;

namespace BinancePostman.Orders
{
    public enum ViolationKind
    {
        /// <summary>The value is below the filter's minimum.</summary>
        BelowMinimum,
        /// <summary>The value is above the filter's maximum.</summary>
        AboveMaximum,
        /// <summary>The value is not a whole number of steps (tickSize, stepSize): -1013.</summary>
        OffStep,
        /// <summary>The value has more decimals than the symbol allows: -1111.</summary>
        TooPrecise,
        /// <summary>The symbol does not trade now, or does not take this order type or iceberg orders.</summary>
        NotAllowed,
    }

    /// <summary>The fields a violation can be about: Binance's parameter names, plus the derived values.</summary>
    public static class OrderFields
    {
        public const string Symbol = "symbol";
        public const string Type = "type";
        public const string Quantity = "quantity";
        public const string QuoteOrderQty = "quoteOrderQty";
        public const string Price = "price";
        public const string StopPrice = "stopPrice";
        public const string IcebergQty = "icebergQty";
        public const string TrailingDelta = "trailingDelta";
        /// <summary>price x quantity (or quoteOrderQty, or the reference price x quantity for market orders).</summary>
        public const string Notional = "notional";
        /// <summary>ceil(quantity / icebergQty).</summary>
        public const string IcebergParts = "icebergParts";
        /// <summary>Open orders on the symbol, this one included.</summary>
        public const string OpenOrders = "openOrders";
        /// <summary>Base asset held plus open buy orders plus this order.</summary>
        public const string Position = "position";
    }

    /// <summary>
    /// One way an order breaks a symbol's filter: which filter and rule, the value and the bound, and the nearest valid
    /// values of the parameter to change (Adjust: the field itself, or the quantity for a notional, icebergQty for parts).
    /// </summary>
    public sealed class OrderViolation
    {
        public OrderViolation(string symbol, string filter, string field, ViolationKind kind, decimal? value, string rule, decimal? bound)
        {
            Symbol = symbol;
            Filter = filter;
            Field = field;
            Kind = kind;
            Value = value;
            Rule = rule;
            Bound = bound;
        }

        public string Symbol { get; }
        /// <summary>The filter type (LOT_SIZE, PRICE_FILTER...), or PRECISION (-1111), STATUS, ORDER_TYPES, ICEBERG_ALLOWED.</summary>
        public string Filter { get; }
        public string Field { get; }
        public ViolationKind Kind { get; }
        public decimal? Value { get; }
        /// <summary>The filter's rule, named as in exchangeInfo: minQty, tickSize, bidMultiplierUp, quantityPrecision...</summary>
        public string Rule { get; }
        /// <summary>The bound in the field's units (for a multiplier: reference price x multiplier; for a precision: the decimals).</summary>
        public decimal? Bound { get; }
        /// <summary>The parameter whose nearest valid values are given.</summary>
        public string? Adjust { get; internal set; }
        /// <summary>The nearest valid value of Adjust below the given one, if there is one.</summary>
        public decimal? NearestBelow { get; internal set; }
        /// <summary>The nearest valid value of Adjust above the given one, if there is one.</summary>
        public decimal? NearestAbove { get; internal set; }
        /// <summary>The price the bound or the notional was worked out with (the order's, or the reference price).</summary>
        public decimal? AtPrice { get; internal set; }
        /// <summary>For NotAllowed: what the symbol has (its status, or the order types it takes).</summary>
        public IReadOnlyList<string>? Allowed { get; internal set; }
        /// <summary>For NotAllowed: what the order asked for (the status found, the type).</summary>
        public string? Found { get; internal set; }
    }

    public enum UncheckedReason
    {
        /// <summary>The filter needs a reference price (average or mark price) that was not given or read.</summary>
        NeedsReferencePrice,
        /// <summary>The filter depends on the account's open orders or balances, which were not read.</summary>
        NeedsAccount,
        /// <summary>The module does not know this filter type.</summary>
        NotUnderstood,
        /// <summary>The filter's values in exchangeInfo could not be read.</summary>
        Unreadable,
    }

    /// <summary>A filter of the symbol that applies to the order but was not checked, and why.</summary>
    public sealed class UncheckedFilter
    {
        public UncheckedFilter(string filter, UncheckedReason reason)
        {
            Filter = filter;
            Reason = reason;
        }

        public string Filter { get; }
        public UncheckedReason Reason { get; }
        public override string ToString() => Filter + " (" + Reason + ")";
    }

    /// <summary>What a check found: the violations, and the filters it could not check.</summary>
    public sealed class OrderCheckResult
    {
        public List<OrderViolation> Violations { get; } = new List<OrderViolation>();
        public List<UncheckedFilter> NotChecked { get; } = new List<UncheckedFilter>();
        public bool IsValid => Violations.Count == 0;
    }
}
