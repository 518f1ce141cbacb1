using System;
using System.Management.Automation;
using System.Text.Json;
using BinancePostman.Catalog;
using BinancePostman.Http;
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
                UntrustedHostException untrusted => ForUntrustedHost(untrusted),
                MissingParameterException missing => Make(missing, "BinancePostman.MissingParameter", ErrorCategory.InvalidArgument, missing.Endpoint,
                    $"Pass {string.Join(", ", System.Linq.Enumerable.Select(missing.Names, n => "-" + n))} (or in -Parameters). Get-BinanceEndpoint '{missing.Endpoint}' shows every parameter."),
                AmbiguousEndpointException ambiguous => Make(ambiguous, "BinancePostman.AmbiguousEndpoint", ErrorCategory.InvalidArgument, null,
                    "Add -Collection, or use the collection-qualified name."),
                ItemNotFoundException notFound => Make(notFound, "BinancePostman.EndpointNotFound", ErrorCategory.ObjectNotFound, null,
                    "Get-BinanceEndpoint *word* searches the loaded collections; Import-BinanceCollection loads more."),
                UrlResolutionException url => Make(url, "BinancePostman.NoBaseUrl", ErrorCategory.InvalidArgument, null,
                    "Pick a network that offers this API, pass -Environment, or -BaseUri."),
                KeyMaterialException key => Make(key, "BinancePostman.KeyMaterial." + key.Reason, ErrorCategory.InvalidData, null,
                    "Check the key material: an API secret string for HMAC, or a PEM private key (RSA or Ed25519) with its passphrase."),
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
            ErrorRecord record = Make(api, api.ErrorId, CategoryOf(api.Kind), (object?)api.ClientOrderId ?? api.Url, api.RecommendedAction);
            // the category is the nearest PowerShell has (a timeout); the reason says what it means: not a failure, an unknown outcome
            if (api.Kind == FailureKind.UnknownOutcome) record.CategoryInfo.Reason = "OutcomeUnknown";
            else if (api.Kind == FailureKind.IpBanned) record.CategoryInfo.Reason = "IpBanned";
            return record;
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
                default: return ErrorCategory.NotSpecified;
            }
        }
    }
}
