using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace BinancePostman.FakeExchange
{
    /// <summary>One configured limit: so much per window of Seconds, windows aligned to the epoch as Binance's are.</summary>
    public sealed class WindowLimit
    {
        public int Seconds { get; set; } = 60;
        public long Limit { get; set; } = 6000;

        public long Ms => Seconds * 1000L;

        /// <summary>The header suffix: 1S, 10S, 1M, 1H, 1D.</summary>
        public string Suffix =>
            Seconds % 86400 == 0 ? (Seconds / 86400).ToString(CultureInfo.InvariantCulture) + "D"
            : Seconds % 3600 == 0 ? (Seconds / 3600).ToString(CultureInfo.InvariantCulture) + "H"
            : Seconds % 60 == 0 ? (Seconds / 60).ToString(CultureInfo.InvariantCulture) + "M"
            : Seconds.ToString(CultureInfo.InvariantCulture) + "S";

        /// <summary>exchangeInfo's form of the interval.</summary>
        public (string interval, int num) Binance =>
            Seconds % 86400 == 0 ? ("DAY", Seconds / 86400) : Seconds % 3600 == 0 ? ("HOUR", Seconds / 3600)
            : Seconds % 60 == 0 ? ("MINUTE", Seconds / 60) : ("SECOND", Seconds);
    }

    /// <summary>What the exchange enforces: weight per IP, orders per key, and the ban after repeated 429s.</summary>
    public sealed class RateLimitConfig
    {
        public List<WindowLimit> Weight { get; set; } = new List<WindowLimit> { new WindowLimit { Seconds = 60, Limit = 6000 } };
        public List<WindowLimit> Orders { get; set; } = new List<WindowLimit> { new WindowLimit { Seconds = 10, Limit = 100 }, new WindowLimit { Seconds = 86400, Limit = 200000 } };
        /// <summary>429s (over a limit) after which the IP is banned; 0: never.</summary>
        public int BanAfter429 { get; set; }
        public int BanSeconds { get; set; } = 120;
    }

    /// <summary>Counts in aligned windows, the way the exchange counts weight and orders.</summary>
    internal sealed class WindowCounter
    {
        private readonly Dictionary<(string scope, long ms), (long start, long used)> _counts = new Dictionary<(string, long), (long, long)>();

        /// <summary>Adds the amount to every window unless one would go over; returns the window that would, if any.</summary>
        public WindowLimit? TryAdd(string scope, IEnumerable<WindowLimit> limits, long amount, long now)
        {
            var list = limits.ToList();
            foreach (WindowLimit w in list)
                if (Used(scope, w, now) + amount > w.Limit) return w;
            foreach (WindowLimit w in list)
            {
                long start = now - now % w.Ms;
                _counts[(scope, w.Ms)] = (start, Used(scope, w, now) + amount);
            }
            return null;
        }

        public long Used(string scope, WindowLimit w, long now)
        {
            long start = now - now % w.Ms;
            return _counts.TryGetValue((scope, w.Ms), out var c) && c.start == start ? c.used : 0;
        }

        public void Clear() => _counts.Clear();
    }
}
