using System;

namespace BinancePostman.Streams
{
    /// <summary>Reconnect delays: doubling from the first to the maximum, each ±50 % at random so many clients do not come back at once.</summary>
    public sealed class ReconnectBackoff
    {
        private readonly TimeSpan _first;
        private readonly TimeSpan _maximum;
        private readonly Random _random = new Random();

        public ReconnectBackoff(TimeSpan first, TimeSpan maximum)
        {
            _first = first;
            _maximum = maximum < first ? first : maximum;
        }

        /// <param name="attempt">1 for the first retry</param>
        public TimeSpan Delay(int attempt)
        {
            double ticks = _first.Ticks * Math.Pow(2, Math.Min(Math.Max(attempt - 1, 0), 30));
            if (ticks > _maximum.Ticks) ticks = _maximum.Ticks;
            double jitter;
            lock (_random) jitter = 0.5 + _random.NextDouble();
            return TimeSpan.FromTicks((long)(ticks * jitter));
        }
    }
}
