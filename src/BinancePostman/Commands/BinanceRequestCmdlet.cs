using System;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Orders;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// What every cmdlet that calls the exchange shares: the parameters for where to send (network, environment, base
    /// URI), which keys, timeouts and retries, handed to the Session as they were bound; the wait for a call on the
    /// pipeline thread; and Ctrl+C (StopProcessing cancels the call).
    /// </summary>
    public abstract class BinanceRequestCmdlet : BinanceConnectionCmdlet
    {
        private CancellationTokenSource? _cancel;

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

        /// <summary>Sets this variable (in the caller's scope) to the last reply's headers: a case-insensitive dictionary of name to string[], as Invoke-RestMethod does.</summary>
        [Parameter]
        [Alias("RHV")]
        [ValidateNotNullOrEmpty]
        public string? ResponseHeadersVariable { get; set; }

        /// <summary>Sets this variable (in the caller's scope) to the last reply's HTTP status code, failures included.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatusCodeVariable { get; set; }

        internal CancellationToken Cancellation => (_cancel ??= new CancellationTokenSource()).Token;

        private bool _verbose;
        private ProxySetting _proxy = ProxySetting.System;
        private ReplyVariables _replies = new ReplyVariables(null, null);

        protected override void BeginProcessing()
        {
            _cancel ??= new CancellationTokenSource();
            _verbose = IsVerboseEnabled();
            _proxy = ProxyChoice.From(this);
            _replies = new ReplyVariables(StatusCodeVariable, ResponseHeadersVariable);
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

        internal static BinanceClient Client => ModuleSession.Client;

        internal bool Verbose => _verbose;

        /// <summary>Where this call asked to go.</summary>
        internal TargetOptions Target => new TargetOptions { BaseUri = BaseUri, EnvironmentName = Environment, Network = Network };

        /// <summary>The key parameters as bound, the key file's path resolved against the current location.</summary>
        internal KeyParameters Keys => new KeyParameters
        {
            Vault = Vault,
            SecretName = SecretName,
            CredentialUserName = Credential?.UserName,
            CredentialPassword = Credential?.Password,
            ApiKey = ApiKey,
            ApiSecret = ApiSecret,
            PrivateKeyPath = string.IsNullOrEmpty(PrivateKeyPath) ? null : GetUnresolvedProviderPathFromPSPath(PrivateKeyPath),
            PrivateKeyPassphrase = PrivateKeyPassphrase,
        };

        private bool IsVerboseEnabled()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? bound))
                return bound is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(bound);
            object? preference = GetVariableValue("VerbosePreference");
            if (preference is PSObject pso) preference = pso.BaseObject;
            return preference is ActionPreference action && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        private static int _environmentKeyWarningShown;

        /// <summary>
        /// The keys for this call: its own parameters, then the session's, then environment variables, then the Postman
        /// environment's own values (with a warning, once); null if none. A vault that fails is an error, not a fallback.
        /// </summary>
        internal ApiCredential? ResolveKeys(SessionSnapshot session, PostmanEnvironment? environment)
        {
            ApiCredential? found = KeyResolver.Resolve(Keys, session, environment, (vault, secret) => SecretManagementVault.Read(this, vault, secret, Cancellation));
            if (found?.Origin == KeyOrigin.EnvironmentFile && Interlocked.Exchange(ref _environmentKeyWarningShown, 1) == 0)
                WriteWarning($"Using the API key stored in plain text in the environment '{found.Environment}'. Keep keys in a vault instead: Set-BinanceCredential, then Connect-Binance -Vault.");
            return found;
        }

        /// <summary>
        /// Sends one request with this cmdlet's timeout and retry settings, waiting on the pipeline thread. An order the
        /// exchange refuses for its numbers (-1013, -1111) makes the symbol's cached filters be read again next time.
        /// </summary>
        internal BinanceReply Send(PreparedRequest request, ApiCredential? credential)
        {
            string? recvWindow = RecvWindowText;
            try
            {
                return RunOnClient((options, cancel) => Client.SendAsync(request, credential?.ApiKey, credential?.Signer, recvWindow, options, cancel));
            }
            catch (BinanceApiException ex) when (SymbolFilterCache.IsFilterRejection(ex.Code) && request.Find("symbol") is string symbol)
            {
                SymbolFilterCache.Shared.InvalidateOnRejection(request.Host, symbol, ex.Code);
                throw;
            }
        }

        /// <summary>
        /// Runs client work with this cmdlet's timeout, retry and proxy settings (see <see cref="ClientPump"/>); then, on the
        /// pipeline thread and before any failure is written, sets -StatusCodeVariable and -ResponseHeadersVariable to the
        /// last reply of the work ($null when no reply came).
        /// </summary>
        internal T RunOnClient<T>(Func<SendOptions, CancellationToken, Task<T>> work)
        {
            SendOptions settings = NewSendOptions();
            try
            {
                return new ClientPump(this, _verbose).Run(settings, work, Cancellation);
            }
            finally
            {
                SetReplyVariables();
            }
        }

        /// <summary>This call's timeout, retries, proxy and the session's trusted hosts; replies are kept for the reply variables.</summary>
        internal SendOptions NewSendOptions() => new SendOptions
        {
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            Retry = new RetryPolicy(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSec)),
            Proxy = _proxy,
            OnReply = _replies.Begin(),
            TrustedHosts = ModuleSession.Current.TrustedHosts,
        };

        /// <summary>Sets -StatusCodeVariable and -ResponseHeadersVariable to the last reply since <see cref="NewSendOptions"/> (pipeline thread only).</summary>
        internal void SetReplyVariables()
        {
            if (!Cancellation.IsCancellationRequested) _replies.Set(this);
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
    }
}
