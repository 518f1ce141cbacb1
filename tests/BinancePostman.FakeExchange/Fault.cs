namespace BinancePostman.FakeExchange
{
    /// <summary>
    /// A fault to inject into the next Count requests (to PathContains only, when set): html403, 429, 418, 500, 502,
    /// 503, -1021, slow (DelayMs), reset (connection aborted), empty200.
    /// </summary>
    public sealed class Fault
    {
        public string Kind { get; set; } = "";
        public int Count { get; set; } = 1;
        public string? PathContains { get; set; }
        public int DelayMs { get; set; }
        public int RetryAfterSeconds { get; set; } = 1;
    }
}
