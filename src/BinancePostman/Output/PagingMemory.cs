using System;

namespace BinancePostman.Output
{
    /// <summary>
    /// Keeps a long -All run's memory flat. Rows die as soon as the sink has them, but the runtime collects when its
    /// own budget says so, and that budget follows the CPU cache (hundreds of MB on some servers) and grows with a
    /// long run, so a 500,000-row run would end up holding far more dead rows than a 50,000-row one. Between pages,
    /// once the heap has grown by <see cref="Slack"/> since the last collection, one collection of the young
    /// generations brings it back: the rows are young, and a full collection would cost the caller's whole heap.
    /// </summary>
    internal sealed class PagingMemory
    {
        /// <summary>Growth of the GC heap between pages that triggers a collection.</summary>
        public const long Slack = 32L * 1024 * 1024;

        private long _floor = GC.GetTotalMemory(false);

        /// <summary>Called between pages, when no row is held by the cmdlet.</summary>
        public void AfterPage()
        {
            if (GC.GetTotalMemory(false) - _floor < Slack) return;
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            _floor = GC.GetTotalMemory(false);
        }
    }
}
