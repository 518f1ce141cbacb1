using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using System.Security;
using BinancePostman.Credentials;
using BinancePostman.Session;
using BinancePostman.Signing;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Stores key material in a SecretManagement vault as one Hashtable secret: ApiKey plus ApiSecret (HMAC) or
    /// PrivateKey (PEM, RSA or Ed25519) with an optional PrivateKeyPassphrase. The key material is checked first.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "BinanceCredential", DefaultParameterSetName = Hmac, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class SetBinanceCredentialCommand : BinanceCmdlet
    {
        private const string Hmac = "ApiSecret";
        private const string PemText = "PrivateKey";
        private const string PemFile = "PrivateKeyPath";

        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(Completion.VaultNameCompleter))]
        public string Vault { get; set; } = "";

        [Parameter(Mandatory = true)]
        public string SecretName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0)]
        public string ApiKey { get; set; } = "";

        /// <summary>The HMAC secret; prompted for when not given.</summary>
        [Parameter(ParameterSetName = Hmac)]
        [SecureStringOnly]
        public SecureString? ApiSecret { get; set; }

        /// <summary>PEM text of an RSA or Ed25519 private key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PemText)]
        [SecureStringOnly]
        public SecureString? PrivateKey { get; set; }

        /// <summary>A PEM file, read once and stored in the vault.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PemFile)]
        public string PrivateKeyPath { get; set; } = "";

        [Parameter(ParameterSetName = PemText)]
        [Parameter(ParameterSetName = PemFile)]
        [SecureStringOnly]
        public SecureString? PrivateKeyPassphrase { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                var secret = new Hashtable { [SecretManagementVault.ApiKeyField] = ApiKey };
                var keys = new KeyParameters { ApiKey = ApiKey, PrivateKeyPassphrase = PrivateKeyPassphrase };
                switch (ParameterSetName)
                {
                    case PemText:
                        keys.ApiSecret = PrivateKey;
                        secret[SecretManagementVault.PrivateKeyField] = PrivateKey;
                        break;
                    case PemFile:
                        keys.PrivateKeyPath = GetUnresolvedProviderPathFromPSPath(PrivateKeyPath);
                        break;
                    default:
                        keys.ApiSecret = ApiSecret ?? PromptForSecret();
                        secret[SecretManagementVault.ApiSecretField] = keys.ApiSecret;
                        break;
                }
                // the material is read as every cmdlet reads it, so what is stored is known to work
                IRequestSigner signer = CredentialBuilder.Build(keys, (_, _) => throw new InvalidOperationException())!.Signer!;
                if (ParameterSetName == PemFile) secret[SecretManagementVault.PrivateKeyField] = ToSecure(File.ReadAllText(keys.PrivateKeyPath!));
                if (PrivateKeyPassphrase != null) secret[SecretManagementVault.PassphraseField] = PrivateKeyPassphrase;

                if (!ShouldProcess($"vault '{Vault}', secret '{SecretName}'", $"Store {signer.Describe()} keys for API key {ApiCredential.Mask(ApiKey)}")) return;
                SecretManagementVault.Write(this, Vault, SecretName, secret);
                WriteVerbose($"Stored {signer.Describe()} keys for {ApiCredential.Mask(ApiKey)} in vault '{Vault}' as '{SecretName}'.");
            }
            catch (Exception ex) when (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record))
            {
                ThrowTerminatingError(record!);
            }
        }

        private SecureString PromptForSecret()
        {
            Host.UI.Write($"API secret for {ApiCredential.Mask(ApiKey)}: ");
            return Host.UI.ReadLineAsSecureString();
        }

        private static SecureString ToSecure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
