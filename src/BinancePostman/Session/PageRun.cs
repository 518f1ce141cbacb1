using System;
using System.Globalization;
using BinancePostman.Http;
using BinancePostman.Output;

namespace BinancePostman.Session
{
    /// <summary>Why paging stopped before the range ended, for the caller to warn about.</summary>
    public enum PageStopReason
    {
        None,
        /// <summary>A page held only rows already written: the exchange repeated itself.</summary>
        Repeated,
        /// <summary>The request names a parameter that excludes the cursor (futures userTrades with orderId): one page only.</summary>
        CursorExcluded,
    }

    /// <summary>
    /// One -All run: which request fetches the next page, which rows are new (<see cref="Cursor"/>), and when to stop:
    /// past endTime, at the end of the data, when the exchange repeats itself, or once -First rows are written (the
    /// last page then asks only for the rows still wanted). Klines advance by open time, trades and orders by id; COIN-M
    /// klines by one page-sized window at a time. No row twice, no endless loop.
    /// </summary>
    internal sealed class PageRun
    {
        private readonly int _limit;
        private readonly long? _endTime;
        private readonly Func<long> _nowMs;
        private readonly RowWindow? _rows;
        private PreparedRequest _request;
        private long? _windowStart;
        private long _windowEnd;
        // the limit the page in flight asked for: the page size, or fewer rows when -First needs fewer
        private int _pageLimit;

        private PageRun(PagePlan plan, PreparedRequest request, Func<long> nowMs, RowWindow? rows)
        {
            Plan = plan;
            _nowMs = nowMs;
            _rows = rows;
            if (!int.TryParse(request.Find("limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out _limit))
            {
                _limit = plan.MaxLimit;
                request = request.With("limit", _limit.ToString(CultureInfo.InvariantCulture));
            }
            _endTime = long.TryParse(request.Find("endTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long e) ? e : (long?)null;
            _windowStart = plan.Windowed && long.TryParse(request.Find("startTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) ? s : (long?)null;
            _request = request;
            Cursor = new PageCursor(plan, _endTime);
            // -First 0: no row is wanted, so no page is read
            Next = rows?.Full == true ? null : Sized(WithWindow(request));
        }

        /// <summary>Starts paging the request; null when its endpoint does not page.</summary>
        /// <param name="rows">-Skip and -First across all pages, or null</param>
        public static PageRun? Start(PreparedRequest first, RowWindow? rows = null, Func<long>? nowMs = null)
        {
            PagePlan? plan = PagePlan.For(first.Path);
            return plan == null ? null : new PageRun(plan, first, nowMs ?? (() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), rows);
        }

        public PagePlan Plan { get; }
        /// <summary>Filters each page's rows: what it accepts is new and inside the range.</summary>
        public PageCursor Cursor { get; }
        /// <summary>The request for the next page; null once paging is over.</summary>
        public PreparedRequest? Next { get; private set; }
        /// <summary>The number of the page <see cref="Next"/> fetches.</summary>
        public int Page { get; private set; } = 1;
        /// <summary>Rows accepted so far.</summary>
        public int Total { get; private set; }
        /// <summary>Rows written so far (fewer than <see cref="Total"/> when -Skip passed some over).</summary>
        public int Written { get; private set; }
        public PageStopReason StoppedEarly { get; private set; }

        /// <summary>
        /// A page was read: <paramref name="rows"/> in it, <paramref name="accepted"/> of them new, <paramref name="written"/>
        /// written; <paramref name="last"/> the last new row's cursor.
        /// </summary>
        public void Completed(int rows, int accepted, int written, long? last)
        {
            Total += accepted;
            Written += written;
            Next = null;
            if (_rows?.Full == true || Cursor.PastEnd) return;
            if (_windowStart != null)
            {
                // windows move on even when one is empty or short, until endTime (or now) is reached
                long nextStart = Math.Max(_windowEnd + 1, (last ?? 0) + 1);
                if (nextStart > (_endTime ?? _nowMs())) return;
                _windowStart = nextStart;
                Advance(WithWindow(_request));
                return;
            }
            if (rows > 0 && accepted == 0)
            {
                StoppedEarly = PageStopReason.Repeated;
                return;
            }
            if (accepted == 0 || last == null) return;
            if (Plan.ByTime && _endTime != null && last >= _endTime) return;
            // fewer rows than asked: the end, unless an endTime says the range goes on (an empty page ends it then)
            if (rows < _pageLimit && _endTime == null) return;
            if (Plan.ExcludesCursor != null && _request.Find(Plan.ExcludesCursor) != null)
            {
                if (rows >= _limit) StoppedEarly = PageStopReason.CursorExcluded;
                return;
            }
            string cursor = (last.Value + 1).ToString(CultureInfo.InvariantCulture);
            _request = _request.With(Plan.CursorParameter, cursor, Page == 1 ? Plan.DropAfterFirstPage : null);
            Advance(_request);
        }

        private void Advance(PreparedRequest next)
        {
            Next = Sized(next);
            Page++;
        }

        /// <summary>
        /// The page asks for no more rows than -Skip and -First still want (a window of COIN-M klines keeps its size: it
        /// answers the most recent rows of the window, so a smaller limit would skip the first ones).
        /// </summary>
        private PreparedRequest Sized(PreparedRequest page)
        {
            _pageLimit = _limit;
            if (_rows == null || Plan.Windowed) return page;
            int wanted = _rows.Wanted;
            if (wanted >= _limit) return page;
            _pageLimit = wanted;
            return page.With("limit", wanted.ToString(CultureInfo.InvariantCulture));
        }

        private PreparedRequest WithWindow(PreparedRequest request)
        {
            if (_windowStart == null) return request;
            _windowEnd = PagePlan.WindowEnd(_windowStart.Value, request.Find("interval"), _limit, _endTime);
            return request.With("startTime", _windowStart.Value.ToString(CultureInfo.InvariantCulture))
                .With("endTime", _windowEnd.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Where paging is: the time reached (UTC), with the id when paging by id.</summary>
        public string Reached()
        {
            if (Cursor.Last == null) return "the start";
            if (Plan.ByTime) return ResponseShapes.FromUnixMs(Cursor.Last.Value).ToString("u", CultureInfo.InvariantCulture);
            string id = Plan.CursorParameter + " " + Cursor.Last.Value.ToString(CultureInfo.InvariantCulture);
            return Cursor.LastTime != null ? ResponseShapes.FromUnixMs(Cursor.LastTime.Value).ToString("u", CultureInfo.InvariantCulture) + " (" + id + ")" : id;
        }
    }
}
