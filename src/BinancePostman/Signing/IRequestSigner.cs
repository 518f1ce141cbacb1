namespace BinancePostman.Signing
{
    /// <summary>Signs the exact payload of a request (percent-encoded query, then body). Thread-safe.</summary>
    public interface IRequestSigner
    {
        KeyType KeyType { get; }

        /// <summary>HMAC: lowercase hex. RSA and Ed25519: standard base64.</summary>
        string Sign(string payload);

        /// <summary>What kind of key this is ("HMAC-SHA256", "RSA 2048-bit", "Ed25519"), never the key itself.</summary>
        string Describe();
    }
}
