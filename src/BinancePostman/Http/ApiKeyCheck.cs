using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.Signing;

namespace BinancePostman.Http
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

        /// <param name="hasSapi">false for the spot testnet: only /api endpoints there</param>
        /// <param name="origin">where baseUri came from: the host check refuses a host no one trusted before the clock sync</param>
        public async Task<ApiKeyReport> RunAsync(string baseUri, BaseUriOrigin origin, BinanceNetwork network, bool hasSapi, string apiKey, string maskedApiKey, IRequestSigner signer,
            string? recvWindow, SendOptions options, CancellationToken cancel)
        {
            var report = new ApiKeyReport(baseUri, network, maskedApiKey, signer.Describe());
            PreparedRequest restrictions = Signed(baseUri, RestrictionsPath, origin);
            PreparedRequest account = Signed(baseUri, AccountPath, origin);
            HostTrust.Enforce(account, options);

            await _client.SyncClockAsync(account, options.Timeout, options.Log, cancel).ConfigureAwait(false);
            report.ClockOffsetMs = _client.Clock.Offset(account.Host);
            if (report.ClockOffsetMs == null)
                report.Add(AuditSeverity.Warning, "The server time could not be read, so the local clock is used for timestamps.",
                    "Check -BaseUri or the network; a skewed local clock then causes -1021 errors.");
            else if (Math.Abs(report.ClockOffsetMs.Value) >= ClockWarningMs)
                report.Add(AuditSeverity.Warning, $"The local clock is {Math.Abs(report.ClockOffsetMs.Value)} ms {(report.ClockOffsetMs > 0 ? "behind" : "ahead of")} the exchange's.",
                    "The module corrects for it, but other tools will get -1021. Sync the clock (NTP).");

            if (!hasSapi)
                report.Add(AuditSeverity.Info, "The spot testnet has no /sapi endpoints, so the key's permissions (withdrawals, IP restriction) cannot be read there.",
                    "Only the signed request is checked. Check your production key with Test-BinanceApiKey -Network Production.");
            else if (await TryRestrictionsAsync(report, restrictions, apiKey, signer, recvWindow, options, cancel).ConfigureAwait(false))
                return Finish(report, signer);
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
            return Finish(report, signer);
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
                report.Add(AuditSeverity.Warning, $"This host has no {RestrictionsPath}, so the key's permissions could not be read.",
                    "The spot testnet and some proxies serve only /api endpoints. Check the production key with Test-BinanceApiKey -Network Production.");
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
                report.Add(AuditSeverity.Warning, "The permissions reply was not JSON.", "Check -BaseUri: a proxy may have answered instead of the exchange.");
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

        private static ApiKeyReport Finish(ApiKeyReport report, IRequestSigner signer)
        {
            report.Add(AuditSeverity.Info, $"A signed request ({report.SignedRequest}) works with this {signer.Describe()} key.", "Nothing to do.");
            if (!report.PermissionsChecked) return report;
            if (report.EnableWithdrawals == true)
                report.Add(AuditSeverity.Warning, "The key can withdraw funds (the withdrawal permission is enabled).",
                    "Do not enable the withdrawal permission on a key used for trading or reading: turn it off in Binance's API Management, and use a separate, IP-restricted key for withdrawals if you need them.");
            if (report.IpRestrict == false)
                report.Add(AuditSeverity.Warning, "The key is not restricted to trusted IP addresses: anyone who has it can use it from anywhere.",
                    "Restrict the key to your IP addresses in Binance's API Management.");
            if (report.EnableInternalTransfer == true || report.PermitsUniversalTransfer == true)
                report.Add(AuditSeverity.Info, "The key can move funds between accounts (internal or universal transfer).", "Turn the transfer permissions off unless you use them.");
            if (report.TradingAuthorityExpirationTime is DateTime expires)
                report.Add(expires < DateTime.UtcNow ? AuditSeverity.Warning : AuditSeverity.Info,
                    $"The key's trading authority {(expires < DateTime.UtcNow ? "expired" : "expires")} on {expires:yyyy-MM-dd HH:mm} UTC.",
                    "Renew it in Binance's API Management before it ends, or trading requests will be refused.");
            if (report.EnableReading == false)
                report.Add(AuditSeverity.Warning, "The key cannot read account data (enableReading is off).", "Most signed endpoints need it: enable reading for this key.");
            return report;
        }

        private static PreparedRequest Signed(string baseUri, string path, BaseUriOrigin origin) =>
            RequestBuilder.PrepareRaw("GET", baseUri, path, SecurityType.USER_DATA, Array.Empty<KeyValuePair<string, string>>(), origin);
    }
}
