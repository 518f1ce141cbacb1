using System;
using System.Collections.Generic;

namespace BinancePostman.Orders
{
    /// <summary>One order's check in full: the order, whether it passes, every violation, what was not checked, and where the filters came from.</summary>
    public sealed class OrderCheckReport
    {
        public OrderCheckReport(OrderRequest order, OrderApi api, OrderCheckResult result, string host, DateTimeOffset filtersFetchedAt, decimal? referencePrice)
        {
            Symbol = order.Symbol;
            Api = api;
            Side = order.Side;
            Type = order.Type;
            Quantity = order.Quantity;
            QuoteOrderQty = order.QuoteOrderQty;
            Price = order.Price;
            StopPrice = order.StopPrice;
            IcebergQty = order.IcebergQty;
            TrailingDelta = order.TrailingDelta;
            IsValid = result.IsValid;
            Violations = result.Violations.ToArray();
            var notChecked = new List<string>();
            foreach (UncheckedFilter u in result.NotChecked) notChecked.Add(u.ToString());
            NotChecked = notChecked.ToArray();
            Host = host;
            FiltersFetchedAt = filtersFetchedAt.UtcDateTime;
            ReferencePrice = referencePrice == null ? (decimal?)null : DecimalGrid.Normalize(referencePrice.Value);
        }

        public string Symbol { get; }
        public OrderApi Api { get; }
        public OrderSide Side { get; }
        public string Type { get; }
        public decimal? Quantity { get; }
        public decimal? QuoteOrderQty { get; }
        public decimal? Price { get; }
        public decimal? StopPrice { get; }
        public decimal? IcebergQty { get; }
        public long? TrailingDelta { get; }
        public bool IsValid { get; }
        public OrderViolation[] Violations { get; }
        /// <summary>"FILTER (Reason)" for each filter that applies but was not checked.</summary>
        public string[] NotChecked { get; }
        /// <summary>The host whose exchangeInfo gave the filters.</summary>
        public string Host { get; }
        /// <summary>When those filters were read (UTC): earlier than now when they came from the cache.</summary>
        public DateTime FiltersFetchedAt { get; }
        /// <summary>The average (spot) or mark (futures) price the percent-price and market-notional checks used.</summary>
        public decimal? ReferencePrice { get; }
    }
}
