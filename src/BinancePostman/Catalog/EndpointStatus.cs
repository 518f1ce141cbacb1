namespace BinancePostman.Catalog
{
    /// <summary>
    /// Where an endpoint is in its life at Binance. Only what Binance's changelogs or documentation state: an endpoint
    /// merely missing from a newer Postman download stays Active.
    /// </summary>
    public enum EndpointStatus
    {
        Active,
        /// <summary>Binance announced its end or a successor; it still answers.</summary>
        Deprecated,
        /// <summary>Binance no longer serves it (404 or 410): calling it only fails.</summary>
        Retired,
    }
}
