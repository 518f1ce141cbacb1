using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace BinancePostman.Signing
{
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256, base64.</summary>
    internal sealed class RsaSigner : IRequestSigner, IDisposable
    {
        private readonly RSAParameters _parameters;
        private readonly int _bits;
        // RSA objects are not documented as thread-safe: one per thread, made from the parsed key
        private readonly ThreadLocal<RSA> _rsa;

        public RsaSigner(RSAParameters parameters)
        {
            _parameters = parameters;
            _bits = parameters.Modulus!.Length * 8;
            _rsa = new ThreadLocal<RSA>(Create, trackAllValues: true);
        }

        public KeyType KeyType => KeyType.Rsa;

        public string Describe() => $"RSA {_bits}-bit";

        public string Sign(string payload)
        {
            byte[] signature = _rsa.Value!.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return Convert.ToBase64String(signature);
        }

        private RSA Create()
        {
            RSA rsa = RSA.Create();
            rsa.ImportParameters(_parameters);
            return rsa;
        }

        public void Dispose()
        {
            foreach (RSA rsa in _rsa.Values) rsa.Dispose();
            _rsa.Dispose();
        }

        public override string ToString() => Describe();
    }
}
