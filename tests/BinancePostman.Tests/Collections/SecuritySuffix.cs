using System.Text.RegularExpressions;

namespace BinancePostman.Tests.Collections
{
    /// <summary>The security type a request name ends with, e.g. "New Order (TRADE)" → TRADE; NONE when unmarked.</summary>
    internal static class SecuritySuffix
    {
        private static readonly Regex Suffix = new Regex(@" \((MARKET_DATA|USER_STREAM|USER_DATA|TRADE|MARGIN)\)$");

        public static string Of(string name)
        {
            var match = Suffix.Match(name);
            return match.Success ? match.Groups[1].Value : "NONE";
        }

        public static bool IsSignedType(string type) => type == "USER_DATA" || type == "TRADE" || type == "MARGIN";
    }
}
