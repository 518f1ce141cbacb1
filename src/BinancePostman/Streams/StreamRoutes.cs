using System;

namespace BinancePostman.Streams
{
    /// <summary>Which routed path of fstream.binance.com a USDs-M or options market stream belongs to.</summary>
    public static class StreamRoutes
    {
        public const string Public = "public";
        public const string Market = "market";

        /// <summary>"public" for order book streams (depth, book tickers; options' trades and tickers too), "market" for the rest; null when the API is not routed.</summary>
        public static string? RouteOf(StreamApi api, string stream)
        {
            if (api != StreamApi.UsdM && api != StreamApi.Options) return null;
            int at = stream.IndexOf('@');
            string kind = (at < 0 ? stream : stream.Substring(at + 1)).TrimStart('!');
            if (at < 0 && stream.StartsWith("!", StringComparison.Ordinal)) kind = stream.Substring(1);
            if (kind.StartsWith("depth", StringComparison.Ordinal) || kind.StartsWith("bookTicker", StringComparison.Ordinal)
                || kind.StartsWith("rpiDepth", StringComparison.Ordinal))
                return Public;
            if (api == StreamApi.Options && (kind.StartsWith("optionTrade", StringComparison.Ordinal) || kind.StartsWith("optionTicker", StringComparison.Ordinal)))
                return Public;
            return Market;
        }
    }
}
