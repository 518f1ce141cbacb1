using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace BinancePostman.FakeExchange
{
    /// <summary>What the exchange remembers: its clock, the requests it saw, pending faults, orders, used weight.</summary>
    public sealed class ExchangeState
    {
        private readonly ConcurrentQueue<RecordedRequest> _requests = new ConcurrentQueue<RecordedRequest>();
        private readonly List<Fault> _faults = new List<Fault>();
        private long _clockOffsetMs;
        private readonly WindowCounter _weight = new WindowCounter();
        private readonly WindowCounter _orders = new WindowCounter();
        private int _violations;
        private long _bannedUntil;
        private long _nextOrderId = 1000;

        public ExchangeState(FakeKeys keys) => Keys = keys;

        public FakeKeys Keys { get; }
        /// <summary>The stream side: WebSocket settings and faults, listenKeys, listen tokens, connections.</summary>
        public Streams.StreamHub Streams { get; } = new Streams.StreamHub();
        public bool EchoUnknown { get; set; } = true;
        /// <summary>Answers /sapi paths with 404, as the spot testnet does.</summary>
        public bool NoSapi { get; set; }
        public ConcurrentDictionary<string, Dictionary<string, string>> Orders { get; } = new ConcurrentDictionary<string, Dictionary<string, string>>();

        public long ClockOffsetMs
        {
            get => Interlocked.Read(ref _clockOffsetMs);
            set => Interlocked.Exchange(ref _clockOffsetMs, value);
        }

        public long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ClockOffsetMs;

        public RateLimitConfig Limits { get; set; } = new RateLimitConfig();

        public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

        public void Record(RecordedRequest request) => _requests.Enqueue(request);

        public long NextOrderId() => Interlocked.Increment(ref _nextOrderId);

        private readonly ConcurrentDictionary<string, int> _connectionUses = new ConcurrentDictionary<string, int>();

        /// <summary>How many requests this connection has carried, this one included.</summary>
        public int CountConnectionUse(string connection) => _connectionUses.AddOrUpdate(connection, 1, (_, n) => n + 1);

        public void AddFault(Fault fault)
        {
            lock (_faults) _faults.Add(fault);
        }

        /// <summary>Takes one use of the first fault that applies to the request, if any; "every N" faults count each match.</summary>
        public Fault? TakeFault(string method, string path)
        {
            lock (_faults)
            {
                Fault? chosen = null;
                foreach (Fault f in _faults)
                {
                    if (f.Count <= 0 || (f.PathContains != null && !path.Contains(f.PathContains, StringComparison.OrdinalIgnoreCase))
                        || (f.Method != null && !string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase))) continue;
                    if (f.Skip > 0) { f.Skip--; continue; }
                    f.Seen++;
                    if (chosen == null && (f.Every <= 1 || f.Seen % f.Every == 0)) chosen = f;
                }
                if (chosen == null) return null;
                chosen.Count--;
                if (chosen.Count == 0) _faults.Remove(chosen);
                return chosen;
            }
        }

        /// <summary>The end of the IP ban, if one is on.</summary>
        public long? BannedUntil()
        {
            lock (_faults) return _bannedUntil > Now ? _bannedUntil : (long?)null;
        }

        /// <summary>
        /// Counts a request's weight (and an order, for order placements with a key) in every window. Over a limit:
        /// the window that is full, nothing counted, and after BanAfter429 such refusals a ban.
        /// </summary>
        public (WindowLimit? full, bool orders, bool banned) Admit(int weight, string? orderKey)
        {
            long now = Now;
            lock (_faults)
            {
                WindowLimit? full = _weight.TryAdd("ip", Limits.Weight, weight, now);
                bool orders = false;
                if (full == null && orderKey != null)
                {
                    full = _orders.TryAdd(orderKey, Limits.Orders, 1, now);
                    orders = full != null;
                }
                if (full == null) return (null, false, false);
                _violations++;
                bool banned = Limits.BanAfter429 > 0 && _violations >= Limits.BanAfter429;
                if (banned)
                {
                    _violations = 0;
                    _bannedUntil = now + Limits.BanSeconds * 1000L;
                }
                return (full, orders, banned);
            }
        }

        /// <summary>The usage headers: weight per window, and order counts per window for a known key.</summary>
        public List<KeyValuePair<string, string>> UsageHeaders(string? orderKey)
        {
            long now = Now;
            var headers = new List<KeyValuePair<string, string>>();
            lock (_faults)
            {
                foreach (WindowLimit w in Limits.Weight)
                    headers.Add(new("X-MBX-USED-WEIGHT-" + w.Suffix, _weight.Used("ip", w, now).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (orderKey != null)
                    foreach (WindowLimit w in Limits.Orders)
                        headers.Add(new("X-MBX-ORDER-COUNT-" + w.Suffix, _orders.Used(orderKey, w, now).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            return headers;
        }

        public void Reset()
        {
            while (_requests.TryDequeue(out _)) { }
            lock (_faults) _faults.Clear();
            ClockOffsetMs = 0;
            lock (_faults)
            {
                Limits = new RateLimitConfig();
                _weight.Clear();
                _orders.Clear();
                _violations = 0;
                _bannedUntil = 0;
            }
            EchoUnknown = true;
            NoSapi = false;
            Streams.Reset();
            Orders.Clear();
            foreach (FakeKey key in Keys.All)
            {
                key.EnableWithdrawals = false;
                key.IpRestrict = false;
            }
        }
    }
}
