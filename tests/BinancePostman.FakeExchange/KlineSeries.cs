using System;
using System.Collections.Generic;
using System.Globalization;

namespace BinancePostman.FakeExchange
{
    /// <summary>
    /// A deterministic candle series: one bar per interval from a fixed start up to the server's now, prices from
    /// the open time alone, so tests can check paging for gaps and duplicates.
    /// </summary>
    public static class KlineSeries
    {
        public static readonly long Epoch = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        public static long IntervalMs(string interval)
        {
            if (interval.Length < 2) throw new ApiError(400, -1120, "Invalid interval.");
            string unit = interval.Substring(interval.Length - 1);
            if (!int.TryParse(interval.AsSpan(0, interval.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
                throw new ApiError(400, -1120, "Invalid interval.");
            return unit switch
            {
                "s" => n * 1000L,
                "m" => n * 60_000L,
                "h" => n * 3_600_000L,
                "d" => n * 86_400_000L,
                "w" => n * 604_800_000L,
                "M" => n * 2_592_000_000L,
                _ => throw new ApiError(400, -1120, "Invalid interval."),
            };
        }

        public static List<object[]> Page(string interval, long? startTime, long? endTime, int limit, long now)
        {
            long step = IntervalMs(interval);
            long last = (now - Epoch) / step * step + Epoch;
            long end = Math.Min(endTime ?? last, last);
            long first = startTime == null
                ? Math.Max(Epoch, end - (limit - 1) * step)
                : Math.Max(Epoch, (startTime.Value - Epoch + step - 1) / step * step + Epoch);
            var rows = new List<object[]>();
            for (long open = first; open <= end && rows.Count < limit; open += step)
                rows.Add(Bar(open, step));
            return rows;
        }

        /// <summary>The last <paramref name="limit"/> bars from startTime to endTime (COIN-M's way).</summary>
        public static List<object[]> MostRecent(string interval, long startTime, long endTime, int limit, long now)
        {
            long step = IntervalMs(interval);
            long lastBar = Math.Min((now - Epoch) / step * step + Epoch, (Math.Max(endTime, Epoch) - Epoch) / step * step + Epoch);
            return Page(interval, Math.Max(startTime, lastBar - (limit - 1) * step), endTime, limit, now);
        }

        public static object[] Bar(long openTime, long step)
        {
            long i = (openTime - Epoch) / step;
            decimal open = 20000m + (i % 1000) * 1.25m;
            decimal close = open + ((i % 7) - 3) * 0.5m;
            decimal high = Math.Max(open, close) + 2.5m;
            decimal low = Math.Min(open, close) - 2.5m;
            decimal volume = 10m + (i % 13) * 0.125m;
            string F(decimal d) => d.ToString("0.00000000", CultureInfo.InvariantCulture);
            return new object[] { openTime, F(open), F(high), F(low), F(close), F(volume), openTime + step - 1, F(volume * open), 100 + i % 50, F(volume / 2), F(volume * open / 2), "0" };
        }
    }
}
