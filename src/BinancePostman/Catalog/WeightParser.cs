using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>Reads the request weight Binance states in a description ("Weight(IP): 1", "Weight: 5").</summary>
    internal static class WeightParser
    {
        private static readonly Regex Weight = new Regex(@"Weight\s*(?:\((?:IP|UID)\))?\s*[:=][\s\-`]*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static int? Parse(string? description)
        {
            if (string.IsNullOrEmpty(description)) return null;
            // descriptions run to kilobytes: find the word first, then match only near it
            int at = description!.IndexOf("eight", StringComparison.Ordinal);
            if (at < 1) return null;
            Match m = Weight.Match(description, at - 1, Math.Min(48, description.Length - at + 1));
            if (!m.Success) return null;
            return int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int w) ? w : (int?)null;
        }
    }
}
