using System;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace BinancePostman.Signing
{
    /// <summary>Ed25519 over the payload, base64 (BouncyCastle: .NET has no Ed25519 on netstandard2.0).</summary>
    internal sealed class Ed25519RequestSigner : IRequestSigner
    {
        private readonly Ed25519PrivateKeyParameters _key;

        public Ed25519RequestSigner(Ed25519PrivateKeyParameters key)
        {
            _key = key;
        }

        public KeyType KeyType => KeyType.Ed25519;

        public string Describe() => "Ed25519";

        public string Sign(string payload)
        {
            byte[] data = Encoding.UTF8.GetBytes(payload);
            var signer = new Ed25519Signer(); // cheap, and not thread-safe: one per call
            signer.Init(true, _key);
            signer.BlockUpdate(data, 0, data.Length);
            return Convert.ToBase64String(signer.GenerateSignature());
        }

        public override string ToString() => Describe();
    }
}
