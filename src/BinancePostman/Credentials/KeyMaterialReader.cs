using System;
using System.IO;
using BinancePostman.Signing;

namespace BinancePostman.Credentials
{
    /// <summary>Builds a signer from a secret string or a PEM private key (text or file); the key type follows from the material.</summary>
    internal static class KeyMaterialReader
    {
        public static IRequestSigner FromSecretOrPem(string material, string? passphrase)
        {
            return SignerFactory.Create(material, passphrase);
        }

        public static IRequestSigner FromPemFile(string path, string? passphrase)
        {
            string pem;
            try
            {
                pem = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new KeyMaterialException(KeyMaterialReason.Unreadable, $"The private key file '{path}' cannot be read: {ex.Message}");
            }
            return SignerFactory.Create(pem, passphrase);
        }
    }
}
