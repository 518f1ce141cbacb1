using System;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Checks the current key against the exchange: clock offset, a signed request with the key's type, and the
    /// key's permissions (spot's API restrictions). Warns when withdrawals are enabled or IP restriction is off.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BinanceApiKey")]
    [OutputType(typeof(ApiKeyReport))]
    public sealed class TestBinanceApiKeyCommand : BinanceRequestCmdlet
    {
        protected override void ProcessRecord()
        {
            try
            {
                PostmanEnvironment? environment = NamedEnvironment();
                string baseUri = SpotBaseUri(environment, out BaseUriOrigin origin);
                BinanceNetwork network = NetworkOf(baseUri);
                bool hasSapi = network != BinanceNetwork.Testnet;
                ApiCredential? credential = ResolveCredential(environment);
                if (credential?.Signer == null)
                    throw new BinanceApiException(FailureKind.ApiKey,
                        credential == null ? "No API key is set, so there is nothing to test. Nothing was sent." : "The API key has no secret or private key to sign with, so a signed request cannot be tested. Nothing was sent.",
                        null, null, null,
                        "Give keys with Connect-Binance, -Credential, or the BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_PRIVATE_KEY_PATH) environment variables.",
                        "GET", baseUri + ApiKeyCheck.AccountPath);
                WriteVerbose($"Testing the key from {credential.Source} ({credential.Signer.Describe()}) against {baseUri} ({network}).");

                string? recvWindow = RecvWindowText;
                var check = new ApiKeyCheck(Client);
                ApiKeyReport report = RunOnClient((options, cancel) => check.RunAsync(baseUri, origin, network, hasSapi, credential.ApiKey, credential.MaskedApiKey,
                    credential.Signer, recvWindow, options, cancel));

                if (report.Failure != null && ErrorRecords.TryFromRequestFailure(report.Failure, out ErrorRecord? record))
                    WriteError(record!);
                foreach (ApiKeyFinding finding in report.Findings)
                    if (finding.Severity != AuditSeverity.Info) WriteWarning(finding.Finding + " " + finding.Advice);
                WriteObject(report);
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record))
            {
                WriteError(record!);
            }
        }

        /// <summary>Where spot is for this call: -BaseUri, -Environment, the session's base URI, else the network's spot environment.</summary>
        private string SpotBaseUri(PostmanEnvironment? environment, out BaseUriOrigin origin)
        {
            origin = BaseUriOrigin.ForCall;
            if (BaseUri != null) return BaseUri.ToString().TrimEnd('/');
            if (environment?.Url != null)
            {
                origin = BaseUriOrigin.FromEnvironment(environment.Name, "url");
                return environment.Url.TrimEnd('/');
            }
            origin = BaseUriOrigin.ForSession;
            if (ModuleSession.BaseUri != null) return ModuleSession.BaseUri.ToString().TrimEnd('/');
            return BaseUrlResolver.ResolveForPath(ApiKeyCheck.AccountPath, EffectiveNetwork, Catalog.Environments, out origin);
        }

        /// <summary>A -Network given wins; then what the host is known to be; then the environment's or the session's network.</summary>
        private BinanceNetwork NetworkOf(string baseUri)
        {
            if (Network != null) return Network.Value;
            if (BinanceHosts.TryIdentify(baseUri, out _, out BinanceNetwork byHost)) return byHost;
            PostmanEnvironment? environment = NamedEnvironment();
            return environment?.Network ?? EffectiveNetwork;
        }
    }
}
