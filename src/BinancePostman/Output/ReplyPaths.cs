using System;
using System.Collections.Generic;

namespace BinancePostman.Output
{
    /// <summary>What a reply holds, told by its endpoint's path: the one list of kline families, and the path's last segment.</summary>
    internal static class ReplyPaths
    {
        private static readonly HashSet<string> KlineFamilies = new HashSet<string>(StringComparer.Ordinal)
        {
            "klines", "uiKlines", "continuousKlines", "indexPriceKlines", "markPriceKlines", "premiumIndexKlines",
        };

        /// <summary>"depth" for /api/v3/depth.</summary>
        public static string LastSegment(string path) => path.Substring(path.LastIndexOf('/') + 1);

        /// <summary>Klines of every family: spot, futures (continuous, index, mark, premium index), options.</summary>
        public static bool IsKlines(string path) => KlineFamilies.Contains(LastSegment(path));
    }
}
