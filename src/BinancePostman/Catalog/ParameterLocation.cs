namespace BinancePostman.Catalog
{
    /// <summary>Where a parameter travels: the query string, a urlencoded body, or a `:name` path segment.</summary>
    public enum ParameterLocation
    {
        Query,
        Body,
        Path,
    }
}
