using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace BinancePostman.Orders
{
    /// <summary>
    /// Symbol filters per host, API and symbol, kept for a while: Binance changes a symbol's filters rarely (a tick or
    /// step size change is announced days ahead), while exchangeInfo costs weight (20 on spot) and, on futures, a
    /// megabyte or two per read. Ten minutes lets a script check many orders with one read, and picks up a change soon
    /// after it happens; an order rejected for its numbers (-1013 filter failure, -1111 precision) drops the symbol's
    /// entry, so the next check reads the filters again. Safe to use from several threads.
    /// </summary>
    public sealed class SymbolFilterCache
    {
        public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

        /// <summary>The process-wide cache the cmdlets use (every runspace shares it, as it shares the HTTP client).</summary>
        public static SymbolFilterCache Shared { get; } = new SymbolFilterCache();

        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        private readonly Func<DateTimeOffset> _now;

        public SymbolFilterCache(TimeSpan? lifetime = null, Func<DateTimeOffset>? now = null)
        {
            Lifetime = lifetime ?? DefaultLifetime;
            _now = now ?? (() => DateTimeOffset.UtcNow);
        }

        public TimeSpan Lifetime { get; }

        public int Count => _entries.Count;

        /// <summary>The symbol's filters when they were read less than Lifetime ago; fetchedAt says when.</summary>
        public bool TryGet(string host, OrderApi api, string symbol, out SymbolFilters? filters, out DateTimeOffset fetchedAt)
        {
            filters = null;
            fetchedAt = default;
            if (!_entries.TryGetValue(Key(host, api, symbol), out Entry? entry)) return false;
            if (_now() - entry.FetchedAt >= Lifetime)
            {
                _entries.TryRemove(Key(host, api, symbol), out _);
                return false;
            }
            filters = entry.Filters;
            fetchedAt = entry.FetchedAt;
            return true;
        }

        /// <summary>Keeps every symbol of one exchangeInfo reply (futures replies carry them all).</summary>
        public DateTimeOffset Put(string host, OrderApi api, IEnumerable<SymbolFilters> symbols)
        {
            DateTimeOffset now = _now();
            foreach (SymbolFilters s in symbols) _entries[Key(host, api, s.Symbol)] = new Entry(s, now);
            return now;
        }

        /// <summary>Drops one symbol's filters on one host (every API when api is null).</summary>
        public bool Invalidate(string host, string symbol, OrderApi? api = null)
        {
            if (api != null) return _entries.TryRemove(Key(host, api.Value, symbol), out _);
            bool any = false;
            foreach (OrderApi a in new[] { OrderApi.Spot, OrderApi.UsdM, OrderApi.CoinM })
                any |= _entries.TryRemove(Key(host, a, symbol), out _);
            return any;
        }

        /// <summary>
        /// For the send path: when Binance rejects an order for its numbers (-1013 a filter failure, -1111 too much
        /// precision), the filters held may be out of date: drop them. Returns whether the code was one of those.
        /// </summary>
        public bool InvalidateOnRejection(string host, string symbol, int? binanceCode, OrderApi? api = null)
        {
            if (!IsFilterRejection(binanceCode)) return false;
            Invalidate(host, symbol, api);
            return true;
        }

        public static bool IsFilterRejection(int? binanceCode) => binanceCode == -1013 || binanceCode == -1111;

        public void Clear() => _entries.Clear();

        private static string Key(string host, OrderApi api, string symbol) =>
            host.ToLowerInvariant() + "|" + api + "|" + symbol.ToUpperInvariant();

        private sealed class Entry
        {
            public Entry(SymbolFilters filters, DateTimeOffset fetchedAt)
            {
                Filters = filters;
                FetchedAt = fetchedAt;
            }

            public SymbolFilters Filters { get; }
            public DateTimeOffset FetchedAt { get; }
        }
    }
}
