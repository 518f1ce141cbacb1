using System;

namespace BinancePostman.Signing
{
    public enum KeyMaterialReason
    {
        EmptySecret,
        Unreadable,
        PublicKeyGiven,
        UnsupportedKeyType,
        PassphraseRequired,
        WrongPassphrase,
    }

    /// <summary>Key material that cannot be used. The message says what to do and never holds the key.</summary>
    public sealed class KeyMaterialException : Exception
    {
        public KeyMaterialException(KeyMaterialReason reason, string message) : base(message)
        {
            Reason = reason;
        }

        public KeyMaterialReason Reason { get; }
    }
}
