namespace BinancePostman.Output
{
    /// <summary>
    /// What paging has seen so far: rows at or before the last cursor are repeats and are dropped; a row past
    /// endTime (by its cursor when paging by time, by its own time when paging by id) ends the run.
    /// </summary>
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

        /// <summary>The cursor of the last row accepted.</summary>
        public long? Last => _last;

        /// <summary>Id paging: the time (ms) of the last row accepted, for progress.</summary>
        public long? LastTime { get; private set; }

        /// <summary>True once a row went past endTime.</summary>
        public bool PastEnd { get; private set; }

        public bool Accepts(long? cursor, long? time = null)
        {
            if (cursor == null) return true;
            if (_last != null && cursor.Value <= _last.Value) return false;
            long? at = Plan.ByTime ? cursor : time;
            if (_endTime != null && at != null && at.Value > _endTime.Value)
            {
                PastEnd = true;
                return false;
            }
            _last = cursor;
            LastTime = time ?? LastTime;
            return true;
        }
    }
}
