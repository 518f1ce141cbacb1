using System;
using System.Globalization;
using BinancePostman.Streams;

namespace BinancePostman.Commands
{
    /// <summary>The stream cmdlets' warnings, worded from the stream's facts.</summary>
    internal static class StreamText
    {
        public static string Gap(StreamItem gap, bool userData)
        {
            TimeSpan length = gap.End - gap.Start;
            string text = $"Stream gap: nothing was received from {Utc(gap.Start)} to {Utc(gap.End)} UTC ({Seconds(length)}) on {gap.Source}: {gap.Message}. "
                + "Events the exchange sent in that time are missing";
            return text + (userData
                ? "; read the orders and balances that may have changed in it (e.g. Invoke-BinanceRequest 'Current Open Orders (USER_DATA)')."
                : "; REST history (klines, aggTrades with -startTime/-endTime) can fill it.");
        }

        public static string Dropped(StreamItem dropped, int bufferSize) =>
            $"{dropped.Count.ToString("N0", CultureInfo.InvariantCulture)} event(s) received from {Utc(dropped.Start)} to {Utc(dropped.End)} UTC were let go: the pipeline read them slower than they came, "
            + $"and -BufferSize holds {bufferSize.ToString("N0", CultureInfo.InvariantCulture)}. Make the pipeline faster (-Raw, no formatting in the loop) or raise -BufferSize.";

        private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

        private static string Seconds(TimeSpan length) =>
            length.TotalSeconds < 60 ? length.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : length.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture);
    }
}
