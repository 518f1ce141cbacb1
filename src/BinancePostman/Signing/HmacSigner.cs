using System;
using System.Security.Cryptography;
using System.Text;

namespace BinancePostman.Signing
{
    /// <summary>HMAC-SHA256 over the payload with the API secret, as lowercase hex.</summary>
    internal sealed class HmacSigner : IRequestSigner
    {
        private static readonly char[] Hex = "0123456789abcdef".ToCharArray();
        private readonly byte[] _key;

        public HmacSigner(byte[] key)
        {
            _key = key;
        }

        public KeyType KeyType => KeyType.Hmac;

        public string Describe() => "HMAC-SHA256";

        public string Sign(string payload)
        {
            byte[] hash;
            // HMACSHA256 instances are not thread-safe: one per call costs less than a lock under contention
            using (var hmac = new HMACSHA256(_key))
                hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(payload));
            var chars = new char[hash.Length * 2];
            for (int i = 0; i < hash.Length; i++)
            {
                chars[2 * i] = Hex[hash[i] >> 4];
                chars[2 * i + 1] = Hex[hash[i] & 0xF];
            }
            return new string(chars);
        }

        public override string ToString() => Describe();
    }
}
