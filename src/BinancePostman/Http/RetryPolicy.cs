using System;

namespace BinancePostman.Http
{
    /// <summary>
    /// When a failed request is sent again: only reads (GET), only after failures that a repeat can cure (no
    /// connection, no answer in time, 5xx, 429, Binance's "status unknown"), at most MaximumRetryCount times, after
    /// RetryInterval × 2^(n-1) with ±50 % jitter (capped at a minute). Anything that changes state is never resent.
    /// </summary>
    public sealed class RetryPolicy
    {
        public const int DefaultMaximumRetryCount = 3;
        public const double DefaultRetryIntervalSec = 1;
        private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

        [ThreadStatic] private static Random? _random;

        public RetryPolicy(int maximumRetryCount = DefaultMaximumRetryCount, TimeSpan? retryInterval = null)
        {
            MaximumRetryCount = Math.Max(0, maximumRetryCount);
            RetryInterval = retryInterval ?? TimeSpan.FromSeconds(DefaultRetryIntervalSec);
        }

        public int MaximumRetryCount { get; }
        public TimeSpan RetryInterval { get; }

        public static RetryPolicy None { get; } = new RetryPolicy(0, TimeSpan.Zero);

        public static bool IsRead(string method) =>
            string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether a failure of this kind could go away if the same read is sent again.</summary>
        public static bool IsTransient(BinanceApiException ex)
        {
            switch (ex.Kind)
            {
                case FailureKind.Connection:
                case FailureKind.Timeout:
                case FailureKind.ServerError:
                case FailureKind.UnknownOutcome:
                    return true;
                case FailureKind.RateLimit:
                    return ex.HttpStatus == 429;
                case FailureKind.Proxy:
                    // a proxy that did not answer may be back; one that wants other credentials will not change its mind
                    return ex.Detail == FailureDetail.ProxyUnreachable;
                default:
                    return ex.HttpStatus >= 500;
            }
        }

        public bool ShouldRetry(string method, BinanceApiException ex, int retriesSoFar) =>
            retriesSoFar < MaximumRetryCount && IsRead(method) && IsTransient(ex);

        /// <summary>The pause before retry number n (1-based).</summary>
        public TimeSpan Delay(int retryNumber)
        {
            double baseMs = RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Min(20, Math.Max(0, retryNumber - 1)));
            double jittered = baseMs * (0.5 + (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble());
            return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
        }
    }
}
