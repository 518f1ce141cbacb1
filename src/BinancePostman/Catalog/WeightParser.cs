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
            Match m = Weight.Match(description);
            if (!m.Success) return null;
            return int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int w) ? w : (int?)null;
        }
    }
}
