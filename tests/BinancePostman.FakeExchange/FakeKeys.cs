using System;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace BinancePostman.FakeExchange
{
    /// <summary>A key the exchange knows: its API key string, how to verify its signatures, and its permissions.</summary>
    public sealed class FakeKey
    {
        public FakeKey(string apiKey, string type, Func<string, string, bool> verify)
        {
            ApiKey = apiKey;
            Type = type;
            Verify = verify;
        }

        public string ApiKey { get; }
        public string Type { get; }
        /// <summary>(payload, signature as sent, URL-decoded) → valid?</summary>
        public Func<string, string, bool> Verify { get; }
        public bool EnableWithdrawals { get; set; }
        public bool IpRestrict { get; set; }
    }

    /// <summary>The keys the exchange knows, from Binance's published test keys in the signing-vectors folder.</summary>
    public sealed class FakeKeys
    {
        public const string RsaApiKey = "fake-rsa-api-key-0000000000000000000000000000000000000000000001";
        public const string Ed25519ApiKey = "fake-ed25519-api-key-000000000000000000000000000000000000000001";

        private readonly ConcurrentDictionary<string, FakeKey> _keys = new ConcurrentDictionary<string, FakeKey>(StringComparer.Ordinal);

        public FakeKeys(string signingVectorsDir)
        {
            using JsonDocument vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(signingVectorsDir, "vectors.json")));
            JsonElement hmac = vectors.RootElement.GetProperty("hmac")[0];
            HmacApiKey = hmac.GetProperty("apiKey").GetString()!;
            HmacSecret = hmac.GetProperty("secret").GetString()!;
            AddHmac(HmacApiKey, HmacSecret);

            var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(Path.Combine(signingVectorsDir, "rsa-2048-pkcs8.pem")));
            RSAParameters publicPart = rsa.ExportParameters(false);
            Add(new FakeKey(RsaApiKey, "RSA", (payload, signature) =>
            {
                using var verifier = RSA.Create(publicPart);
                return TryBase64(signature, out byte[] sig)
                    && verifier.VerifyData(Encoding.UTF8.GetBytes(payload), sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }));

            string spki = vectors.RootElement.GetProperty("ed25519")[0].GetProperty("publicKey").GetString()!;
            AddEd25519(Ed25519ApiKey, spki);
        }

        public string HmacApiKey { get; }
        public string HmacSecret { get; }

        public System.Collections.Generic.IEnumerable<FakeKey> All => _keys.Values;

        public FakeKey? Find(string apiKey) => _keys.TryGetValue(apiKey, out FakeKey? key) ? key : null;

        public void Add(FakeKey key) => _keys[key.ApiKey] = key;

        public void AddHmac(string apiKey, string secret)
        {
            byte[] secretBytes = Encoding.UTF8.GetBytes(secret);
            Add(new FakeKey(apiKey, "HMAC", (payload, signature) =>
            {
                string expected = Convert.ToHexStringLower(HMACSHA256.HashData(secretBytes, Encoding.UTF8.GetBytes(payload)));
                return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
            }));
        }

        /// <summary>Registers an Ed25519 public key given as base64 SubjectPublicKeyInfo (the last 32 bytes are the key).</summary>
        public void AddEd25519(string apiKey, string spkiBase64)
        {
            byte[] spki = Convert.FromBase64String(spkiBase64);
            var publicKey = new Ed25519PublicKeyParameters(spki, spki.Length - 32);
            Add(new FakeKey(apiKey, "Ed25519", (payload, signature) =>
            {
                if (!TryBase64(signature, out byte[] sig)) return false;
                var verifier = new Ed25519Signer();
                verifier.Init(false, publicKey);
                byte[] data = Encoding.UTF8.GetBytes(payload);
                verifier.BlockUpdate(data, 0, data.Length);
                return verifier.VerifySignature(sig);
            }));
        }

        private static bool TryBase64(string text, out byte[] bytes)
        {
            try { bytes = Convert.FromBase64String(text); return true; }
            catch (FormatException) { bytes = Array.Empty<byte>(); return false; }
        }
    }
}
