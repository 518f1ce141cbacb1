namespace BinancePostman.Catalog
{
    public enum BodyMode
    {
        None,
        UrlEncoded,
        Raw,
        FormData,
    }
}
