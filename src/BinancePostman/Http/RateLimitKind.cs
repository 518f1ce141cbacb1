namespace BinancePostman.Http
{
    /// <summary>What a limit counts: request weight per IP, orders per account, raw requests per IP, or UID weight (/sapi).</summary>
    public enum RateLimitKind
    {
        Weight,
        Orders,
        RawRequests,
        UidWeight,
    }

    /// <summary>One limit: so much of a kind per interval.</summary>
    public sealed class RateLimitRule
    {
        public RateLimitRule(RateLimitKind kind, RateInterval interval, long limit)
        {
            Kind = kind;
            Interval = interval;
            Limit = limit;
        }

        public RateLimitKind Kind { get; }
        public RateInterval Interval { get; }
        public long Limit { get; }

        public override string ToString() => $"{Kind} {Limit}/{Interval}";
    }
}
