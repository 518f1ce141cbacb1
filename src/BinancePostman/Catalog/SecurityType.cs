namespace BinancePostman.Catalog
{
    /// <summary>Binance's endpoint security types, as named in the request's suffix, e.g. "(USER_DATA)".</summary>
    public enum SecurityType
    {
        NONE,
        MARKET_DATA,
        USER_STREAM,
        USER_DATA,
        TRADE,
        MARGIN,
    }

    public static class SecurityTypeExtensions
    {
        /// <summary>Needs timestamp and signature.</summary>
        public static bool IsSigned(this SecurityType type) =>
            type == SecurityType.USER_DATA || type == SecurityType.TRADE || type == SecurityType.MARGIN;

        /// <summary>Needs the X-MBX-APIKEY header.</summary>
        public static bool NeedsApiKey(this SecurityType type) => type != SecurityType.NONE;
    }
}
