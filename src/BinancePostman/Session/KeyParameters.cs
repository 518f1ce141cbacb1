using System.Security;

namespace BinancePostman.Session
{
    /// <summary>
    /// The key parameters one cmdlet was given, as they were bound: a vault and secret name, a credential (user name
    /// and password), or an API key with a secret or a PEM private key file, each with an optional passphrase.
    /// </summary>
    public sealed class KeyParameters
    {
        public string? Vault { get; set; }
        public string? SecretName { get; set; }
        /// <summary>A PSCredential's user name: the API key.</summary>
        public string? CredentialUserName { get; set; }
        /// <summary>A PSCredential's password: the API secret or a PEM private key.</summary>
        public SecureString? CredentialPassword { get; set; }
        public string? ApiKey { get; set; }
        /// <summary>An HMAC secret, or a PEM private key's text.</summary>
        public SecureString? ApiSecret { get; set; }
        /// <summary>A PEM private key file, as a provider path already resolved.</summary>
        public string? PrivateKeyPath { get; set; }
        public SecureString? PrivateKeyPassphrase { get; set; }

        public bool NamesVault => !string.IsNullOrEmpty(Vault) || !string.IsNullOrEmpty(SecretName);

        /// <summary>True when no key parameter was given at all.</summary>
        public bool IsEmpty => !NamesVault && CredentialUserName == null && string.IsNullOrEmpty(ApiKey) && ApiSecret == null
            && string.IsNullOrEmpty(PrivateKeyPath) && PrivateKeyPassphrase == null;
    }
}
