using System;
using BinancePostman.Http;

namespace BinancePostman.Commands
{
    /// <summary>Words Test-BinanceApiKey's findings: what was found about the key, and what to do.</summary>
    internal static class ApiKeyFindingText
    {
        public static void Word(ApiKeyReport report)
        {
            foreach (ApiKeyFinding finding in report.Findings)
                (finding.Finding, finding.Advice) = For(finding.Kind, report);
        }

        private static (string finding, string advice) For(ApiKeyFindingKind kind, ApiKeyReport report)
        {
            long offset = report.ClockOffsetMs ?? 0;
            switch (kind)
            {
                case ApiKeyFindingKind.ClockUnreadable:
                    return ("The server time could not be read, so the local clock is used for timestamps.",
                        "Check -BaseUri or the network; a skewed local clock then causes -1021 errors.");
                case ApiKeyFindingKind.ClockSkewed:
                    return ($"The local clock is {Math.Abs(offset)} ms {(offset > 0 ? "behind" : "ahead of")} the exchange's.",
                        "The module corrects for it, but other tools will get -1021. Sync the clock (NTP).");
                case ApiKeyFindingKind.TestnetHasNoPermissions:
                    return ("The spot testnet has no /sapi endpoints, so the key's permissions (withdrawals, IP restriction) cannot be read there.",
                        "Only the signed request is checked. Check your production key with Test-BinanceApiKey -Network Production.");
                case ApiKeyFindingKind.HostHasNoPermissions:
                    return ("This host has no /sapi/v1/account/apiRestrictions, so the key's permissions could not be read.",
                        "The spot testnet and some proxies serve only /api endpoints. Check the production key with Test-BinanceApiKey -Network Production.");
                case ApiKeyFindingKind.PermissionsNotJson:
                    return ("The permissions reply was not JSON.", "Check -BaseUri: a proxy may have answered instead of the exchange.");
                case ApiKeyFindingKind.SignedRequestWorks:
                    return ($"A signed request ({report.SignedRequest}) works with this {report.KeyType} key.", "Nothing to do.");
                case ApiKeyFindingKind.WithdrawalsEnabled:
                    return ("The key can withdraw funds (the withdrawal permission is enabled).",
                        "Do not enable the withdrawal permission on a key used for trading or reading: turn it off in Binance's API Management, and use a separate, IP-restricted key for withdrawals if you need them.");
                case ApiKeyFindingKind.NoIpRestriction:
                    return ("The key is not restricted to trusted IP addresses: anyone who has it can use it from anywhere.",
                        "Restrict the key to your IP addresses in Binance's API Management.");
                case ApiKeyFindingKind.TransfersEnabled:
                    return ("The key can move funds between accounts (internal or universal transfer).", "Turn the transfer permissions off unless you use them.");
                case ApiKeyFindingKind.TradingAuthorityExpired:
                case ApiKeyFindingKind.TradingAuthorityExpires:
                    return ($"The key's trading authority {(kind == ApiKeyFindingKind.TradingAuthorityExpired ? "expired" : "expires")} on {report.TradingAuthorityExpirationTime:yyyy-MM-dd HH:mm} UTC.",
                        "Renew it in Binance's API Management before it ends, or trading requests will be refused.");
                default:
                    return ("The key cannot read account data (enableReading is off).", "Most signed endpoints need it: enable reading for this key.");
            }
        }
    }
}
