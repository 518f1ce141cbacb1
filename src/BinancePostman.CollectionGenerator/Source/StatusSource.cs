using System;
using System.Globalization;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>
    /// A request's lifecycle status as the source states it ("! Retired 2026-02-20 -> replacement"), and the line of
    /// the request description that carries it into the collection, which BinancePostman's loader reads back.
    /// </summary>
    public sealed record StatusSource(string Status, DateTime? Since, string? Replacement)
    {
        /// <summary>"Retired 2026-02-20 -> POST /sapi/v1/userListenToken", "Deprecated 2024-06-28", "Retired".</summary>
        public static StatusSource Parse(string text, Func<string, FormatException> error)
        {
            string? replacement = null;
            int arrow = text.IndexOf("->", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                replacement = text.Substring(arrow + 2).Trim();
                text = text.Substring(0, arrow).Trim();
                if (replacement.Length == 0) throw error("empty replacement after '->'");
            }
            string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts.Length > 2 || (parts[0] != "Retired" && parts[0] != "Deprecated"))
                throw error("expected '! Retired|Deprecated [yyyy-MM-dd] [-> replacement]'");
            DateTime? since = null;
            if (parts.Length == 2)
            {
                if (!DateTime.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day))
                    throw error($"bad date '{parts[1]}' (yyyy-MM-dd)");
                since = day;
            }
            return new StatusSource(parts[0], since, replacement);
        }

        /// <summary>"Status: Retired on 2026-02-20. Replacement: POST /sapi/v1/userListenToken."</summary>
        public string DescriptionLine =>
            "Status: " + Status
            + (Since != null ? " on " + Since.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "") + "."
            + (Replacement != null ? " Replacement: " + Replacement.TrimEnd('.') + "." : "");
    }
}
