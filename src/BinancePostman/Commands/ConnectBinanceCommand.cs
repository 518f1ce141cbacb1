using System;
using System.Management.Automation;
using System.Security;
using BinancePostman.Catalog;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>Sets the session's network, base URI and keys; the parsed signer is cached, never the secret text.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Binance", DefaultParameterSetName = NoKeys)]
    [OutputType(typeof(BinanceConnection))]
    public sealed class ConnectBinanceCommand : BinanceCmdlet
    {
        private const string NoKeys = "NoKeys";
        private const string FromVault = "Vault";
        private const string FromCredential = "Credential";
        private const string FromSecret = "ApiSecret";
        private const string FromKeyFile = "PrivateKeyPath";

        [Parameter(Position = 0)]
        public BinanceNetwork Network { get; set; } = BinanceNetwork.Production;

        [Parameter(Mandatory = true, ParameterSetName = FromVault)]
        [ArgumentCompleter(typeof(Completion.VaultNameCompleter))]
        public string Vault { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = FromVault)]
        public string SecretName { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = FromCredential)]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FromSecret)]
        [Parameter(Mandatory = true, ParameterSetName = FromKeyFile)]
        public string ApiKey { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = FromSecret)]
        [SecureStringOnly]
        public SecureString? ApiSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FromKeyFile)]
        public string PrivateKeyPath { get; set; } = "";

        [Parameter(ParameterSetName = FromKeyFile)]
        [Parameter(ParameterSetName = FromCredential)]
        [SecureStringOnly]
        public SecureString? PrivateKeyPassphrase { get; set; }

        /// <summary>A proxy or a local exchange to send every request to.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>Hosts of your own (a gateway or proxy: name, optional port) that requests with keys may go to besides Binance's.</summary>
        [Parameter]
        public string[]? TrustedHost { get; set; }

        /// <summary>The collection that wins when several have an endpoint of the same name (default: Spot).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.CollectionNameCompleter))]
        public string? DefaultCollection { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                TrustedHostList trusted = ReadTrustedHosts();
                ApiCredential? credential = ReadCredential();
                ModuleSession.Network = Network;
                ModuleSession.BaseUri = BaseUri;
                ModuleSession.TrustedHosts = trusted;
                ModuleSession.DefaultCredential = credential;
                if (!string.IsNullOrEmpty(DefaultCollection)) ModuleSession.DefaultCollection = DefaultCollection!;
                var connection = new BinanceConnection(Network, BaseUri, credential?.Signer?.Describe() ?? (credential != null ? "API key only" : null),
                    credential?.MaskedApiKey, credential?.Source, DateTime.Now, new System.Collections.Generic.List<string>(trusted.Entries).ToArray());
                ModuleSession.Connection = connection;
                WriteVerbose($"Connected to {Network}{(BaseUri != null ? " at " + BaseUri : "")}{(credential != null ? " with keys from " + credential.Source : " without keys")}"
                    + $"{(trusted.Count > 0 ? "; keys may also go to " + string.Join(", ", trusted.Entries) : "")}.");
                if (PassThru) WriteObject(connection);
            }
            catch (Exception ex) when (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record))
            {
                ThrowTerminatingError(record!);
            }
        }

        private TrustedHostList ReadTrustedHosts()
        {
            try
            {
                return TrustedHostList.Parse(TrustedHost);
            }
            catch (TrustedHostFormatException ex)
            {
                throw new PSArgumentException(HostTrustText.BadTrustedHost(ex), nameof(TrustedHost));
            }
        }

        private ApiCredential? ReadCredential()
        {
            string? passphrase = PrivateKeyPassphrase == null ? null : SecureText.Use(PrivateKeyPassphrase, s => s);
            switch (ParameterSetName)
            {
                case FromVault:
                    return SecretManagementVault.Read(this, Vault, SecretName);
                case FromCredential:
                    return new ApiCredential(Credential!.UserName,
                        SecureText.Use(Credential.Password, s => KeyMaterialReader.FromSecretOrPem(s, passphrase)), "Connect-Binance -Credential");
                case FromSecret:
                    return new ApiCredential(ApiKey, SecureText.Use(ApiSecret!, s => KeyMaterialReader.FromSecretOrPem(s, null)), "Connect-Binance -ApiSecret");
                case FromKeyFile:
                    return new ApiCredential(ApiKey, KeyMaterialReader.FromPemFile(GetUnresolvedProviderPathFromPSPath(PrivateKeyPath), passphrase), "Connect-Binance -PrivateKeyPath");
                default:
                    return null;
            }
        }
    }
}
