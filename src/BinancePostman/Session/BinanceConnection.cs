using System;
using BinancePostman.Catalog;

namespace BinancePostman.Session
{
    /// <summary>What Connect-Binance set: shown by Get-BinanceConnection. Never holds or shows the secret.</summary>
    public sealed class BinanceConnection
    {
        public BinanceConnection(BinanceNetwork network, Uri? baseUri, string? keyType, string? apiKeyMasked, string? keySource, DateTime connectedAt,
            string[]? trustedHost = null)
        {
            TrustedHost = trustedHost ?? System.Array.Empty<string>();
            Network = network;
            BaseUri = baseUri;
            KeyType = keyType;
            ApiKey = apiKeyMasked;
            KeySource = keySource;
            ConnectedAt = connectedAt;
        }

        public BinanceNetwork Network { get; }
        public Uri? BaseUri { get; }
        /// <summary>Hosts besides Binance's that requests with keys may go to (Connect-Binance -TrustedHost).</summary>
        public string[] TrustedHost { get; }
        /// <summary>HMAC-SHA256, RSA 2048-bit, Ed25519, or none.</summary>
        public string? KeyType { get; }
        /// <summary>First and last four characters only.</summary>
        public string? ApiKey { get; }
        public string? KeySource { get; }
        public DateTime ConnectedAt { get; }
    }
}
