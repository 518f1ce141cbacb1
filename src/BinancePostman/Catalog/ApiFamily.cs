namespace BinancePostman.Catalog
{
    /// <summary>
    /// Which Binance API an endpoint belongs to. Each family has its own hosts per network, and its own
    /// environment folder (the seed's layout: spot, perpetual_futures, delivery_futures, european_options).
    /// </summary>
    public enum ApiFamily
    {
        Unknown,
        Spot,
        UsdMFutures,
        CoinMFutures,
        Options,
        PortfolioMargin,
        /// <summary>Binance Alpha market data: /bapi/defi/... on www.binance.com.</summary>
        Alpha,
    }

    public static class ApiFamilies
    {
        /// <summary>The path's first segment in lower case: "api", "sapi", "fapi", "dapi", "eapi", "papi"...</summary>
        public static string ApiSegment(string path)
        {
            string p = path.TrimStart('/');
            int slash = p.IndexOf('/');
            return (slash < 0 ? p : p.Substring(0, slash)).ToLowerInvariant();
        }

        /// <summary>The family from the first path segment: /api and /sapi are spot, /fapi USDs-M, /dapi Coin-M, /eapi options, /papi portfolio margin, /bapi Alpha.</summary>
        public static ApiFamily FromPath(string path)
        {
            switch (ApiSegment(path))
            {
                case "api":
                case "sapi":
                case "wapi":
                    return ApiFamily.Spot;
                case "fapi":
                    return ApiFamily.UsdMFutures;
                case "dapi":
                    return ApiFamily.CoinMFutures;
                case "eapi":
                    return ApiFamily.Options;
                case "papi":
                    return ApiFamily.PortfolioMargin;
                case "bapi":
                    return ApiFamily.Alpha;
                default:
                    // "/futures/data/..." is served by both futures APIs: the collection decides

                    return ApiFamily.Unknown;
            }
        }

        /// <summary>The seed's environment folder name for a family.</summary>
        public static string FolderName(this ApiFamily family)
        {
            switch (family)
            {
                case ApiFamily.Spot: return "spot";
                case ApiFamily.UsdMFutures: return "perpetual_futures";
                case ApiFamily.CoinMFutures: return "delivery_futures";
                case ApiFamily.Options: return "european_options";
                case ApiFamily.PortfolioMargin: return "portfolio_margin";
                case ApiFamily.Alpha: return "alpha";
                default: return "";
            }
        }

        /// <summary>The API's name as the bundled collections call it.</summary>
        public static string DisplayName(this ApiFamily family)
        {
            switch (family)
            {
                case ApiFamily.Spot: return "Spot";
                case ApiFamily.UsdMFutures: return "USDs-M Futures";
                case ApiFamily.CoinMFutures: return "Coin-M Futures";
                case ApiFamily.Options: return "European Options";
                case ApiFamily.PortfolioMargin: return "Portfolio Margin";
                case ApiFamily.Alpha: return "Alpha";
                default: return "this API";
            }
        }

        public static ApiFamily FromFolderName(string folder)
        {
            switch (folder.ToLowerInvariant())
            {
                case "spot": return ApiFamily.Spot;
                case "perpetual_futures": return ApiFamily.UsdMFutures;
                case "delivery_futures": return ApiFamily.CoinMFutures;
                case "european_options": return ApiFamily.Options;
                case "portfolio_margin": return ApiFamily.PortfolioMargin;
                case "alpha": return ApiFamily.Alpha;
                default: return ApiFamily.Unknown;
            }
        }
    }
}
