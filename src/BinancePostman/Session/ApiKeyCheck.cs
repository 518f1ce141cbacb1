using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.Http;
using BinancePostman.Signing;

namespace BinancePostman.Session
{
    /// <summary>
    /// Checks a key against the exchange: the clock offset, one signed request with the key's type, and the key's
    /// permissions from spot's API-restrictions endpoint (where the host has /sapi: the spot testnet has not).
    /// </summary>
    public sealed class ApiKeyCheck
    {
        public const string RestrictionsPath = "/sapi/v1/account/apiRestrictions";
        public const string AccountPath = "/api/v3/account";
        private const long ClockWarningMs = 1000;

        private readonly BinanceClient _client;

        public ApiKeyCheck(BinanceClient client) => _client = client;

        /// <summary>Where the check goes (the spot API of the call's target) and which network that is.</summary>
        public static (RequestTarget target, BinanceNetwork network) Plan(TargetOptions options, SessionSnapshot session, EndpointCatalog catalog)
        {
            RequestTarget target = RequestTarget.ForPath(AccountPath, options, session, catalog);
            // a network given for the call wins; then what the host is known to be; then the environment's or the session's
            BinanceNetwork network = options.Network
                ?? (BinanceHosts.TryIdentify(target.BaseUri, out _, out BinanceNetwork byHost) ? byHost : target.Environment?.Network ?? session.Network);
            return (target, network);
        }

        /// <param name="hasSapi">false for the spot testnet: only /api endpoints there</param>
        /// <param name="origin">where baseUri came from: the host check refuses a host no one trusted before the clock sync</param>
        public async Task<ApiKeyReport> RunAsync(string baseUri, BaseUriOrigin origin, BinanceNetwork network, bool hasSapi, string apiKey, string maskedApiKey, IRequestSigner signer,
            string? recvWindow, SendOptions options, CancellationToken cancel)
        {
            var report = new ApiKeyReport(baseUri, network, maskedApiKey, signer.Describe());
            PreparedRequest restrictions = Signed(baseUri, RestrictionsPath, origin);
            PreparedRequest account = Signed(baseUri, AccountPath, origin);
            HostTrust.Enforce(account, options);

            _client.Clock.Forget(account.Host);
            await _client.SyncClockAsync(baseUri, AccountPath, options, cancel).ConfigureAwait(false);
            report.ClockOffsetMs = _client.Clock.Offset(account.Host);
            if (report.ClockOffsetMs == null)
                report.Add(AuditSeverity.Warning, ApiKeyFindingKind.ClockUnreadable);
            else if (Math.Abs(report.ClockOffsetMs.Value) >= ClockWarningMs)
                report.Add(AuditSeverity.Warning, ApiKeyFindingKind.ClockSkewed);

            if (!hasSapi)
                report.Add(AuditSeverity.Info, ApiKeyFindingKind.TestnetHasNoPermissions);
            else if (await TryRestrictionsAsync(report, restrictions, apiKey, signer, recvWindow, options, cancel).ConfigureAwait(false))
                return Finish(report);
            else if (report.Failure != null)
                return report;

            try
            {
                using BinanceReply reply = await _client.SendAsync(account, apiKey, signer, recvWindow, options, cancel).ConfigureAwait(false);
                reply.ReadText();
                report.SignedRequestWorks = true;
                report.SignedRequest = "GET " + AccountPath;
            }
            catch (BinanceApiException ex)
            {
                report.Failure = ex;
                report.SignedRequest = "GET " + AccountPath;
                return report;
            }
            return Finish(report);
        }

        /// <returns>true when the permissions were read; false when the host has no such endpoint or the request failed (then Failure is set)</returns>
        private async Task<bool> TryRestrictionsAsync(ApiKeyReport report, PreparedRequest request, string apiKey, IRequestSigner signer,
            string? recvWindow, SendOptions options, CancellationToken cancel)
        {
            report.SignedRequest = "GET " + RestrictionsPath;
            string text;
            try
            {
                using BinanceReply reply = await _client.SendAsync(request, apiKey, signer, recvWindow, options, cancel).ConfigureAwait(false);
                text = reply.ReadText();
            }
            catch (BinanceApiException ex) when (ex.Kind == FailureKind.NotFound)
            {
                report.Add(AuditSeverity.Warning, ApiKeyFindingKind.HostHasNoPermissions);
                return false;
            }
            catch (BinanceApiException ex)
            {
                report.Failure = ex;
                return false;
            }
            report.SignedRequestWorks = true;
            report.PermissionsChecked = true;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(text);
                Read(report, doc.RootElement);
            }
            catch (JsonException)
            {
                report.PermissionsChecked = false;
                report.Add(AuditSeverity.Warning, ApiKeyFindingKind.PermissionsNotJson);
            }
            return true;
        }

        private static void Read(ApiKeyReport report, JsonElement root)
        {
            bool? Flag(string name) => root.TryGetProperty(name, out JsonElement v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False) ? v.GetBoolean() : (bool?)null;
            DateTime? Time(string name) => root.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long ms) && ms > 0
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime : (DateTime?)null;

            report.IpRestrict = Flag("ipRestrict");
            report.EnableReading = Flag("enableReading");
            report.EnableSpotAndMarginTrading = Flag("enableSpotAndMarginTrading");
            report.EnableWithdrawals = Flag("enableWithdrawals");
            report.EnableInternalTransfer = Flag("enableInternalTransfer");
            report.PermitsUniversalTransfer = Flag("permitsUniversalTransfer");
            report.EnableMargin = Flag("enableMargin");
            report.EnableFutures = Flag("enableFutures");
            report.EnableVanillaOptions = Flag("enableVanillaOptions");
            report.CreateTime = Time("createTime");
            report.TradingAuthorityExpirationTime = Time("tradingAuthorityExpirationTime");
        }

        private static ApiKeyReport Finish(ApiKeyReport report)
        {
            report.Add(AuditSeverity.Info, ApiKeyFindingKind.SignedRequestWorks);
            if (!report.PermissionsChecked) return report;
            if (report.EnableWithdrawals == true) report.Add(AuditSeverity.Warning, ApiKeyFindingKind.WithdrawalsEnabled);
            if (report.IpRestrict == false) report.Add(AuditSeverity.Warning, ApiKeyFindingKind.NoIpRestriction);
            if (report.EnableInternalTransfer == true || report.PermitsUniversalTransfer == true) report.Add(AuditSeverity.Info, ApiKeyFindingKind.TransfersEnabled);
            if (report.TradingAuthorityExpirationTime is DateTime expires)
                report.Add(expires < DateTime.UtcNow ? AuditSeverity.Warning : AuditSeverity.Info,
                    expires < DateTime.UtcNow ? ApiKeyFindingKind.TradingAuthorityExpired : ApiKeyFindingKind.TradingAuthorityExpires);
            if (report.EnableReading == false) report.Add(AuditSeverity.Warning, ApiKeyFindingKind.ReadingDisabled);
            return report;
        }

        private static PreparedRequest Signed(string baseUri, string path, BaseUriOrigin origin) =>
            RequestBuilder.PrepareRaw("GET", baseUri, path, SecurityType.USER_DATA, Array.Empty<KeyValuePair<string, string>>(), origin);
    }
}
