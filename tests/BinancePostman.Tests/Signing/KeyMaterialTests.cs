using System.IO;
using BinancePostman.Signing;
using Xunit;

namespace BinancePostman.Tests.Signing
{
    public class KeyMaterialTests
    {
        private static string Pem(string file) => File.ReadAllText(Path.Combine(Fixtures.SigningVectors, file));

        private static KeyMaterialException Fails(string material, string? passphrase)
        {
            var ex = Assert.Throws<KeyMaterialException>(() => SignerFactory.Create(material, passphrase));
            // the key itself never appears in what is reported
            string body = material.Trim().Split('\n')[1 % material.Trim().Split('\n').Length];
            if (body.Length > 8) Assert.DoesNotContain(body.Trim(), ex.Message);
            if (passphrase != null && passphrase.Length > 3) Assert.DoesNotContain(passphrase, ex.Message);
            return ex;
        }

        [Fact]
        public void WrongPassphrase() => Assert.Equal(KeyMaterialReason.WrongPassphrase, Fails(Pem("rsa-2048-pkcs8-encrypted.pem"), "not-the-passphrase").Reason);

        [Fact]
        public void MissingPassphrase() => Assert.Equal(KeyMaterialReason.PassphraseRequired, Fails(Pem("rsa-2048-pkcs8-encrypted.pem"), null).Reason);

        [Fact]
        public void PublicKeyInsteadOfPrivate()
        {
            string publicPem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAtvp1GL6wRJCrnFM50RXzj/wBAn/phoC1chuta0+bklk=\n-----END PUBLIC KEY-----\n";
            Assert.Equal(KeyMaterialReason.PublicKeyGiven, Fails(publicPem, null).Reason);
        }

        [Fact]
        public void GarbagePem()
        {
            string broken = "-----BEGIN PRIVATE KEY-----\nTm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0\n-----END PRIVATE KEY-----\n";
            Assert.Equal(KeyMaterialReason.Unreadable, Fails(broken, null).Reason);
        }

        [Fact]
        public void EmptySecret() => Assert.Equal(KeyMaterialReason.EmptySecret, Fails("   ", null).Reason);

        [Fact]
        public void KeyTypeFollowsTheMaterial()
        {
            Assert.Equal("HMAC-SHA256", SignerFactory.Create("abc123", null).Describe());
            Assert.Equal("RSA 2048-bit", SignerFactory.Create(Pem("rsa-2048-pkcs8.pem"), null).Describe());
            Assert.Equal("Ed25519", SignerFactory.Create(Pem("ed25519.pem"), null).Describe());
        }
    }
}
