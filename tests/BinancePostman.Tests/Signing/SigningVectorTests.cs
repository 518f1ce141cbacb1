using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BinancePostman.Http;
using BinancePostman.Signing;
using Xunit;

namespace BinancePostman.Tests.Signing
{
    /// <summary>Binance's published signing examples, read from the shared fixtures, for all three key types.</summary>
    public class SigningVectorTests
    {
        private static readonly JsonDocument Vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.SigningVectors, "vectors.json")));

        public static IEnumerable<object[]> Ids(string kind) =>
            Vectors.RootElement.GetProperty(kind).EnumerateArray().Select(v => new object[] { v.GetProperty("id").GetString()! });

        private static JsonElement Vector(string kind, string id) =>
            Vectors.RootElement.GetProperty(kind).EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

        private static string? Str(JsonElement v, string name) => v.TryGetProperty(name, out JsonElement e) ? e.GetString() : null;

        /// <summary>The payload from the vector's parameters (through our encoder) or its query/body, else as given.</summary>
        private static string PayloadOf(JsonElement v)
        {
            if (v.TryGetProperty("parameters", out JsonElement parameters))
                return PercentEncoder.Join(parameters.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)));
            if (v.TryGetProperty("query", out JsonElement q))
                return q.GetString() + Str(v, "body");
            return Str(v, "payload")!;
        }

        private static IRequestSigner SignerFor(string kind, JsonElement v)
        {
            if (kind == "hmac") return SignerFactory.Create(Str(v, "secret")!, null);
            string pem = File.ReadAllText(Path.Combine(Fixtures.SigningVectors, Str(v, "privateKeyFile")!));
            return SignerFactory.Create(pem, Str(v, "passphrase"));
        }

        private static string ExpectedSignature(string kind, JsonElement v)
        {
            string s = Str(v, "signature")!;
            if (s.StartsWith("same as ")) return Str(Vector(kind, s.Substring("same as ".Length)), "signature")!;
            return s;
        }

        [Theory]
        [MemberData(nameof(Ids), "hmac")]
        public void Hmac(string id) => Check("hmac", id, KeyType.Hmac);

        [Theory]
        [MemberData(nameof(Ids), "rsa")]
        public void Rsa(string id) => Check("rsa", id, KeyType.Rsa);

        [Theory]
        [MemberData(nameof(Ids), "ed25519")]
        public void Ed25519(string id) => Check("ed25519", id, KeyType.Ed25519);

        private static void Check(string kind, string id, KeyType type)
        {
            JsonElement v = Vector(kind, id);
            string payload = PayloadOf(v);
            Assert.Equal(Str(v, "payload"), payload);
            IRequestSigner signer = SignerFor(kind, v);
            Assert.Equal(type, signer.KeyType);
            Assert.Equal(ExpectedSignature(kind, v), signer.Sign(payload));
        }

        [Theory]
        [InlineData("hmac", "H1")]
        [InlineData("rsa", "R1")]
        [InlineData("ed25519", "E1")]
        public void SignersAreThreadSafe(string kind, string id)
        {
            JsonElement v = Vector(kind, id);
            IRequestSigner signer = SignerFor(kind, v);
            string payload = Str(v, "payload")!;
            string expected = ExpectedSignature(kind, v);
            var results = new string[kind == "rsa" ? 200 : 1000];
            Parallel.For(0, results.Length, i => results[i] = signer.Sign(payload));
            Assert.All(results, r => Assert.Equal(expected, r));
        }

        [Fact]
        public void QueryPlusBodyIsSignedWithoutSeparatorAndSignatureGoesLastInTheBody()
        {
            JsonElement v = Vector("hmac", "H3");
            IRequestSigner signer = SignerFactory.Create(Str(v, "secret")!, null);
            WireRequest wire = WireRequest.Sign(Str(v, "query")!, Str(v, "body")!, signer);
            Assert.Equal(Str(v, "payload"), wire.Payload);
            Assert.Equal(Str(v, "query"), wire.Query);
            Assert.Equal(Str(v, "body") + "&signature=" + Str(v, "signature"), wire.Body);
        }
    }
}
