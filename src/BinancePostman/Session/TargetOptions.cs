using System;
using BinancePostman.Catalog;

namespace BinancePostman.Session
{
    /// <summary>Where one call asked to go: a base URI, a loaded environment by name, a network; each may be unset.</summary>
    public sealed class TargetOptions
    {
        public static TargetOptions None { get; } = new TargetOptions();

        public Uri? BaseUri { get; set; }
        public string? EnvironmentName { get; set; }
        public BinanceNetwork? Network { get; set; }
    }

    /// <summary>Where a request's base URI came from, for messages and for deciding whom to trust.</summary>
    public enum BaseUriOrigin
    {
        /// <summary>The call's -BaseUri.</summary>
        Parameter,
        /// <summary>A loaded environment named for the call.</summary>
        NamedEnvironment,
        /// <summary>The session's base URI (Connect-Binance -BaseUri).</summary>
        Session,
        /// <summary>The network's bundled environment for the endpoint's API (or the collection's own URL).</summary>
        Network,
    }
}
