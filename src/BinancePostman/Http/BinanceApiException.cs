using System;

namespace BinancePostman.Http
{
    /// <summary>
    /// A reply that is not a success: Binance's {"code","msg"}, or a body that is not JSON (a firewall page, an
    /// empty reply), or no reply at all. Carries what to do about it. Never carries keys or signatures.
    /// </summary>
    public sealed class BinanceApiException : Exception
    {
        public BinanceApiException(FailureKind kind, string message, int? httpStatus, int? code, string? binanceMessage,
            string recommendedAction, string? method = null, string? url = null, string? clientOrderId = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            HttpStatus = httpStatus;
            Code = code;
            BinanceMessage = binanceMessage;
            RecommendedAction = recommendedAction;
            Method = method;
            Url = url;
            ClientOrderId = clientOrderId;
        }

        public FailureKind Kind { get; }
        public int? HttpStatus { get; }
        /// <summary>Binance's error code, e.g. -1021.</summary>
        public int? Code { get; }
        public string? BinanceMessage { get; }
        public string RecommendedAction { get; }
        public string? Method { get; }
        /// <summary>The URL without its signature.</summary>
        public string? Url { get; }
        /// <summary>For orders whose fate is unknown: the client order id to query it by.</summary>
        public string? ClientOrderId { get; }

        /// <summary>From a 429 or 418: how long the exchange asked to wait.</summary>
        public TimeSpan? RetryAfter { get; internal set; }
        /// <summary>From a 418: when the IP ban ends (UTC).</summary>
        public DateTimeOffset? BannedUntil { get; internal set; }
        /// <summary>How many times the request was sent (more than 1 after retries).</summary>
        public int Attempts { get; internal set; } = 1;
        /// <summary>The request never reached the exchange (connection refused, host not found).</summary>
        public bool NothingSent { get; internal set; }

        /// <summary>Stable id: BinanceApi.-1021 for Binance codes, BinanceHttp.403 for bare HTTP failures, BinanceHttp.Connection for a reply that broke off.</summary>
        public string ErrorId =>
            Kind == FailureKind.UnknownOutcome ? "BinancePostman.OutcomeUnknown"
            : Kind == FailureKind.IpBanned ? "BinanceHttp.418"
            : Code != null ? "BinanceApi." + Code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            // a 2xx whose body broke off is a connection failure, not an HTTP error
            : HttpStatus != null && (HttpStatus < 200 || HttpStatus > 299) ? "BinanceHttp." + HttpStatus.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "BinanceHttp." + Kind;
    }
}
