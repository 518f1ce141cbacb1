using System;
using System.Globalization;

namespace BinancePostman.Http
{
    /// <summary>
    /// A rate-limit interval as Binance writes it: a number and a unit (S, M, H, D), e.g. "10S" or "1M". Windows are
    /// aligned to the epoch the way Binance counts them: a 1-minute window starts on every whole minute.
    /// </summary>
    public readonly struct RateInterval : IEquatable<RateInterval>
    {
        public RateInterval(int number, char unit)
        {
            if (number <= 0) throw new ArgumentOutOfRangeException(nameof(number));
            unit = char.ToUpperInvariant(unit);
            if (unit != 'S' && unit != 'M' && unit != 'H' && unit != 'D') throw new ArgumentOutOfRangeException(nameof(unit));
            Number = number;
            Unit = unit;
        }

        public int Number { get; }
        public char Unit { get; }

        public long Milliseconds => Number * UnitMs(Unit);

        public static bool operator ==(RateInterval left, RateInterval right) => left.Equals(right);

        public static bool operator !=(RateInterval left, RateInterval right) => !left.Equals(right);

        public long WindowStart(long nowMs) => nowMs - Mod(nowMs, Milliseconds);

        public long WindowEnd(long nowMs) => WindowStart(nowMs) + Milliseconds;

        /// <summary>"1M", "10S", "1D": the suffix of the X-MBX-USED-WEIGHT-* headers.</summary>
        public static bool TryParse(string? text, out RateInterval interval)
        {
            interval = default;
            if (string.IsNullOrEmpty(text) || text!.Length < 2 || text.Length > 7) return false;
            char unit = char.ToUpperInvariant(text[text.Length - 1]);
            if (unit != 'S' && unit != 'M' && unit != 'H' && unit != 'D') return false;
            if (!int.TryParse(text.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0) return false;
            interval = new RateInterval(n, unit);
            return true;
        }

        /// <summary>exchangeInfo's form: interval "MINUTE", intervalNum 1.</summary>
        public static bool TryFromExchangeInfo(string? interval, long intervalNum, out RateInterval result)
        {
            result = default;
            if (intervalNum <= 0 || intervalNum > 100000) return false;
            char unit;
            switch ((interval ?? "").ToUpperInvariant())
            {
                case "SECOND": unit = 'S'; break;
                case "MINUTE": unit = 'M'; break;
                case "HOUR": unit = 'H'; break;
                case "DAY": unit = 'D'; break;
                default: return false;
            }
            result = new RateInterval((int)intervalNum, unit);
            return true;
        }

        public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + Unit;

        public bool Equals(RateInterval other) => Milliseconds == other.Milliseconds;
        public override bool Equals(object? obj) => obj is RateInterval r && Equals(r);
        public override int GetHashCode() => Milliseconds.GetHashCode();

        private static long UnitMs(char unit) => unit switch { 'S' => 1000L, 'M' => 60_000L, 'H' => 3_600_000L, _ => 86_400_000L };

        private static long Mod(long a, long b)
        {
            long m = a % b;
            return m < 0 ? m + b : m;
        }
    }
}
