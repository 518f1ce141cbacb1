using System;
using BinancePostman.Catalog;

namespace BinancePostman.Http
{
    /// <summary>How much a request changes: reads, state changes (orders), and moves of funds (withdrawals, transfers).</summary>
    public enum StateChangeImpact
    {
        None,
        Changes,
        MovesFunds,
    }

    public static class StateChange
    {
        public static StateChangeImpact Of(string method, string path, string name, SecurityType security)
        {
            if (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase)) return StateChangeImpact.None;
            if (security == SecurityType.USER_STREAM || security == SecurityType.NONE || security == SecurityType.MARKET_DATA) return StateChangeImpact.None;
            if (Mentions(path, "withdraw") || Mentions(path, "transfer") || Mentions(name, "withdraw") || Mentions(name, "transfer"))
                return StateChangeImpact.MovesFunds;
            return StateChangeImpact.Changes;
        }

        private static bool Mentions(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
