namespace BinancePostman.FakeExchange
{
    /// <summary>
    /// A fault to inject (to PathContains and Method only, when set). Without Every it hits the next Count matching
    /// requests; with Every = N it hits every Nth matching request, Count times in all. Kinds: html403, html200, 429,
    /// 418, 500, 502, 503, -1007, -1021, slow (DelayMs before answering), reset (connection aborted), empty200,
    /// truncated, bignumber, badjson, garbage, huge (SizeBytes of JSON), hugeerror, drip (DelayMs between bytes, then a
    /// stall of StallMs), oddheaders, close (a graceful close: FIN, no answer byte). AfterProcessing: the request is carried out first (an order is placed), then the
    /// fault answers instead (reset, close, 5xx, -1007, slow). For klines and aggregate trades also: short (half the rows
    /// asked for), repeat (the page starts one row early), stale (the page before the one asked for).
    /// </summary>
    public sealed class Fault
    {
        public string Kind { get; set; } = "";
        public int Count { get; set; } = 1;
        /// <summary>Matching requests to let through before the fault starts (e.g. 1: from the second page on).</summary>
        public int Skip { get; set; }
        public int Every { get; set; }
        public string? PathContains { get; set; }
        public string? Method { get; set; }
        public int DelayMs { get; set; }
        public int StallMs { get; set; }
        public int SizeBytes { get; set; } = 4 * 1024 * 1024;
        public int RetryAfterSeconds { get; set; } = 1;
        public bool AfterProcessing { get; set; }

        internal int Seen { get; set; }
    }
}
