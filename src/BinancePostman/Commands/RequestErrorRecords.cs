using System;
using System.Management.Automation;
using System.Text.Json;
using BinancePostman.Catalog;
using BinancePostman.Http;
using BinancePostman.Session;
using BinancePostman.Signing;

namespace BinancePostman.Commands
{
    /// <summary>Error records for everything a request can run into, each with a stable id and what to do.</summary>
    internal static partial class ErrorRecords
    {
        public static bool TryFromRequestFailure(Exception ex, out ErrorRecord? record)
        {
            record = ex switch
            {
                BinanceApiException api => ForApi(api),
                ReplyBrokeOffException broke => Make(broke, "BinanceHttp.Connection", ErrorCategory.ConnectionError, broke.Url,
                    "Run the command again; with -All, start from the last row written (-startTime, -fromId or -orderId)."),
                NotPageableException notPageable => Make(notPageable, "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, "All",
                    "-All works with klines (and their families), aggTrades, historicalTrades, myTrades/userTrades and allOrders (historyOrders for options, conditional and algo order history for portfolio margin), on the spot, futures, options and portfolio margin APIs. Page other endpoints with their own parameters."),
                EndpointRetiredException retired => ForRetired(retired),
                UntrustedHostException untrusted => ForUntrustedHost(untrusted),
                MissingParameterException missing => Make(missing, "BinancePostman.MissingParameter", ErrorCategory.InvalidArgument, missing.Endpoint,
                    $"Pass {string.Join(", ", System.Linq.Enumerable.Select(missing.Names, n => "-" + n))} (or in -Parameters). Get-BinanceEndpoint '{missing.Endpoint}' shows every parameter."),
                EndpointLookupException lookup when lookup.IsAmbiguous => Make(lookup, "BinancePostman.AmbiguousEndpoint", ErrorCategory.InvalidArgument, lookup.Name,
                    $"Add -Collection, or write the collection-qualified name, e.g. '{lookup.Collections[0]}\\{lookup.Name}'."),
                EndpointLookupException lookup => Make(lookup, "BinancePostman.EndpointNotFound", ErrorCategory.ObjectNotFound, lookup.Name,
                    "Get-BinanceEndpoint *word* searches the loaded collections; Import-BinanceCollection loads more."),
                SessionKeysFailedException failed => Make(failed, "BinancePostman.Credential.ConnectFailed", ErrorCategory.AuthenticationError, null,
                    "Run Connect-Binance again (its error says what failed), pass keys for this call, or run Disconnect-Binance to go on without session keys."),
                EnvironmentNotFoundException environment => Make(environment, "BinancePostman.EnvironmentNotFound", ErrorCategory.ObjectNotFound, environment.Name,
                    "Get-BinanceEnvironment lists the loaded environments; Import-BinanceEnvironment loads one."),
                UrlResolutionException url => Make(url, "BinancePostman.NoBaseUrl", ErrorCategory.InvalidArgument, null, UrlAdvice(url)),
                KeyParameterException keys => Make(keys, "BinancePostman.InvalidKeyParameters", ErrorCategory.InvalidArgument, null, KeyParameterAdvice(keys.Problem)),
                KeyMaterialException key => Make(key, "BinancePostman.KeyMaterial." + key.Reason, ErrorCategory.InvalidData, null, KeyMaterialAdvice(key.Reason)),
                JsonException json => Make(json, "BinancePostman.InvalidJsonReply", ErrorCategory.InvalidResult, null,
                    "The reply could not be read as JSON. Use -Raw to see it as text."),
                PSArgumentException arg => Make(arg, "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, arg.ParamName, arg.Message),
                ArgumentException arg => Make(arg, "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, arg.ParamName, arg.Message),
                _ => null,
            };
            return record != null;
        }

        private static ErrorRecord ForApi(BinanceApiException api)
        {
            if (api.Kind == FailureKind.Proxy) return ForProxy(api);
            ErrorRecord record = Make(api, api.ErrorId, CategoryOf(api.Kind), (object?)api.ClientOrderId ?? api.Url, ErrorAdvice.For(api));
            // the category is the nearest PowerShell has (a timeout); the reason says what it means: not a failure, an unknown outcome
            if (api.Kind == FailureKind.UnknownOutcome) record.CategoryInfo.Reason = "OutcomeUnknown";
            else if (api.Kind == FailureKind.IpBanned) record.CategoryInfo.Reason = "IpBanned";
            return record;
        }

        /// <summary>The proxy's failure, worded as the proxy's: the exchange was not reached. Never a credential: the proxy is named by scheme, host and port.</summary>
        private static ErrorRecord ForProxy(BinanceApiException api)
        {
            string proxy = api.Proxy ?? "a proxy";
            bool credentials = api.Detail == FailureDetail.ProxyAuthentication;
            string what = credentials
                ? $"The proxy {proxy} refused {api.Method} {api.Path}: it wants proxy credentials (HTTP 407) that were missing or wrong. Nothing reached the exchange."
                : $"Could not reach the proxy {proxy} for {api.Method} {api.Path} ({RequestFailures.Innermost(api).Message.TrimEnd('.')}). Nothing reached the exchange.";
            if (api.Attempts > 1) what += $" Tried {api.Attempts} times.";
            string action = credentials
                ? "Give the proxy's credentials with -ProxyCredential (a user name and password) or -ProxyUseDefaultCredentials (your logon), or ask the proxy's administrator which ones it takes."
                : "Check the proxy address and that the proxy runs (-Proxy, or the system's proxy: HTTPS_PROXY, HTTP_PROXY, NO_PROXY or the system settings); -NoProxy goes straight to the exchange.";
            var record = new ErrorRecord(api, api.ErrorId, credentials ? ErrorCategory.AuthenticationError : ErrorCategory.ConnectionError, proxy);
            record.ErrorDetails = new ErrorDetails(what) { RecommendedAction = action };
            return record;
        }

        private static string UrlAdvice(UrlResolutionException url)
        {
            switch (url.Failure)
            {
                case UrlFailure.TestnetHasNoSapi: return "Use the Production network for it (carefully), or pass -BaseUri.";
                case UrlFailure.NetworkNotServed: return $"Use -Network {(url.Offered.Count > 0 ? url.Offered[0] : BinanceNetwork.Production)}, or pass -BaseUri.";
                case UrlFailure.NotAUrl: return "Check the environment's 'url' variable, or pass -BaseUri.";
                default: return "Pick a network that offers this API, pass -Environment with a matching environment (Get-BinanceEnvironment), or -BaseUri.";
            }
        }

        private static string KeyParameterAdvice(KeyParameterProblem problem)
        {
            switch (problem)
            {
                case KeyParameterProblem.VaultWithoutSecretName: return "-Vault and -SecretName go together: name the vault and the secret in it.";
                case KeyParameterProblem.SecretWithoutApiKey: return "Give -ApiKey with -ApiSecret or -PrivateKeyPath, or use -Credential (user name = API key).";
                default: return "Give either -ApiSecret (an HMAC secret or PEM text) or -PrivateKeyPath (a PEM file), not both.";
            }
        }

        private static string KeyMaterialAdvice(KeyMaterialReason reason)
        {
            switch (reason)
            {
                case KeyMaterialReason.PassphraseRequired: return "The private key is encrypted: pass its passphrase with -PrivateKeyPassphrase.";
                case KeyMaterialReason.WrongPassphrase: return "Check -PrivateKeyPassphrase: it does not decrypt this private key.";
                case KeyMaterialReason.PublicKeyGiven: return "Give the private key that belongs to the public key registered with Binance.";
                default: return "Check the key material: an API secret string for HMAC, or a PEM private key (RSA or Ed25519) with its passphrase.";
            }
        }

        private static ErrorRecord Make(Exception ex, string id, ErrorCategory category, object? target, string action)
        {
            var record = new ErrorRecord(ex, id, category, target);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = action };
            return record;
        }

        private static ErrorCategory CategoryOf(FailureKind kind)
        {
            switch (kind)
            {
                case FailureKind.ApiKey: return ErrorCategory.AuthenticationError;
                case FailureKind.Permission: return ErrorCategory.PermissionDenied;
                case FailureKind.Signature: return ErrorCategory.SecurityError;
                case FailureKind.Clock: return ErrorCategory.InvalidOperation;
                case FailureKind.Parameter: return ErrorCategory.InvalidArgument;
                case FailureKind.RateLimit: return ErrorCategory.LimitsExceeded;
                case FailureKind.IpBanned: return ErrorCategory.LimitsExceeded;
                case FailureKind.Firewall: return ErrorCategory.PermissionDenied;
                case FailureKind.NotFound: return ErrorCategory.ObjectNotFound;
                case FailureKind.Rejected: return ErrorCategory.InvalidOperation;
                case FailureKind.ServerError: return ErrorCategory.ResourceUnavailable;
                // the request may have been carried out: a timeout, not a failure
                case FailureKind.UnknownOutcome: return ErrorCategory.OperationTimeout;
                case FailureKind.Connection: return ErrorCategory.ConnectionError;
                case FailureKind.Timeout: return ErrorCategory.OperationTimeout;
                case FailureKind.NotJson: return ErrorCategory.InvalidResult;
                case FailureKind.Proxy: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.NotSpecified;
            }
        }
    }
}
