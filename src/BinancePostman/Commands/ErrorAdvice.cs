using System;
using BinancePostman.Http;

namespace BinancePostman.Commands
{
    /// <summary>What to do about a failed request, worded from its facts and Binance's FAQ.</summary>
    internal static class ErrorAdvice
    {
        private const string GiveKeys = "Give keys with Connect-Binance, -Credential, or the BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_PRIVATE_KEY_PATH) environment variables.";

        public static string For(BinanceApiException ex)
        {
            switch (ex.Detail)
            {
                case FailureDetail.NoApiKey:
                case FailureDetail.NoSigner:
                    return GiveKeys;
                case FailureDetail.WaitTooLong:
                    return "Wait until the window resets (Get-BinanceRateLimit shows when), or spread the work over a longer time.";
                case FailureDetail.SomethingElseAnswered:
                    return "Something between you and Binance (a proxy, captive portal or firewall) answered instead. Check -BaseUri, the proxy settings and the network.";
            }
            switch (ex.Kind)
            {
                case FailureKind.UnknownOutcome:
                    return ex.ClientOrderId != null
                        ? "The order may have been placed. Query it by its client order id before placing it again: " + OrderQuery.CommandFor(ex)
                        : "The request may or may not have been carried out. Check the account's state before sending it again.";
                case FailureKind.IpBanned:
                    DateTimeOffset until = ex.BannedUntil ?? DateTimeOffset.UtcNow;
                    return $"Wait until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, then send fewer requests (Get-BinanceRateLimit shows the budget). Bans grow from 2 minutes to 3 days for repeat offenders.";
                case FailureKind.Connection:
                case FailureKind.Timeout:
                    return "Check the network, proxy and -BaseUri, then try again (-TimeoutSec for a longer wait, -MaximumRetryCount for more retries of reads).";
            }
            if (ex.Code != null) return ForCode(ex.Code.Value, ex.HttpStatus ?? 0, ex.BinanceMessage, ex.Path);
            if (ex.HttpStatus != null) return ForStatus(ex.HttpStatus.Value, ex.Path);
            return "Read the message; the error codes are listed at https://developers.binance.com/docs/binance-spot-api-docs/errors.";
        }

        private static string ForCode(int code, int status, string? message, string? path)
        {
            switch (code)
            {
                case -2014:
                    return "The API key is missing or malformed. Set the key (Connect-Binance, -Credential or BINANCE_API_KEY) and check it was copied whole.";
                case -2015:
                case -2008:
                    return "The exchange rejected the API key, the caller's IP or the key's permissions. Check that the key belongs to this network (Production, Testnet and Demo keys differ), that this IP is on the key's whitelist, that the key has the permission this endpoint needs, and that an RSA or Ed25519 key is the one registered for this API key.";
                case -1022:
                    return "The signature did not match. Check the secret belongs to this API key and network, that an RSA/Ed25519 private key matches the public key registered with Binance, and that no parameter was sent empty.";
                case -1021:
                    return "The request's timestamp is outside the recvWindow. The module syncs with the server clock; if this persists, check the local clock (NTP) or pass a larger -RecvWindow (up to 60000).";
                case -1003:
                    return "Too many requests: the weight limit for this IP was reached. Wait for the window to reset (Get-BinanceRateLimit) and send fewer requests; ignoring this leads to an IP ban (HTTP 418).";
                case -1015:
                    return "Too many new orders: the account's order-rate limit was reached. Wait for the interval to reset before placing more orders.";
                case -1006:
                case -1007:
                    return "The exchange timed out and does not know whether the request was carried out. For an order, query it by its client order id before sending it again.";
                case -1121:
                    return "The symbol is not valid on this network. Check the spelling (e.g. BTCUSDT) and that the symbol trades on this API (exchangeInfo).";
                case -2010:
                case -2011:
                case -2013:
                case -2021:
                case -2022:
                    return "The exchange rejected the order operation: " + (message ?? "see the message") + ". Check the order's state and the account's balance and filters.";
                case -1013:
                case -1111:
                case -1112:
                    return "A value breaks the symbol's filters (price, quantity, precision). Test-BinanceOrder -Refresh names the filter and the nearest valid values; ConvertTo-BinanceOrderValue rounds onto the tick and step sizes.";
            }
            if (code <= -1100 && code >= -1199)
                return "A parameter is missing, empty or malformed: " + (message ?? "see the message").TrimEnd('.') + ". Check its name and value (Get-BinanceEndpoint shows the parameters).";
            if (status == 429 || status == 418) return ForStatus(status, path);
            return "Read Binance's message; the error codes are listed at https://developers.binance.com/docs/binance-spot-api-docs/errors.";
        }

        private static string ForStatus(int status, string? path)
        {
            switch (status)
            {
                case 401:
                    return "The exchange wants a valid API key for this endpoint. Set one with Connect-Binance or -Credential.";
                case 403:
                    return "The exchange's firewall (WAF) refused the request. Check the request is well formed and not blocked by a proxy; this is not retried.";
                case 404:
                    string hint = path != null && path.StartsWith("/sapi/", StringComparison.OrdinalIgnoreCase)
                        ? " The spot testnet has no /sapi endpoints: use Production for them."
                        : "";
                    return "This host does not serve that path. Check the network and the endpoint's API." + hint;
                case 418:
                    return "This IP is banned for ignoring rate limits. Wait until the ban ends (Retry-After) and slow down.";
                case 429:
                    return "Too many requests. Wait for Retry-After, and send fewer requests.";
                default:
                    if (status >= 500)
                        return "The exchange had an internal problem. Try again later; for orders, check whether the order exists before resending.";
                    return "The exchange refused the request. Read the body excerpt for details.";
            }
        }
    }
}
