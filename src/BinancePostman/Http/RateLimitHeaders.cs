using System;
using System.Collections.Generic;
using System.Globalization;

namespace BinancePostman.Http
{
    /// <summary>
    /// Reads the usage headers of a reply: X-MBX-USED-WEIGHT-(n)(unit), X-MBX-ORDER-COUNT-(n)(unit), and /sapi's
    /// X-SAPI-USED-IP-WEIGHT-1M and X-SAPI-USED-UID-WEIGHT-1M. Headers with odd names or values are skipped.
    /// </summary>
    public static class RateLimitHeaders
    {
        private static readonly (string prefix, RateLimitKind kind)[] Prefixes =
        {
            ("X-MBX-USED-WEIGHT-", RateLimitKind.Weight),
            ("X-MBX-ORDER-COUNT-", RateLimitKind.Orders),
            ("X-SAPI-USED-IP-WEIGHT-", RateLimitKind.Weight),
            ("X-SAPI-USED-UID-WEIGHT-", RateLimitKind.UidWeight),
        };

        public readonly struct Usage
        {
            public Usage(RateLimitKind kind, RateInterval interval, long used)
            {
                Kind = kind;
                Interval = interval;
                Used = used;
            }

            public RateLimitKind Kind { get; }
            public RateInterval Interval { get; }
            public long Used { get; }
        }

        public static List<Usage> Read(IEnumerable<KeyValuePair<string, string>> headers)
        {
            var found = new List<Usage>();
            foreach (var h in headers)
            {
                foreach (var (prefix, kind) in Prefixes)
                {
                    if (!h.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
                    if (!RateInterval.TryParse(h.Key.Substring(prefix.Length), out RateInterval interval)) break;
                    // a repeated header arrives joined with commas: the largest value counts
                    long best = -1;
                    foreach (string part in (h.Value ?? "").Split(','))
                        if (long.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v > best) best = v;
                    if (best >= 0) found.Add(new Usage(kind, interval, best));
                    break;
                }
            }
            return found;
        }

        /// <summary>Retry-After in seconds (Binance sends whole seconds); null when absent or unreadable.</summary>
        public static TimeSpan? RetryAfter(IReadOnlyDictionary<string, string> headers)
        {
            if (!headers.TryGetValue("Retry-After", out string? text)) return null;
            if (double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && seconds < 4 * 86400)
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
            {
                TimeSpan left = when - DateTimeOffset.UtcNow;
                return left < TimeSpan.Zero ? TimeSpan.Zero : left;
            }
            return null;
        }
    }
}
