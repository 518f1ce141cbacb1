using System;
using System.Collections.Generic;

namespace BinancePostman.Catalog
{
    /// <summary>Why no base URL could be worked out.</summary>
    public enum UrlFailure
    {
        /// <summary>The spot testnet serves /api only, and the request is a /sapi one.</summary>
        TestnetHasNoSapi,
        /// <summary>Binance serves the API on other networks only (<see cref="UrlResolutionException.Offered"/>).</summary>
        NetworkNotServed,
        /// <summary>No loaded environment or collection variable gives the host on this network.</summary>
        NoEnvironment,
        /// <summary>The host resolves to something that is not an absolute http(s) URL.</summary>
        NotAUrl,
    }

    /// <summary>An endpoint whose base URL cannot be worked out for the chosen environment or network.</summary>
    public sealed class UrlResolutionException : Exception
    {
        public UrlResolutionException(UrlFailure failure, string message, BinanceNetwork network, IReadOnlyList<BinanceNetwork>? offered = null)
            : base(message)
        {
            Failure = failure;
            Network = network;
            Offered = offered ?? Array.Empty<BinanceNetwork>();
        }

        public UrlFailure Failure { get; }
        /// <summary>The network asked for.</summary>
        public BinanceNetwork Network { get; }
        /// <summary>The networks the loaded environments serve the API on.</summary>
        public IReadOnlyList<BinanceNetwork> Offered { get; }
    }
}
