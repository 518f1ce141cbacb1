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
        private int _weightMinute;
        private int _usedWeight;
        private long _nextOrderId = 1000;

        public ExchangeState(FakeKeys keys) => Keys = keys;

        public FakeKeys Keys { get; }
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

        public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

        public void Record(RecordedRequest request) => _requests.Enqueue(request);

        public long NextOrderId() => Interlocked.Increment(ref _nextOrderId);

        public void AddFault(Fault fault)
        {
            lock (_faults) _faults.Add(fault);
        }

        /// <summary>Takes one use of the first fault that applies to the path, if any.</summary>
        public Fault? TakeFault(string path)
        {
            lock (_faults)
            {
                Fault? fault = _faults.FirstOrDefault(f => f.Count > 0 && (f.PathContains == null || path.Contains(f.PathContains, StringComparison.OrdinalIgnoreCase)));
                if (fault == null) return null;
                if (fault.Skip > 0) { fault.Skip--; return null; }
                fault.Count--;
                if (fault.Count == 0) _faults.Remove(fault);
                return fault;
            }
        }

        /// <summary>Adds the weight of a request to the current minute's total and returns the total.</summary>
        public int AddWeight(int weight)
        {
            int minute = (int)(Now / 60000);
            lock (_faults)
            {
                if (minute != _weightMinute) { _weightMinute = minute; _usedWeight = 0; }
                _usedWeight += weight;
                return _usedWeight;
            }
        }

        public void Reset()
        {
            while (_requests.TryDequeue(out _)) { }
            lock (_faults) _faults.Clear();
            ClockOffsetMs = 0;
            EchoUnknown = true;
            NoSapi = false;
            Orders.Clear();
            foreach (FakeKey key in Keys.All)
            {
                key.EnableWithdrawals = false;
                key.IpRestrict = false;
            }
        }
    }
}
