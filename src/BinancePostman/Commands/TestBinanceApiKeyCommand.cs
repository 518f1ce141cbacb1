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
                SessionSnapshot session = ModuleSession.Current;
                (RequestTarget target, BinanceNetwork network) = ApiKeyCheck.Plan(Target, session, Catalog);
                ApiCredential? credential = ResolveKeys(session, target.Environment);
                if (credential?.Signer == null)
                    throw new NoKeyToTestException(credential == null);
                WriteVerbose($"Testing the key from {KeySourceText.For(credential)} ({credential.Signer.Describe()}) against {target.BaseUri} ({network}).");

                string? recvWindow = RecvWindowText;
                var check = new ApiKeyCheck(Client);
                bool hasSapi = network != BinanceNetwork.Testnet;
                ApiKeyReport report = RunOnClient((options, cancel) => check.RunAsync(target.BaseUri, target.Origin, network, hasSapi, credential.ApiKey, credential.MaskedApiKey,
                    credential.Signer, recvWindow, options, cancel));
                ApiKeyFindingText.Word(report);

                if (report.Failure != null && ErrorRecords.TryFromRequestFailure(report.Failure, out ErrorRecord? record))
                    WriteError(record!);
                foreach (ApiKeyFinding finding in report.Findings)
                    if (finding.Severity != AuditSeverity.Info) WriteWarning(finding.Finding + " " + finding.Advice);
                WriteObject(report);
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
            }
            catch (NoKeyToTestException ex)
            {
                WriteError(new ErrorRecord(ex, NoKeyToTestException.ErrorId, ErrorCategory.AuthenticationError, null)
                {
                    ErrorDetails = new ErrorDetails(ex.Message)
                    {
                        RecommendedAction = "Give keys with Connect-Binance, -Credential, or the BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_PRIVATE_KEY_PATH) environment variables.",
                    },
                });
            }
            catch (Exception ex) when (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record))
            {
                WriteError(record!);
            }
        }

        /// <summary>No key, or a key without a secret: nothing to test, nothing sent.</summary>
        private sealed class NoKeyToTestException : Exception
        {
            public NoKeyToTestException(bool noKey)
                : base(noKey ? "No API key is set, so there is nothing to test. Nothing was sent."
                    : "The API key has no secret or private key to sign with, so a signed request cannot be tested. Nothing was sent.")
            {
            }

            public const string ErrorId = "BinanceHttp.ApiKey";
        }
    }
}
