using System;
using BinancePostman.Catalog;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>
    /// How a source file writes a security type: its name (TRADE), and the suffix a request name gets, e.g. " (USER_DATA)".
    /// The type itself is the module's own (Catalog/SecurityType.cs), so the two never drift.
    /// </summary>
    public static class SecurityTypeText
    {
        /// <summary>" (USER_DATA)", or "" for NONE, which Binance leaves unmarked.</summary>
        public static string NameSuffix(this SecurityType type) => type == SecurityType.NONE ? "" : " (" + type + ")";

        public static bool TryParse(string text, out SecurityType type) =>
            Enum.TryParse(text, ignoreCase: false, out type) && Enum.IsDefined(type);
    }
}
