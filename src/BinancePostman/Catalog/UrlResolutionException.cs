using System;

namespace BinancePostman.Catalog
{
    /// <summary>An endpoint whose base URL cannot be worked out for the chosen environment or network.</summary>
    public sealed class UrlResolutionException : Exception
    {
        public UrlResolutionException(string message) : base(message) { }
    }
}
