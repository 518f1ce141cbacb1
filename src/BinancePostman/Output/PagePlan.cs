using System;
using System.Management.Automation;

namespace BinancePostman.Output
{
    /// <summary>
    /// How an endpoint pages (-All): klines advance by open time, trades and aggregate trades by id, orders by
    /// orderId. The cursor is read from each raw row; the next page starts after the last one seen.
    /// </summary>
    internal sealed class PagePlan
    {
        private PagePlan(string cursorParameter, string? rowKey, int maxLimit, bool byTime, string[] dropAfterFirstPage)
        {
            CursorParameter = cursorParameter;
            RowKey = rowKey;
            MaxLimit = maxLimit;
            ByTime = byTime;
            DropAfterFirstPage = dropAfterFirstPage;
        }

        /// <summary>The request parameter that moves the window: startTime, fromId or orderId.</summary>
        public string CursorParameter { get; }
        /// <summary>Where a row keeps its cursor: an object key, or null for the first element of an array row.</summary>
        public string? RowKey { get; }
        public int MaxLimit { get; }
        /// <summary>True when the cursor is a time in ms (compared with endTime).</summary>
        public bool ByTime { get; }
        /// <summary>Parameters that go with the first page only (id paging replaces the time window).</summary>
        public string[] DropAfterFirstPage { get; }

        public static PagePlan? For(string path)
        {
            string last = path.Substring(path.LastIndexOf('/') + 1);
            switch (last)
            {
                case "klines":
                case "uiKlines":
                case "continuousKlines":
                case "indexPriceKlines":
                case "markPriceKlines":
                case "premiumIndexKlines":
                    return new PagePlan("startTime", null, 1000, true, Array.Empty<string>());
                case "aggTrades":
                    return new PagePlan("fromId", "a", 1000, false, new[] { "startTime", "endTime" });
                case "historicalTrades":
                case "myTrades":
                case "userTrades":
                    return new PagePlan("fromId", "id", 1000, false, new[] { "startTime", "endTime" });
                case "allOrders":
                    return new PagePlan("orderId", "orderId", 1000, false, new[] { "startTime", "endTime" });
                default:
                    return null;
            }
        }

        /// <summary>The cursor value of a converted row (shaped or plain), or null.</summary>
        public long? CursorOf(object? row)
        {
            if (row is Kline k) return k.OpenTimeMs;
            if (row is AggregateTrade t) return t.AggregateTradeId;
            object? value = null;
            if (RowKey == null && row is object[] array && array.Length > 0) value = array[0];
            else if (RowKey != null && row is PSObject o)
                foreach (PSPropertyInfo p in o.Properties)
                    if (p.Name == RowKey) { value = p.Value; break; }
            return value is long l ? l : (long?)null;
        }
    }
}
