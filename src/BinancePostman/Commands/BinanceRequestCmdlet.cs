using System;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using System.Threading;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Session;
using BinancePostman.Signing;

namespace BinancePostman.Commands
{
    /// <summary>
    /// What every cmdlet that calls the exchange shares: where to send (network, environment, base URI), which keys
    /// (per call, else session, else environment variables), timeouts, and Ctrl+C (StopProcessing cancels the call).
    /// </summary>
    public abstract class BinanceRequestCmdlet : BinanceCmdlet
    {
        private CancellationTokenSource? _cancel;

        /// <summary>Production, Testnet or Demo for this call; default: the session's (Production).</summary>
        [Parameter]
        public BinanceNetwork? Network { get; set; }

        /// <summary>A loaded Postman environment whose variables set the host.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string? Environment { get; set; }

        /// <summary>Sends to this base URI instead (a proxy, a local exchange): overrides network and environment.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>A SecretManagement vault holding the keys for this call (with -SecretName).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VaultNameCompleter))]
        public string? Vault { get; set; }

        [Parameter]
        public string? SecretName { get; set; }

        /// <summary>PSCredential: user name = API key, password = API secret (or PEM private key text).</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public string? ApiKey { get; set; }

        [Parameter]
        [SecureStringOnly]
        public SecureString? ApiSecret { get; set; }

        [Parameter]
        public string? PrivateKeyPath { get; set; }

        [Parameter]
        [SecureStringOnly]
        public SecureString? PrivateKeyPassphrase { get; set; }

        [Parameter]
        [ValidateRange(1, 60000)]
        public decimal? RecvWindow { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>How many times a read (GET) is sent again after a connection failure, a timeout, a 5xx or a 429.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int MaximumRetryCount { get; set; } = RetryPolicy.DefaultMaximumRetryCount;

        /// <summary>The first back-off in seconds; it doubles with each retry, with jitter.</summary>
        [Parameter]
        [ValidateRange(0.0, 600.0)]
        public double RetryIntervalSec { get; set; } = RetryPolicy.DefaultRetryIntervalSec;

        internal CancellationToken Cancellation => (_cancel ??= new CancellationTokenSource()).Token;

        protected override void BeginProcessing()
        {
            _cancel ??= new CancellationTokenSource();
        }

        protected override void StopProcessing()
        {
            _cancel?.Cancel();
        }

        protected override void EndProcessing()
        {
            _cancel?.Dispose();
            _cancel = null;
        }

        internal BinanceClient Client => ModuleSession.Client;

        private bool IsVerboseEnabled()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? bound))
                return bound is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(bound);
            object? preference = GetVariableValue("VerbosePreference");
            if (preference is PSObject pso) preference = pso.BaseObject;
            return preference is ActionPreference action && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        /// <summary>Sends one request with this cmdlet's timeout and retry settings (see <see cref="RunOnClient"/>).</summary>
        internal BinanceReply SendRequest(PreparedRequest request, ApiCredential? credential)
        {
            string? recvWindow = RecvWindowText;
            return RunOnClient((options, cancel) => Client.SendAsync(request, credential?.ApiKey, credential?.Signer, recvWindow, options, cancel));
        }

