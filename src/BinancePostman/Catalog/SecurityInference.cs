using System;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// A request's security type: Binance names it in a suffix such as "(USER_DATA)"; where the name has none,
    /// a `signature` parameter means signed and an API-key header with a value means keyed.
    /// </summary>
    internal static class SecurityInference
    {
        private static readonly Regex Suffix = new Regex(@"\((NONE|MARKET_DATA|USER_STREAM|USER_DATA|TRADE|MARGIN)\)\s*$", RegexOptions.CultureInvariant);

        public static SecurityType Infer(string name, string path, bool hasSignatureParameter, bool hasApiKeyHeaderValue)
        {
            Match m = name.TrimEnd().EndsWith(")", StringComparison.Ordinal) ? Suffix.Match(name) : Match.Empty;
            if (m.Success) return (SecurityType)Enum.Parse(typeof(SecurityType), m.Groups[1].Value);
            if (hasSignatureParameter) return SecurityType.USER_DATA;
            if (hasApiKeyHeaderValue)
            {
                return path.IndexOf("listenKey", StringComparison.OrdinalIgnoreCase) >= 0
                    || path.IndexOf("userDataStream", StringComparison.OrdinalIgnoreCase) >= 0
                    ? SecurityType.USER_STREAM
                    : SecurityType.MARKET_DATA;
            }
            return SecurityType.NONE;
        }
    }
}
