using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.Http
{
    /// <summary>
    /// The shared rate-limit budget of the process: request weight and raw requests per host and API (weights are per
    /// IP), orders per API key (they are per account). A request reserves its cost here before it is sent, so many
    /// threads draw on one budget; the usage headers of each reply then correct the local count. A request still in
    /// flight when a window rolls over, or sent within a small margin of the boundary, is counted in the new window
    /// too, since the exchange may count it there. The bundled collections state Binance's documented weights, worked out
    /// per request from its parameters (Catalog.WeightRule): those are charged as they are. Only guessed weights (another
    /// collection's free text, or none stated) are scaled: when the headers, after such a request, show more than the
    /// local count, later guessed requests in the window are charged more. A safety net, not the way weights are known;
    /// traffic from other programs on the same IP is taken in from the headers either way.
    /// Windows follow the exchange's clock (ServerClock), so they roll when Binance's do.
    /// </summary>
    public sealed class RateLimitTracker
    {
        private readonly ServerClock _clock;
        private readonly object _gate = new object();
        private readonly Dictionary<BucketKey, Bucket> _buckets = new Dictionary<BucketKey, Bucket>();
        private readonly Dictionary<(string host, string pool), List<RateLimitRule>> _learned = new Dictionary<(string, string), List<RateLimitRule>>();
        private readonly Dictionary<string, long> _bannedUntil = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, long> _coolUntil = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);

        public RateLimitTracker(ServerClock clock) => _clock = clock;

        /// <summary>What one request costs and whose budgets it draws on.</summary>
        public sealed class Cost
        {
            public Cost(string host, string path, string? apiKey, int weight, bool isOrder, bool weightKnown = false)
            {
                WeightKnown = weightKnown;
                Host = host;
                Pool = RateLimitDefaults.PoolOf(path);
                KeyScope = KeyLabel(apiKey);
                Weight = Math.Max(1, weight);
                IsOrder = isOrder;
            }

            public string Host { get; }
            public string Pool { get; }
            public string KeyScope { get; }
            public int Weight { get; }
            public bool IsOrder { get; }
            /// <summary>The weight is the endpoint's documented one, worked out for the request's parameters: it is charged as
            /// it is and never scaled. A guessed weight (free text, none stated) is scaled by what the headers showed.</summary>
            public bool WeightKnown { get; }
        }

        /// <summary>The answer to "may this request go now?": a reservation, or how long to wait and why, or a ban.</summary>
        public sealed class Admission
        {
            internal Admission(Reservation? reservation, TimeSpan wait, string? reason, DateTimeOffset? until, DateTimeOffset? bannedUntil)
            {
                Reservation = reservation;
                Wait = wait;
                Reason = reason;
                Until = until;
                BannedUntil = bannedUntil;
            }

            public Reservation? Reservation { get; }
            public TimeSpan Wait { get; }
            public string? Reason { get; }
            /// <summary>When the wait ends (UTC).</summary>
            public DateTimeOffset? Until { get; }
            public DateTimeOffset? BannedUntil { get; }
        }

        /// <summary>What a request took from the budget; Complete it when the reply (or the failure) comes.</summary>
        public sealed class Reservation
        {
            internal Reservation(Cost cost, long sentAtServerMs, List<(Bucket bucket, long amount)> taken)
            {
                Cost = cost;
                SentAtServerMs = sentAtServerMs;
                Taken = taken;
            }

            public Cost Cost { get; }
            internal long SentAtServerMs { get; }
            internal List<(Bucket bucket, long amount)> Taken { get; }
            internal bool Completed { get; set; }
        }

        public Admission Admit(Cost cost)
        {
            lock (_gate)
            {
                // read the time under the lock: a thread that waited for it must not see an older time than the last one
                long server = _clock.Now(cost.Host);
                long local = _clock.LocalNow();
                if (_bannedUntil.TryGetValue(cost.Host, out long ban))
                {
                    if (ban > local) return new Admission(null, TimeSpan.FromMilliseconds(ban - local), "IP ban", FromMs(ban), FromMs(ban));
                    _bannedUntil.Remove(cost.Host);
                }
                if (_coolUntil.TryGetValue(cost.Host, out long cool))
                {
                    if (cool > local)
                        return new Admission(null, TimeSpan.FromMilliseconds(cool - local), $"{cost.Host} answered 429 (too many requests): waiting for its Retry-After", FromMs(cool), null);
                    _coolUntil.Remove(cost.Host);
                }

                var taken = new List<(Bucket, long)>();
                long waitMs = 0;
                string? reason = null;
                foreach (RateLimitRule rule in RulesFor(cost.Host, cost.Pool))
                {
                    long amount;
                    string scope;
                    switch (rule.Kind)
                    {
                        case RateLimitKind.Weight: amount = cost.WeightKnown ? cost.Weight : -cost.Weight; scope = ""; break; // a guess is scaled below
                        case RateLimitKind.RawRequests: amount = 1; scope = ""; break;
                        case RateLimitKind.Orders:
                            if (!cost.IsOrder) continue;
                            amount = 1; scope = cost.KeyScope; break;
                        default: continue; // UID weight: known from the headers only
                    }
                    Bucket bucket = BucketFor(cost.Host, cost.Pool, scope, rule.Kind, rule.Interval);
                    Roll(bucket, server);
                    if (amount < 0) amount = Math.Max(-amount, (long)Math.Ceiling(-amount * bucket.Scale - 1e-9));
                    long? limit = bucket.Limit;
                    // a single request heavier than the whole limit goes when the window is empty, else it would never go
                    if (limit != null && bucket.Used > 0 && bucket.Used + amount > limit.Value)
                    {
                        long until = bucket.WindowStart + bucket.Interval.Milliseconds + Margin(bucket.Interval);
                        if (until - server > waitMs)
                        {
                            waitMs = until - server;
                            reason = $"{Describe(bucket)} is at {bucket.Used} of {limit}: waiting for the window to roll over";
                        }
                    }
                    taken.Add((bucket, amount));
                }
                if (waitMs > 0)
                    return new Admission(null, TimeSpan.FromMilliseconds(waitMs), reason, FromMs(local + waitMs), null);
                foreach (var (bucket, amount) in taken)
                {
                    bucket.Used += amount;
                    bucket.InFlight += amount;
                    // near the boundary the exchange may count the request in the next window: charge it there too
                    long next = bucket.WindowStart + bucket.Interval.Milliseconds;
                    if (server >= next - CarryZone(bucket.Interval))
                    {
                        if (bucket.CarryFor != next) (bucket.CarryFor, bucket.Carry) = (next, 0);
                        bucket.Carry += amount;
                    }
                }
                return new Admission(new Reservation(cost, server, taken), TimeSpan.Zero, null, null, null);
            }
        }

        /// <summary>Releases the reservation's in-flight share and reconciles the local counts with the reply's usage headers.</summary>
        public void Complete(Reservation reservation, IEnumerable<KeyValuePair<string, string>>? headers)
        {
            List<RateLimitHeaders.Usage> usage = headers == null ? new List<RateLimitHeaders.Usage>() : RateLimitHeaders.Read(headers);
            lock (_gate)
            {
                long server = _clock.Now(reservation.Cost.Host);
                if (!reservation.Completed)
                {
                    reservation.Completed = true;
                    foreach (var (bucket, amount) in reservation.Taken)
                    {
                        Roll(bucket, server); // a window that rolled while the request was out counts it
                        bucket.InFlight = Math.Max(0, bucket.InFlight - amount);
                    }
                }
                foreach (RateLimitHeaders.Usage u in usage)
                {
                    string scope = u.Kind == RateLimitKind.Orders || u.Kind == RateLimitKind.UidWeight ? reservation.Cost.KeyScope : "";
                    Bucket bucket = BucketFor(reservation.Cost.Host, reservation.Cost.Pool, scope, u.Kind, u.Interval);
                    Roll(bucket, server);
                    // a count from a request sent in an earlier window may belong to that window: it is not this one's
                    if (bucket.Interval.WindowStart(reservation.SentAtServerMs - Margin(bucket.Interval)) != bucket.WindowStart) continue;
                    // the exchange counted more than guessed weights: scale guesses up (free-text collections often understate weights)
                    if (u.Kind == RateLimitKind.Weight && !reservation.Cost.WeightKnown && bucket.Used > 0 && u.Used > bucket.Used * 1.1)
                    {
                        double factor = Math.Min(MaxScale / bucket.Scale, (double)u.Used / bucket.Used);
                        bucket.Scale *= factor;
                        bucket.Carry = (long)Math.Ceiling(bucket.Carry * factor);
                    }
                    if (u.Used > bucket.Used) bucket.Used = u.Used;
                }
            }
        }

        /// <summary>After a 429: nothing goes to the host until Retry-After has passed.</summary>
        public void CoolDown(string host, TimeSpan retryAfter)
        {
            long until = _clock.LocalNow() + (long)retryAfter.TotalMilliseconds;
            lock (_gate)
                if (!_coolUntil.TryGetValue(host, out long current) || current < until) _coolUntil[host] = until;
        }

        /// <summary>After a 418: the host is not called again until the ban ends.</summary>
        public void Ban(string host, DateTimeOffset until)
        {
            lock (_gate) _bannedUntil[host] = until.ToUnixTimeMilliseconds();
        }

        public DateTimeOffset? BannedUntil(string host)
        {
            lock (_gate)
                return _bannedUntil.TryGetValue(host, out long ban) && ban > _clock.LocalNow() ? FromMs(ban) : (DateTimeOffset?)null;
        }

        /// <summary>Limits from an exchangeInfo reply of this host and API replace the defaults.</summary>
        public void Learn(string host, string path, IReadOnlyList<RateLimitRule> rules)
        {
            string pool = RateLimitDefaults.PoolOf(path);
            lock (_gate)
            {
                _learned[(host, pool)] = rules.ToList();
                foreach (Bucket b in _buckets.Values)
                    if (b.Key.Host == host && b.Key.Pool == pool) (b.Limit, b.Source) = LimitFor(host, pool, b.Key.Kind, b.Interval);
                // the IP's windows show in Get-BinanceRateLimit at once (order windows appear with the first order of a key)
                foreach (RateLimitRule r in rules)
                    if (r.Kind == RateLimitKind.Weight || r.Kind == RateLimitKind.RawRequests) Roll(BucketFor(host, pool, "", r.Kind, r.Interval), _clock.Now(host));
            }
        }

        /// <summary>Every window known, for Get-BinanceRateLimit.</summary>
        public IReadOnlyList<RateLimitUsage> Snapshot()
        {
            long local = _clock.LocalNow();
            var rows = new List<RateLimitUsage>();
            lock (_gate)
            {
                foreach (Bucket b in _buckets.Values)
                {
                    long server = _clock.Now(b.Key.Host);
                    Roll(b, server);
                    rows.Add(new RateLimitUsage(b.Key.Host, b.Key.Pool, b.Key.Kind.ToString(), b.Interval.ToString(), b.Used, b.Limit,
                        FromMs(b.WindowStart + b.Interval.Milliseconds - (server - local)).UtcDateTime, b.Key.Scope.Length > 0 ? b.Key.Scope : null, b.Source));
                }
                foreach (var ban in _bannedUntil)
                    if (ban.Value > local) rows.Add(new RateLimitUsage(ban.Key, "", "IpBan", "", 0, null, FromMs(ban.Value).UtcDateTime, null, "HTTP 418"));
                foreach (var cool in _coolUntil)
                    if (cool.Value > local) rows.Add(new RateLimitUsage(cool.Key, "", "RetryAfter", "", 0, null, FromMs(cool.Value).UtcDateTime, null, "HTTP 429"));
            }
            return rows.OrderBy(r => r.Host, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Api).ThenBy(r => r.Kind).ThenBy(r => r.Key).ToList();
        }

        /// <summary>"abcd…wxyz": enough to tell keys apart, not the key.</summary>
        public static string KeyLabel(string? apiKey)
        {
            if (string.IsNullOrEmpty(apiKey)) return "";
            return apiKey!.Length <= 12 ? "key…" + apiKey.Substring(Math.Max(0, apiKey.Length - 2)) : apiKey.Substring(0, 4) + "…" + apiKey.Substring(apiKey.Length - 4);
        }

        private IReadOnlyList<RateLimitRule> RulesFor(string host, string pool) =>
            _learned.TryGetValue((host, pool), out List<RateLimitRule>? rules) ? rules : RateLimitDefaults.For(pool);

        private (long? limit, string source) LimitFor(string host, string pool, RateLimitKind kind, RateInterval interval)
        {
            bool learned = _learned.ContainsKey((host, pool));
            foreach (RateLimitRule r in RulesFor(host, pool))
                if (r.Kind == kind && r.Interval.Equals(interval)) return (r.Limit, learned ? "exchangeInfo" : "default");
            if (!learned && kind == RateLimitKind.UidWeight)
                foreach (RateLimitRule r in RateLimitDefaults.For(pool))
                    if (r.Kind == kind && r.Interval.Equals(interval)) return (r.Limit, "default");
            return (null, "headers");
        }

        private Bucket BucketFor(string host, string pool, string scope, RateLimitKind kind, RateInterval interval)
        {
            var key = new BucketKey(host, pool, scope, kind, interval.Milliseconds);
            if (!_buckets.TryGetValue(key, out Bucket? bucket))
            {
                bucket = new Bucket(key, interval);
                (bucket.Limit, bucket.Source) = LimitFor(host, pool, kind, interval);
                _buckets[key] = bucket;
            }
            return bucket;
        }

        private static void Roll(Bucket bucket, long serverNow)
        {
            long start = bucket.Interval.WindowStart(serverNow - Margin(bucket.Interval));
            if (start <= bucket.WindowStart) return; // windows only move forward
            bucket.WindowStart = start;
            bucket.Used = bucket.InFlight + (bucket.CarryFor == start ? bucket.Carry : 0);
            bucket.Carry = 0;
            bucket.Scale = Math.Max(1, bucket.Scale * 0.9); // re-learned in each window
        }

        /// <summary>How long after the exchange's window boundary the module treats the window as new: clocks differ by a little.</summary>
        private const double MaxScale = 20;

        internal static long Margin(RateInterval interval) => Math.Min(1000, Math.Max(15, interval.Milliseconds / 50));

        /// <summary>
        /// Requests sent this close to the end of a window are charged to the next one too: on a busy machine a request
        /// can take that long to reach the exchange, which then counts it in the next window.
        /// </summary>
        internal static long CarryZone(RateInterval interval) => Math.Min(5000, Math.Max(Margin(interval), interval.Milliseconds / 2));

        private static string Describe(Bucket b) =>
            $"{b.Key.Kind} per {b.Interval} of {b.Key.Host} (/{b.Key.Pool}{(b.Key.Scope.Length > 0 ? ", " + b.Key.Scope : "")})";

        private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

        internal readonly struct BucketKey : IEquatable<BucketKey>
        {
            public BucketKey(string host, string pool, string scope, RateLimitKind kind, long intervalMs)
            {
                Host = host;
                Pool = pool;
                Scope = scope;
                Kind = kind;
                IntervalMs = intervalMs;
            }

            public string Host { get; }
            public string Pool { get; }
            public string Scope { get; }
            public RateLimitKind Kind { get; }
            public long IntervalMs { get; }

            public bool Equals(BucketKey o) => string.Equals(Host, o.Host, StringComparison.OrdinalIgnoreCase) && Pool == o.Pool && Scope == o.Scope && Kind == o.Kind && IntervalMs == o.IntervalMs;
            public override bool Equals(object? obj) => obj is BucketKey k && Equals(k);
            public override int GetHashCode() => (StringComparer.OrdinalIgnoreCase.GetHashCode(Host) * 31 + Pool.GetHashCode()) * 31 + Scope.GetHashCode() ^ ((int)Kind << 24) ^ IntervalMs.GetHashCode();
        }

        internal sealed class Bucket
        {
            public Bucket(BucketKey key, RateInterval interval)
            {
                Key = key;
                Interval = interval;
                WindowStart = long.MinValue;
            }

            public BucketKey Key { get; }
            public RateInterval Interval { get; }
            public long? Limit { get; set; }
            public string Source { get; set; } = "default";
            public long WindowStart { get; set; }
            public long Used { get; set; }
            public long InFlight { get; set; }
            /// <summary>Charged to the window starting at CarryFor by requests sent close to its start.</summary>
            public long Carry { get; set; }
            /// <summary>How much more the exchange counts than the stated weights add up to (1 when they are right).</summary>
            public double Scale { get; set; } = 1;
            public long CarryFor { get; set; } = long.MinValue;
        }
    }
}
