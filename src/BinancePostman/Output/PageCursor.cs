namespace BinancePostman.Output
{
    /// <summary>What paging has seen so far: rows at or before the last cursor are repeats and are dropped.</summary>
    internal sealed class PageCursor
    {
        private long? _last;
        private readonly long? _endTime;

        public PageCursor(PagePlan plan, long? endTime)
        {
            Plan = plan;
            _endTime = endTime;
        }

        public PagePlan Plan { get; }

        /// <summary>True once a row went past endTime (time paging).</summary>
        public bool PastEnd { get; private set; }

        public bool Accepts(long? cursor)
        {
            if (cursor == null) return true;
            if (_last != null && cursor.Value <= _last.Value) return false;
            if (_endTime != null && cursor.Value > _endTime.Value)
            {
                PastEnd = true;
                return false;
            }
            _last = cursor;
            return true;
        }
    }
}
