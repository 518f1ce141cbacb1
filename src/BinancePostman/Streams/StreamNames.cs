using System;
using System.Collections.Generic;

namespace BinancePostman.Streams
{
    /// <summary>Stream names as Binance takes them: the symbol part in lower case (Binance's rule), the rest as typed (kline_1M is months).</summary>
    public static class StreamNames
    {
        /// <summary>Binance's limit of streams on one connection.</summary>
        public const int MaximumPerConnection = 1024;

        private static readonly char[] Forbidden = { '/', ' ', '\t', '?', '&', '#', '"', '\\' };

        /// <summary>The names to subscribe, in order, each once; null with the offending name when one cannot be a stream name.</summary>
        public static List<string> Normalize(IEnumerable<string> names, out string? invalid)
        {
            invalid = null;
            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string raw in names)
            {
                string name = (raw ?? "").Trim();
                if (name.Length == 0 || name.IndexOfAny(Forbidden) >= 0 || name.EndsWith("@", StringComparison.Ordinal))
                {
                    invalid = raw ?? "";
                    return result;
                }
                int at = name.IndexOf('@');
                if (at > 0 && name[0] != '!') name = name.Substring(0, at).ToLowerInvariant() + name.Substring(at);
                else if (at < 0 && name[0] != '!') name = name.ToLowerInvariant();
                if (seen.Add(name)) result.Add(name);
            }
            return result;
        }
    }
}
