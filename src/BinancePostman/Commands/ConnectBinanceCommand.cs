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
        [Parameter(ParameterSetName = FromSecret)]
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
                SessionSnapshot current = ModuleSession.Current;
                TrustedHostList trusted = ReadTrustedHosts();
                ApiCredential? credential = CredentialBuilder.Build(Keys(), (vault, secret) => SecretManagementVault.Read(this, vault, secret));
                string? keySource = credential == null ? null : KeySourceText.For(credential, connect: true);
                var connection = new BinanceConnection(Network, BaseUri, credential?.Signer?.Describe() ?? (credential != null ? "API key only" : null),
                    credential?.MaskedApiKey, keySource, DateTime.Now, new System.Collections.Generic.List<string>(trusted.Entries).ToArray());
                string defaultCollection = string.IsNullOrEmpty(DefaultCollection) ? current.DefaultCollection : DefaultCollection!;
                // one snapshot, swapped whole: no runspace sees this connection half made
                ModuleSession.Replace(new SessionSnapshot(Network, BaseUri, credential, defaultCollection, connection, trustedHosts: trusted));
                WriteVerbose($"Connected to {Network}{(BaseUri != null ? " at " + BaseUri : "")}{(credential != null ? " with keys from " + keySource : " without keys")}"
                    + $"{(trusted.Count > 0 ? "; keys may also go to " + string.Join(", ", trusted.Entries) : "")}.");
                if (PassThru) WriteObject(connection);
            }
            catch (Exception ex) when (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record))
            {
                // later requests must not use the keys of the session before this one, nor fall back to other keys
                SessionSnapshot current = ModuleSession.Current;
                ModuleSession.Replace(SessionSnapshot.AfterFailedConnect(Network, BaseUri,
                    string.IsNullOrEmpty(DefaultCollection) ? current.DefaultCollection : DefaultCollection!, record!.Exception.Message));
                ThrowTerminatingError(record);
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

        private KeyParameters Keys() => new KeyParameters
        {
            Vault = ParameterSetName == FromVault ? Vault : null,
            SecretName = ParameterSetName == FromVault ? SecretName : null,
            CredentialUserName = Credential?.UserName,
            CredentialPassword = Credential?.Password,
            ApiKey = string.IsNullOrEmpty(ApiKey) ? null : ApiKey,
            ApiSecret = ApiSecret,
            PrivateKeyPath = string.IsNullOrEmpty(PrivateKeyPath) ? null : GetUnresolvedProviderPathFromPSPath(PrivateKeyPath),
            PrivateKeyPassphrase = PrivateKeyPassphrase,
        };
    }
}
