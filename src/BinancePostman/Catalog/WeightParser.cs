using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>Reads the request weight Binance states in a description ("Weight(IP): 1", "Weight: 5", "Weight(IP): 2 with symbol, 4 without").</summary>
    internal static class WeightParser
    {
        private static readonly char[] LineEnds = { '\n', '\r' };

        private static readonly Regex Weight = new Regex(@"Weight\s*(?:\((?:IP|UID)\))?\s*[:=][\s\-`]*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The first number stated as the weight.</summary>
        public static int? Parse(string? description) => ParseRule(description)?.Fallback;

        /// <summary>The weight text from its first number to the end of its line, as a rule (free text gives its first number).</summary>
        public static WeightRule? ParseRule(string? description)
        {
            if (string.IsNullOrEmpty(description)) return null;
            // descriptions run to kilobytes: find the word first, then match only near it
            int at = description!.IndexOf("eight", StringComparison.Ordinal);
            if (at < 1) return null;
            Match m = Weight.Match(description, at - 1, Math.Min(48, description.Length - at + 1));
            if (!m.Success) return null;
            if (!int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
            int start = m.Groups[1].Index;
            int end = description.IndexOfAny(LineEnds, start);
            string text = (end < 0 ? description.Substring(start) : description.Substring(start, end - start)).TrimEnd(' ', '`', '*');
            return WeightRule.Parse(text);
        }
    }
}
