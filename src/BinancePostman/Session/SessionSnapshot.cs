using System;
using BinancePostman.Catalog;
using BinancePostman.Credentials;
using BinancePostman.Http;

namespace BinancePostman.Session
{
    /// <summary>
    /// What Connect-Binance set, as one immutable snapshot: network, base URI, keys and the preferred collection go
    /// together. A request reads the snapshot once and uses it throughout, so a Connect or Disconnect in another
    /// runspace never shows it half applied.
    /// </summary>
    public sealed class SessionSnapshot
    {
        public const string SpotCollection = "Spot";

        /// <summary>No connection: Production, no keys, Spot first.</summary>
        public static SessionSnapshot Disconnected { get; } = new SessionSnapshot(BinanceNetwork.Production, null, null, SpotCollection, null);

        public SessionSnapshot(BinanceNetwork network, Uri? baseUri, ApiCredential? credential, string defaultCollection, BinanceConnection? connection,
            string? connectFailure = null, TrustedHostList? trustedHosts = null)
        {
            TrustedHosts = trustedHosts ?? TrustedHostList.Empty;
            Network = network;
            BaseUri = baseUri;
            Credential = credential;
            DefaultCollection = defaultCollection;
            Connection = connection;
            ConnectFailure = connectFailure;
        }

        /// <summary>
        /// The session after a Connect-Binance whose keys could not be read: its network and base URI hold, and a request
        /// that needs keys fails instead of using the keys of the session before it or of the environment.
        /// </summary>
        public static SessionSnapshot AfterFailedConnect(BinanceNetwork network, Uri? baseUri, string defaultCollection, string failure) =>
            new SessionSnapshot(network, baseUri, null, defaultCollection, null, failure);

        public BinanceNetwork Network { get; }
        /// <summary>A proxy or a local exchange every request goes to, when set.</summary>
        public Uri? BaseUri { get; }
        /// <summary>The session's keys: the parsed signer, never the secret text.</summary>
        public ApiCredential? Credential { get; }
        /// <summary>Where a name that several collections share resolves without -Collection.</summary>
        public string DefaultCollection { get; }
        /// <summary>What Get-BinanceConnection shows; null when disconnected.</summary>
        public BinanceConnection? Connection { get; }
        /// <summary>Why the last Connect-Binance could not read its keys; null when it could.</summary>
        public string? ConnectFailure { get; }
        /// <summary>Hosts besides Binance's that requests with keys may go to (Connect-Binance -TrustedHost); kept in memory only.</summary>
        public TrustedHostList TrustedHosts { get; }
    }
}
