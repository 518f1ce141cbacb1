using System.Globalization;

namespace BinancePostman.Orders
{
    /// <summary>
    /// Decimal arithmetic on a grid of steps (tick size, step size) starting at a base: exact, no doubles. A value is
    /// on the grid when (value - base) is a whole number of steps; trailing zeros ("0.00100000") change nothing.
    /// </summary>
    public static class DecimalGrid
    {
        /// <summary>True when value lies on the grid; a step of zero or less is no grid (every value is on it).</summary>
        public static bool IsOnStep(decimal value, decimal step, decimal origin = 0m) =>
            step <= 0m || (value - origin) % step == 0m;

        /// <summary>The largest grid value not above value.</summary>
        public static decimal FloorToStep(decimal value, decimal step, decimal origin = 0m)
        {
            if (step <= 0m) return value;
            decimal offset = value - origin;
            decimal remainder = offset % step; // exact; has the sign of offset
            if (remainder == 0m) return value;
            decimal towardOrigin = value - remainder;
            return remainder > 0m ? towardOrigin : towardOrigin - step;
        }

        /// <summary>The smallest grid value not below value.</summary>
        public static decimal CeilToStep(decimal value, decimal step, decimal origin = 0m)
        {
            decimal floor = FloorToStep(value, step, origin);
            return floor == value ? value : floor + step;
        }

        /// <summary>The number of decimals the value needs: 0.00100000 needs 3.</summary>
        public static int Scale(decimal value)
        {
            int scale = (decimal.GetBits(value)[3] >> 16) & 0xFF;
            // strip trailing zeros from the scale
            while (scale > 0 && value % Power(scale - 1) == 0m) scale--;
            return scale;
        }

        /// <summary>The value with its trailing zeros dropped (numerically equal): 0.00100000 becomes 0.001.</summary>
        public static decimal Normalize(decimal value)
        {
            int scale = Scale(value);
            return decimal.Round(value, scale);
        }

        /// <summary>Rounded down to at most decimals places (toward negative infinity).</summary>
        public static decimal FloorToScale(decimal value, int decimals) => FloorToStep(value, Power(decimals));

        /// <summary>Rounded up to at most decimals places.</summary>
        public static decimal CeilToScale(decimal value, int decimals) => CeilToStep(value, Power(decimals));

        /// <summary>As Binance wants a number: invariant, no exponent, no trailing zeros.</summary>
        public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

        /// <summary>10^-decimals: 1, 0.1, 0.01...</summary>
        public static decimal Power(int decimals)
        {
            decimal p = 1m;
            for (int i = 0; i < decimals; i++) p /= 10m;
            return p;
        }
    }
}
