using System;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>Binance's security types; the suffix of a request name, e.g. "(USER_DATA)".</summary>
    public enum SecurityType
    {
        NONE,
        MARKET_DATA,
        USER_STREAM,
        USER_DATA,
        TRADE,
        MARGIN,
    }

    public static class SecurityTypes
    {
        public static bool IsSigned(this SecurityType type) =>
            type == SecurityType.USER_DATA || type == SecurityType.TRADE || type == SecurityType.MARGIN;

        public static bool NeedsApiKey(this SecurityType type) => type != SecurityType.NONE;

        /// <summary>" (USER_DATA)", or "" for NONE, which Binance leaves unmarked.</summary>
        public static string NameSuffix(this SecurityType type) => type == SecurityType.NONE ? "" : " (" + type + ")";

        public static bool TryParse(string text, out SecurityType type) =>
            Enum.TryParse(text, ignoreCase: false, out type) && Enum.IsDefined(type);
    }
}
