using System;
using System.Globalization;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace BinancePostman.Http
{
    /// <summary>The failures the client itself raises, as facts: what happened, to which request, and what is known of its outcome.</summary>
    internal static class RequestFailures
    {
        private static readonly Regex BannedUntilText = new Regex(@"banned until (\d{12,14})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static BinanceApiException NoKey(PreparedRequest request, FailureDetail detail) =>
            new BinanceApiException(FailureKind.ApiKey,
                $"{request.Method} {request.Path} needs {(detail == FailureDetail.NoApiKey ? "an API key" : "an API secret or private key to sign with")}, and none is set. Nothing was sent.",
                null, null, null, request.Method, request.BaseUri + request.Path)
            { Detail = detail, Path = request.Path, NothingSent = true };

        public static BinanceApiException WaitTooLong(PreparedRequest request, string reason, DateTimeOffset until, TimeSpan maximum) =>
            new BinanceApiException(FailureKind.RateLimit,
                $"{reason}, which ends at {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: longer than the module waits ({maximum.TotalMinutes:0.#} min). Nothing was sent.",
                null, null, null, request.Method, request.BaseUri + request.Path)
            { Detail = FailureDetail.WaitTooLong, WaitUntil = until, Path = request.Path, NothingSent = true };

        public static BinanceApiException Banned(PreparedRequest request, DateTimeOffset until, BinanceApiException? reply, bool sent)
        {
            string message = $"{request.Host} has banned this IP until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (HTTP 418). Binance bans IPs that keep sending requests after 429 replies; "
                + (sent ? "the module sends nothing more to this host until the ban ends." : $"nothing was sent: the module calls {request.Host} again only after the ban ends.");
            return new BinanceApiException(FailureKind.IpBanned, message, 418, reply?.Code, reply?.BinanceMessage, request.Method, reply?.Url ?? request.BaseUri + request.Path, reply)
                { BannedUntil = until, RetryAfter = until - DateTimeOffset.UtcNow, Path = request.Path, NothingSent = !sent, Reply = reply?.Reply, Proxy = reply?.Proxy };
        }

        /// <summary>When a 418's ban ends: the time in Binance's message, or Retry-After, whichever is later; else Binance's shortest ban.</summary>
        public static DateTimeOffset BanEnd(BinanceApiException ex)
        {
            DateTimeOffset? until = null;
            if (ex.BinanceMessage != null)
            {
                Match m = BannedUntilText.Match(ex.BinanceMessage);
                if (m.Success && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long ms))
                    until = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
            if (ex.RetryAfter != null)
            {
                DateTimeOffset after = DateTimeOffset.UtcNow + ex.RetryAfter.Value;
                if (until == null || after > until) until = after;
            }
            return until ?? DateTimeOffset.UtcNow.AddMinutes(2);
        }

        /// <summary>No reply (or a broken one). Whether a state change then has an unknown outcome is the client's call.</summary>
        public static BinanceApiException Unanswered(PreparedRequest request, string safeUrl, FailureKind kind, string message, Exception? inner)
        {
            bool nothingSent = inner != null && NeverConnected(inner);
            return new BinanceApiException(kind, message + (nothingSent ? " Nothing was sent." : ""), null, null, null, request.Method, safeUrl, inner)
                { NothingSent = nothingSent, Path = request.Path };
        }

        /// <summary>The proxy could not be reached, or would not open a tunnel to the exchange: nothing reached the exchange.</summary>
        public static BinanceApiException ProxyUnreachable(PreparedRequest request, string safeUrl, Uri proxy, Exception inner) =>
            new BinanceApiException(FailureKind.Proxy,
                $"The proxy {ProxySetting.Display(proxy)} could not be reached or refused to connect ({Innermost(inner).Message.TrimEnd('.')}); {request.Method} {request.Path} was not sent.",
                null, null, null, request.Method, safeUrl, inner)
            { Detail = FailureDetail.ProxyUnreachable, Proxy = ProxySetting.Display(proxy), NothingSent = true, Path = request.Path };

        /// <summary>A 407: a proxy wants credentials it was not given (or refused those it was given); it did not forward the request.</summary>
        public static BinanceApiException ProxyRefused(PreparedRequest request, string safeUrl, Uri? proxy, ReplyHead reply)
        {
            string who = proxy != null ? "The proxy " + ProxySetting.Display(proxy) : "A proxy";
            string schemes = reply.Headers.TryGetValue("Proxy-Authenticate", out string[]? offered) && offered.Length > 0
                ? " It accepts: " + string.Join(", ", Array.ConvertAll(offered, o => o.Split(' ')[0])) + "."
                : "";
            return new BinanceApiException(FailureKind.Proxy,
                $"{who} refused {request.Method} {request.Path} for want of valid proxy credentials (HTTP 407); it did not forward it.{schemes}",
                407, null, null, request.Method, safeUrl)
            { Detail = FailureDetail.ProxyAuthentication, Proxy = proxy != null ? ProxySetting.Display(proxy) : null, NothingSent = true, Path = request.Path, Reply = reply };
        }

        /// <summary>
        /// A failure to connect that, with a proxy in the way, is the proxy's: refused or unknown host (the only host the
        /// client connects to is the proxy's), or on .NET 8 and later a tunnel the proxy would not open (HttpRequestError.ProxyTunnelError).
        /// </summary>
        public static bool IsProxyFailure(HttpRequestException ex)
        {
            if (NeverConnected(ex)) return true;
            object? error = ex.GetType().GetProperty("HttpRequestError")?.GetValue(ex);
            return error != null && error.ToString() == "ProxyTunnelError";
        }

        /// <summary>A state change that may have been carried out: the facts to look it up by, and that it was not sent again.</summary>
        public static BinanceApiException OutcomeUnknown(PreparedRequest request, BinanceApiException ex, string? clientOrderId, string? idParameter)
        {
            string id = clientOrderId != null ? $" Its {idParameter} is {clientOrderId}." : "";
            string message = $"The outcome of {request.Method} {request.Path} is unknown: {ex.Message.TrimEnd('.')}.{id} It was not sent again.";
            return new BinanceApiException(FailureKind.UnknownOutcome, message, ex.HttpStatus, ex.Code, ex.BinanceMessage, request.Method, ex.Url ?? request.BaseUri + request.Path, ex)
            {
                Attempts = ex.Attempts,
                Path = request.Path,
                ClientOrderId = clientOrderId,
                ClientIdParameter = idParameter,
                Symbol = request.Find("symbol"),
                Reply = ex.Reply,
                Proxy = ex.Proxy,
            };
        }

        /// <summary>No answer, a 5xx, or Binance's "execution status unknown" (-1006, -1007): the request may have been carried out.</summary>
        public static bool IsOutcomeUnknown(BinanceApiException ex)
        {
            if (ex.NothingSent) return false;
            if (ex.Code == -1006 || ex.Code == -1007) return true;
            if (ex.HttpStatus >= 500) return true;
            return ex.Kind == FailureKind.Connection || ex.Kind == FailureKind.Timeout || ex.Kind == FailureKind.UnknownOutcome;
        }

        /// <summary>The connection was refused or the host not found: the request never left.</summary>
        private static bool NeverConnected(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
                if (e is System.Net.Sockets.SocketException se
                    && (se.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused || se.SocketErrorCode == System.Net.Sockets.SocketError.HostNotFound))
                    return true;
            return false;
        }

        public static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        public static string Redact(string text, string? signature)
        {
            if (string.IsNullOrEmpty(signature)) return text;
            int at = text.LastIndexOf("signature=", StringComparison.Ordinal);
            return at < 0 ? text : text.Substring(0, at) + "signature=<redacted>";
        }
    }
}
