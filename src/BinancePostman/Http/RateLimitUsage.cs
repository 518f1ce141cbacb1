using System;

namespace BinancePostman.Http
{
    /// <summary>One rate-limit window as the module sees it: Get-BinanceRateLimit's rows.</summary>
    public sealed class RateLimitUsage
    {
        public RateLimitUsage(string host, string api, string kind, string interval, long used, long? limit, DateTime resetsAt, string? key, string source)
        {
            Host = host;
            Api = api;
            Kind = kind;
            Interval = interval;
            Used = used;
            Limit = limit;
            ResetsAt = resetsAt;
            Key = key;
            Source = source;
        }

        public string Host { get; }
        /// <summary>The API's path prefix: api, sapi, fapi, dapi, eapi, papi.</summary>
        public string Api { get; }
        /// <summary>Weight, Orders, RawRequests, UidWeight; IpBan (HTTP 418) and RetryAfter (HTTP 429) while they last.</summary>
        public string Kind { get; }
        /// <summary>Binance's interval notation: 1S, 10S, 1M, 5M, 1H, 1D.</summary>
        public string Interval { get; }
        public long Used { get; }
        /// <summary>Null when no limit is known for the window (seen in headers only).</summary>
        public long? Limit { get; }
        /// <summary>When the window (or the ban) ends, UTC.</summary>
        public DateTime ResetsAt { get; }
        /// <summary>For order counts: which API key (first and last four characters).</summary>
        public string? Key { get; }
        /// <summary>Where the limit comes from: exchangeInfo, default (Binance's documented figures), headers (no limit known).</summary>
        public string Source { get; }
    }
}