        /// <summary>
        /// Runs client work with this cmdlet's timeout and retry settings. The client works off the pipeline thread;
        /// its verbose lines and rate-limit waits (as progress) are written here as they come, since WriteVerbose and
        /// WriteProgress are only allowed on the pipeline thread, and Ctrl+C cancels any wait or transfer.
        /// </summary>
        internal T RunOnClient<T>(Func<SendOptions, CancellationToken, System.Threading.Tasks.Task<T>> work)
        {
            bool verbose = IsVerboseEnabled();
            // a queue and a semaphore, not a BlockingCollection: ending one of those throws inside, on every call
            var events = new System.Collections.Concurrent.ConcurrentQueue<object>();
            // not disposed: the task's continuation may release it after the loop below has ended (it holds no handle)
            var signal = new SemaphoreSlim(0);
            void Post(object item)
            {
                events.Enqueue(item);
                signal.Release();
            }
            var options = new SendOptions
            {
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Retry = new RetryPolicy(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSec)),
                Log = verbose ? line => Post(line) : (Action<string>?)null,
                OnWait = notice => Post(notice),
                TrustedHosts = ModuleSession.TrustedHosts,
                OnUnnamedHost = decision => Post(decision),
            };
            System.Threading.Tasks.Task<T> task = work(options, Cancellation);
            task.ContinueWith(_ => signal.Release(), CancellationToken.None,
                System.Threading.Tasks.TaskContinuationOptions.ExecuteSynchronously, System.Threading.Tasks.TaskScheduler.Default);
            ProgressRecord? progress = null;
            while (true)
            {
                signal.Wait();
                while (events.TryDequeue(out object? item))
                {
                    if (item is string line) WriteVerbose(line);
                    else if (item is WaitNotice notice) progress = ShowWait(notice, progress);
                    else if (item is HostTrustDecision unnamed && ModuleSession.WarnedHosts.TryAdd(unnamed.Host, true))
                        WriteWarning(HostTrustText.UnnamedHostWarning(unnamed));
                }
                if (task.IsCompleted && events.IsEmpty) break;
            }
            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            return task.GetAwaiter().GetResult();
        }

        private ProgressRecord? ShowWait(WaitNotice notice, ProgressRecord? progress)
        {
            if (notice.Done)
            {
                if (progress != null)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
                return null;
            }
            progress ??= new ProgressRecord(7106, "Waiting for " + notice.Host, "waiting");
            progress.RecordType = ProgressRecordType.Processing;
            progress.StatusDescription = $"{notice.Reason}: until {notice.Until.UtcDateTime:HH:mm:ss} UTC";
            progress.SecondsRemaining = (int)Math.Ceiling(notice.Wait.TotalSeconds);
            WriteProgress(progress);
            return progress;
        }

        internal BinanceNetwork EffectiveNetwork => Network ?? ModuleSession.Network;

        /// <summary>Refuses a request with keys for an untrusted host before it is confirmed (the send path checks again).</summary>
        internal static void RefuseUntrustedHost(PreparedRequest request)
        {
            HostTrustDecision decision = HostTrust.Decide(request, ModuleSession.TrustedHosts);
            if (decision.Verdict == HostVerdict.Refused) throw new UntrustedHostException(decision, request.Method, request.Path);
        }

        /// <summary>recvWindow as Binance wants it: up to three decimals, no exponent.</summary>
        internal string? RecvWindowText
        {
            get
            {
                if (RecvWindow == null) return null;
                decimal value = RecvWindow.Value;
                if (decimal.Round(value, 3) != value)
                    throw new PSArgumentException("-RecvWindow allows at most three decimal places (e.g. 6000.346).", nameof(RecvWindow));
                return value.ToString("0.###", CultureInfo.InvariantCulture);
            }
        }

        internal PostmanEnvironment? NamedEnvironment()
        {
            if (string.IsNullOrEmpty(Environment)) return null;
            return Catalog.FindEnvironment(Environment!)
                ?? throw new ItemNotFoundException($"No loaded environment is named '{Environment}'. Get-BinanceEnvironment lists them; Import-BinanceEnvironment loads one.");
        }

        private static int _environmentKeyWarningShown;

        /// <summary>
        /// The keys for this call: parameters, then the session, then environment variables, then the Postman
        /// environment's own values (with a warning, once); null if none.
        /// </summary>
        internal ApiCredential? ResolveCredential(PostmanEnvironment? environment)
        {
            ApiCredential? found = PerCallCredential() ?? ModuleSession.DefaultCredential ?? EnvironmentVariableCredentials.TryRead();
            if (found != null) return found;
            found = EnvironmentFileCredentials.TryRead(environment);
            if (found != null && Interlocked.Exchange(ref _environmentKeyWarningShown, 1) == 0)
                WriteWarning($"Using the API key stored in plain text in the environment '{environment!.Name}'. Keep keys in a vault instead: Set-BinanceCredential, then Connect-Binance -Vault.");
            return found;
        }

        private ApiCredential? PerCallCredential()
        {
            if (!string.IsNullOrEmpty(Vault) || !string.IsNullOrEmpty(SecretName))
            {
                if (string.IsNullOrEmpty(Vault) || string.IsNullOrEmpty(SecretName))
                    throw new PSArgumentException("-Vault and -SecretName go together: name the vault and the secret in it.");
                return SecretManagementVault.Read(this, Vault!, SecretName!);
            }
            string? passphrase = PrivateKeyPassphrase == null ? null : SecureText.Use(PrivateKeyPassphrase, s => s);
            if (Credential != null)
            {
                IRequestSigner signer = SecureText.Use(Credential.Password, s => KeyMaterialReader.FromSecretOrPem(s, passphrase));
                return new ApiCredential(Credential.UserName, signer, "parameter -Credential");
            }
            if (string.IsNullOrEmpty(ApiKey)) return null;
            if (!string.IsNullOrEmpty(PrivateKeyPath))
            {
                string path = GetUnresolvedProviderPathFromPSPath(PrivateKeyPath);
                return new ApiCredential(ApiKey!, KeyMaterialReader.FromPemFile(path, passphrase), "parameters -ApiKey and -PrivateKeyPath");
            }
            if (ApiSecret != null)
                return new ApiCredential(ApiKey!, SecureText.Use(ApiSecret, s => KeyMaterialReader.FromSecretOrPem(s, passphrase)), "parameters -ApiKey and -ApiSecret");
            return new ApiCredential(ApiKey!, null, "parameter -ApiKey");
        }
    }
}
