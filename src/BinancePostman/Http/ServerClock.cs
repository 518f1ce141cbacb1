using System;
using System.Collections.Concurrent;

namespace BinancePostman.Http
{
    /// <summary>
    /// Per-host offset between the exchange's clock and ours, so a skewed local clock does not produce -1021.
    /// Learned from the API's server-time endpoint on the first signed call to a host, and again after a -1021.
    /// </summary>
    public sealed class ServerClock
    {
        private readonly ConcurrentDictionary<string, long> _offsets = new ConcurrentDictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<long> _localNow;

        public ServerClock(Func<long>? localNowMs = null)
        {
            _localNow = localNowMs ?? (() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        public bool IsSynced(string host) => _offsets.ContainsKey(host);

        public long Now(string host) => _localNow() + (_offsets.TryGetValue(host, out long o) ? o : 0);

        public long LocalNow() => _localNow();

        public long? Offset(string host) => _offsets.TryGetValue(host, out long o) ? o : (long?)null;

        /// <summary>Records the server time seen, taking the middle of the round trip as the moment it was read.</summary>
        public void Record(string host, long serverTimeMs, long sentAtLocalMs, long receivedAtLocalMs)
        {
            long midpoint = sentAtLocalMs + (receivedAtLocalMs - sentAtLocalMs) / 2;
            _offsets[host] = serverTimeMs - midpoint;
        }

        public void Forget(string host) => _offsets.TryRemove(host, out _);

        /// <summary>The server-time path of the API a request path belongs to.</summary>
        public static string TimePathFor(string requestPath)
        {
            switch (Catalog.ApiFamilies.ApiSegment(requestPath))
            {
                case "fapi": return "/fapi/v1/time";
                case "dapi": return "/dapi/v1/time";
                case "eapi": return "/eapi/v1/time";
                case "papi": return "/papi/v1/time";
                default: return "/api/v3/time";
            }
        }
    }
}
