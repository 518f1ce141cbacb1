using System.Collections.Generic;

namespace BinancePostman.Http
{
    /// <summary>A successful reply: its text and what the caller may want to show about it.</summary>
    public sealed class BinanceReply
    {
        public BinanceReply(int status, string? contentType, string body, IReadOnlyDictionary<string, string> headers, long elapsedMs, string safeUrl)
        {
            Status = status;
            ContentType = contentType;
            Body = body;
            Headers = headers;
            ElapsedMs = elapsedMs;
            SafeUrl = safeUrl;
        }

        public int Status { get; }
        public string? ContentType { get; }
        public string Body { get; }
        /// <summary>Response headers, names case-insensitive.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
        public long ElapsedMs { get; }
        /// <summary>The URL as sent, with the signature redacted.</summary>
        public string SafeUrl { get; }

        /// <summary>The X-MBX-USED-WEIGHT-* and X-MBX-ORDER-COUNT-* headers, e.g. "1M=20".</summary>
        public IEnumerable<string> UsageHeaders()
        {
            foreach (var h in Headers)
            {
                if (h.Key.StartsWith("X-MBX-USED-WEIGHT-", System.StringComparison.OrdinalIgnoreCase))
                    yield return "weight " + h.Key.Substring("X-MBX-USED-WEIGHT-".Length) + "=" + h.Value;
                else if (h.Key.StartsWith("X-MBX-ORDER-COUNT-", System.StringComparison.OrdinalIgnoreCase))
                    yield return "orders " + h.Key.Substring("X-MBX-ORDER-COUNT-".Length) + "=" + h.Value;
            }
        }
    }
}
