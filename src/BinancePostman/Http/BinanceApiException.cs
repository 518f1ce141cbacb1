using System;

namespace BinancePostman.Http
{
    /// <summary>
    /// A request that did not succeed, as facts: Binance's {"code","msg"}, a body that is not JSON (a firewall page, an
    /// empty reply), no reply at all, or the module's own refusal before sending. Never carries keys or signatures.
    /// What to do about it is worded by the cmdlets from these facts.
    /// </summary>
    public sealed class BinanceApiException : Exception
    {
        public BinanceApiException(FailureKind kind, string message, int? httpStatus, int? code, string? binanceMessage,
            string? method = null, string? url = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            HttpStatus = httpStatus;
            Code = code;
            BinanceMessage = binanceMessage;
            Method = method;
            Url = url;
        }

        public FailureKind Kind { get; }
        /// <summary>A finer reason where the kind alone does not say what to do.</summary>
        public FailureDetail Detail { get; internal set; }
        public int? HttpStatus { get; }
        /// <summary>Binance's error code, e.g. -1021.</summary>
        public int? Code { get; }
        public string? BinanceMessage { get; }
        public string? Method { get; }
        /// <summary>The URL without its signature.</summary>
        public string? Url { get; }
        /// <summary>The request's path, e.g. /api/v3/order.</summary>
        public string? Path { get; internal set; }

        /// <summary>For orders whose fate is unknown: the client order id to query it by.</summary>
        public string? ClientOrderId { get; internal set; }
        /// <summary>The parameter the client order id travelled in: newClientOrderId, listClientOrderId or clientOrderId.</summary>
        public string? ClientIdParameter { get; internal set; }
        /// <summary>The order's symbol, when the request carried one.</summary>
        public string? Symbol { get; internal set; }

        /// <summary>From a 429 or 418: how long the exchange asked to wait.</summary>
        public TimeSpan? RetryAfter { get; internal set; }
        /// <summary>From a 418: when the IP ban ends (UTC).</summary>
        public DateTimeOffset? BannedUntil { get; internal set; }
        /// <summary>A rate-limit window the module would have had to wait for: when it ends (UTC).</summary>
        public DateTimeOffset? WaitUntil { get; internal set; }
        /// <summary>How many times the request was sent (more than 1 after retries).</summary>
        public int Attempts { get; internal set; } = 1;
        /// <summary>The status and headers of the reply that failed; null when no reply came (no connection, no answer in time, refused before sending).</summary>
        public ReplyHead? Reply { get; internal set; }
        /// <summary>The proxy the request went through (or tried to), without credentials; null when it went direct.</summary>
        public string? Proxy { get; internal set; }

        /// <summary>The request never reached the exchange (connection refused, host not found, refused by the module).</summary>
        public bool NothingSent { get; internal set; }

        /// <summary>Stable id: BinanceApi.-1021 for Binance codes, BinanceHttp.403 for bare HTTP failures, BinanceHttp.Connection for a reply that broke off, BinanceHttp.Proxy when the proxy refused or was unreachable.</summary>
        public string ErrorId =>
            Kind == FailureKind.UnknownOutcome ? "BinancePostman.OutcomeUnknown"
            : Kind == FailureKind.Proxy ? "BinanceHttp.Proxy"
            : Kind == FailureKind.IpBanned ? "BinanceHttp.418"
            : Code != null ? "BinanceApi." + Code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            // a 2xx whose body broke off is a connection failure, not an HTTP error
            : HttpStatus != null && (HttpStatus < 200 || HttpStatus > 299) ? "BinanceHttp." + HttpStatus.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "BinanceHttp." + Kind;
    }
}
