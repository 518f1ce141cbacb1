using BinancePostman.Catalog;

namespace BinancePostman.Streams
{
    /// <summary>The Binance APIs that stream: market data, and each account's user data.</summary>
    public enum StreamApi
    {
        Spot,
        /// <summary>Cross or isolated margin: user data only, through a listen token on the spot WebSocket API.</summary>
        Margin,
        UsdM,
        CoinM,
        Options,
        /// <summary>Portfolio margin: user data only, through a listenKey.</summary>
        PortfolioMargin,
    }

    public static class StreamApis
    {
        /// <summary>The REST API whose host serves this API's listenKey, listen token and server time.</summary>
        public static ApiFamily RestFamily(this StreamApi api)
        {
            switch (api)
            {
                case StreamApi.UsdM: return ApiFamily.UsdMFutures;
                case StreamApi.CoinM: return ApiFamily.CoinMFutures;
                case StreamApi.Options: return ApiFamily.Options;
                case StreamApi.PortfolioMargin: return ApiFamily.PortfolioMargin;
                default: return ApiFamily.Spot;
            }
        }

        /// <summary>Where the listenKey is created, kept alive and closed; null for the APIs that use none.</summary>
        public static string? ListenKeyPath(this StreamApi api)
        {
            switch (api)
            {
                case StreamApi.UsdM: return "/fapi/v1/listenKey";
                case StreamApi.CoinM: return "/dapi/v1/listenKey";
                case StreamApi.Options: return "/eapi/v1/listenKey";
                case StreamApi.PortfolioMargin: return "/papi/v1/listenKey";
                default: return null;
            }
        }

        /// <summary>A path of the API's REST side that tells its host and server-time endpoint.</summary>
        public static string RestPath(this StreamApi api) =>
            api == StreamApi.Margin ? "/sapi/v1/userListenToken" : api.ListenKeyPath() ?? "/api/v3/time";

        public static string DisplayName(this StreamApi api) =>
            api == StreamApi.Margin ? "Margin" : api.RestFamily().DisplayName();
    }
}
