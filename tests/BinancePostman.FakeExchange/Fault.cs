namespace BinancePostman.FakeExchange
{
    /// <summary>
    /// A fault to inject into the next Count requests (to PathContains only, when set): html403, 429, 418, 500, 502,
    /// 503, -1021, slow (DelayMs), reset (connection aborted), empty200; for klines and aggregate trades: short (half
    /// the rows asked for), repeat (the page starts one row early), stale (the page before the one asked for).
    /// </summary>
    public sealed class Fault
    {
        public string Kind { get; set; } = "";
        public int Count { get; set; } = 1;
        /// <summary>Matching requests to let through before the fault starts (e.g. 1: from the second page on).</summary>
        public int Skip { get; set; }
        public string? PathContains { get; set; }
        public int DelayMs { get; set; }
        public int RetryAfterSeconds { get; set; } = 1;
    }
}
