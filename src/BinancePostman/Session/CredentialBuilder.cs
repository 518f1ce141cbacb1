using System;
using BinancePostman.Credentials;
using BinancePostman.Signing;

namespace BinancePostman.Session
{
    /// <summary>
    /// Turns key parameters into one credential: the one way Connect-Binance, Set-BinanceCredential and every request
    /// cmdlet read them. The key type follows from the material: a secret string is HMAC, PEM text or a PEM file is
    /// RSA or Ed25519 (with its passphrase when encrypted).
    /// </summary>
    internal static class CredentialBuilder
    {
        /// <summary>The credential the parameters give; null when none was given.</summary>
        /// <param name="readVault">reads a vault's secret (vault, secret name): SecretManagement runs in the caller's runspace</param>
        public static ApiCredential? Build(KeyParameters p, Func<string, string, ApiCredential> readVault)
        {
            if (p.NamesVault)
            {
                if (string.IsNullOrEmpty(p.Vault) || string.IsNullOrEmpty(p.SecretName)) throw new KeyParameterException(KeyParameterProblem.VaultWithoutSecretName);
                return readVault(p.Vault!, p.SecretName!);
            }
            string? passphrase = p.PrivateKeyPassphrase == null ? null : SecureText.Use(p.PrivateKeyPassphrase, s => s);
            if (p.CredentialUserName != null)
            {
                var password = p.CredentialPassword ?? new System.Security.SecureString();
                return new ApiCredential(p.CredentialUserName, SecureText.Use(password, s => KeyMaterialReader.FromSecretOrPem(s, passphrase)), KeyOrigin.Credential);
            }
            if (string.IsNullOrEmpty(p.ApiKey))
            {
                if (p.ApiSecret != null || !string.IsNullOrEmpty(p.PrivateKeyPath)) throw new KeyParameterException(KeyParameterProblem.SecretWithoutApiKey);
                return null;
            }
            if (!string.IsNullOrEmpty(p.PrivateKeyPath))
            {
                if (p.ApiSecret != null) throw new KeyParameterException(KeyParameterProblem.SecretAndKeyFile);
                return new ApiCredential(p.ApiKey!, KeyMaterialReader.FromPemFile(p.PrivateKeyPath!, passphrase), KeyOrigin.PrivateKeyFile);
            }
            if (p.ApiSecret != null)
                return new ApiCredential(p.ApiKey!, SecureText.Use(p.ApiSecret, s => KeyMaterialReader.FromSecretOrPem(s, passphrase)), KeyOrigin.Parameters);
            return new ApiCredential(p.ApiKey!, null, KeyOrigin.Parameters);
        }
    }
}
