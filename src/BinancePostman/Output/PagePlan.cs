using System;
using System.Globalization;
using System.Management.Automation;

namespace BinancePostman.Output
{
    /// <summary>
    /// How an endpoint pages (-All): klines advance by open time, trades and aggregate trades by id, orders by
    /// orderId, each with the largest page its API allows. The cursor is read from each row; the next page starts
    /// after the last one seen. Id paging stops at -endTime by the rows' own time.
    /// </summary>
    internal sealed class PagePlan
    {
        private PagePlan(string cursorParameter, string? rowKey, int maxLimit, bool byTime, string[] dropAfterFirstPage, string? timeKey = null, bool windowed = false)
        {
            CursorParameter = cursorParameter;
            RowKey = rowKey;
            MaxLimit = maxLimit;
            ByTime = byTime;
            DropAfterFirstPage = dropAfterFirstPage;
            TimeKey = timeKey;
            Windowed = windowed;
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
        /// <summary>Id paging: the row's time in ms, to stop at endTime once the time window is no longer sent.</summary>
        public string? TimeKey { get; }
        /// <summary>
        /// COIN-M klines answer the most recent rows of a range (up to 200 days after startTime), not the first:
        /// each page asks for a window that holds at most one page, startTime to startTime + limit intervals.
        /// </summary>
        public bool Windowed { get; }
        /// <summary>A parameter that cannot go with the cursor (futures userTrades: orderId with fromId): one page only then.</summary>
        public string? ExcludesCursor { get; private set; }

        public static PagePlan? For(string path)
        {
            string api = Catalog.ApiFamilies.ApiSegment(path);
            string[] window = { "startTime", "endTime" };
            string last = ReplyPaths.LastSegment(path);
            if (api == "papi") return ForPortfolioMargin(path, last, window);
            if (ReplyPaths.IsKlines(path))
            {
                if (api == "api") return new PagePlan("startTime", null, 1000, true, Array.Empty<string>());
                if (api == "fapi") return new PagePlan("startTime", null, 1500, true, Array.Empty<string>());
                if (api == "dapi") return new PagePlan("startTime", null, 1500, true, Array.Empty<string>(), windowed: true);
                if (api == "eapi") return new PagePlan("startTime", "openTime", 1500, true, Array.Empty<string>()); // rows are objects
                return null;
            }
            switch (last)
            {
                case "aggTrades":
                    return api == "api" || api == "fapi" || api == "dapi" ? new PagePlan("fromId", "a", 1000, false, window, "T") : null;
                case "historicalTrades":
                    if (api == "api" || api == "dapi") return new PagePlan("fromId", "id", 1000, false, window, "time");
                    if (api == "fapi" || api == "eapi") return new PagePlan("fromId", "id", 500, false, window, "time");
                    return null;
                case "myTrades":
                    return api == "api" || api == "sapi" ? new PagePlan("fromId", "id", 1000, false, window, "time") : null;
                case "userTrades":
                    if (api == "fapi" || api == "dapi") return new PagePlan("fromId", "id", 1000, false, window, "time") { ExcludesCursor = "orderId" };
                    return api == "eapi" ? new PagePlan("fromId", "id", 1000, false, window, "time") : null;
                case "allOrders":
                    if (api == "api" || api == "fapi") return new PagePlan("orderId", "orderId", 1000, false, window, "time");
                    if (api == "dapi") return new PagePlan("orderId", "orderId", 100, false, window, "time");
                    if (api == "sapi") return new PagePlan("orderId", "orderId", 500, false, window, "time");
                    return null;
                case "historyOrders":
                    return api == "eapi" ? new PagePlan("orderId", "orderId", 1000, false, window, "createTime") : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Portfolio margin (/papi/v1/{um,cm,margin}/...): page sizes as Binance's Portfolio Margin documentation states
        /// them: UM allOrders and userTrades up to 1,000, CM allOrders 100 and CM userTrades 1,000, margin allOrders 500
        /// and myTrades 1,000, conditional allOrders and UM algo history 1,000 (cursor strategyId / algoId).
        /// </summary>
        private static PagePlan? ForPortfolioMargin(string path, string last, string[] window)
        {
            string area = AreaOf(path);
            bool conditional = path.IndexOf("/conditional/", StringComparison.Ordinal) >= 0;
            switch (last)
            {
                case "allOrders":
                    if (conditional) return area == "um" || area == "cm" ? new PagePlan("strategyId", "strategyId", 1000, false, window, "bookTime") : null;
                    if (area == "um") return new PagePlan("orderId", "orderId", 1000, false, window, "time");
                    if (area == "cm") return new PagePlan("orderId", "orderId", 100, false, window, "time");
                    if (area == "margin") return new PagePlan("orderId", "orderId", 500, false, window, "time");
                    return null;
                case "userTrades":
                    if (area == "um") return new PagePlan("fromId", "id", 1000, false, window, "time");
                    // CM: pair and fromId cannot go together, so a pair query is one page
                    if (area == "cm") return new PagePlan("fromId", "id", 1000, false, window, "time") { ExcludesCursor = "pair" };
                    return null;
                case "myTrades":
                    return area == "margin" ? new PagePlan("fromId", "id", 1000, false, window, "time") : null;
                case "allAlgoOrders":
                    return area == "um" ? new PagePlan("algoId", "algoId", 1000, false, window, "createTime") : null;
                default:
                    return null;
            }
        }

        /// <summary>"um", "cm" or "margin" from /papi/v1/um/...; "" otherwise.</summary>
        private static string AreaOf(string path)
        {
            string[] parts = path.TrimStart('/').Split('/');
            return parts.Length > 3 ? parts[2] : "";
        }

        /// <summary>The cursor value of a converted row (shaped or plain), or null.</summary>
        public long? CursorOf(object? row)
        {
            if (row is Kline k) return k.OpenTimeMs;
            if (row is AggregateTrade t) return t.AggregateTradeId;
            if (RowKey == null) return row is object[] array && array.Length > 0 && array[0] is long l ? l : (long?)null;
            return Long(row, RowKey);
        }

        /// <summary>The row's own time in ms for id paging, or null.</summary>
        public long? TimeOf(object? row)
        {
            if (TimeKey == null) return null;
            if (row is AggregateTrade t) return (t.Time.Ticks - 621355968000000000L) / TimeSpan.TicksPerMillisecond;
            return Long(row, TimeKey);
        }

        private static long? Long(object? row, string key)
        {
            if (row is PSObject o)
                foreach (PSPropertyInfo p in o.Properties)
                    if (p.Name == key) return p.Value is long l ? l : (long?)null;
            if (row is System.Collections.IDictionary d && d[key] is long v) return v;
            return null;
        }

        /// <summary>Windowed plans: the endTime of the page that starts at <paramref name="start"/>.</summary>
        public static long WindowEnd(long start, string? interval, int limit, long? endTime)
        {
            long step = IntervalMs(interval) ?? 60_000L;
            long end = start + step * limit - 1;
            return endTime != null && endTime.Value < end ? endTime.Value : end;
        }

        /// <summary>"1m", "4h", "1d", "1w", "1M" in ms; a month counts as 28 days so a window never holds more than a page.</summary>
        internal static long? IntervalMs(string? interval)
        {
            if (string.IsNullOrEmpty(interval) || interval!.Length < 2) return null;
            if (!long.TryParse(interval.Substring(0, interval.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0) return null;
            switch (interval[interval.Length - 1])
            {
                case 's': return n * 1000L;
                case 'm': return n * 60_000L;
                case 'h': return n * 3_600_000L;
                case 'd': return n * 86_400_000L;
                case 'w': return n * 604_800_000L;
                case 'M': return n * 28 * 86_400_000L;
                default: return null;
            }
        }
    }
}
