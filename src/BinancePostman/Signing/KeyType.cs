namespace BinancePostman.Signing
{
    /// <summary>The three key types Binance accepts.</summary>
    public enum KeyType
    {
        Hmac,
        Rsa,
        Ed25519,
    }
}
