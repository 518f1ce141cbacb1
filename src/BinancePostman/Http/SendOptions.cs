using System;

namespace BinancePostman.Http
{
    /// <summary>How one call is sent: the timeout of each attempt, the retry policy, and where to report.</summary>
    public sealed class SendOptions
    {
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        public RetryPolicy Retry { get; set; } = new RetryPolicy();
        /// <summary>Verbose lines, never holding secrets.</summary>
        public Action<string>? Log { get; set; }
        /// <summary>Waits for a rate limit, a Retry-After or a back-off: one notice when a wait starts, one when it ends.</summary>
        public Action<WaitNotice>? OnWait { get; set; }
        /// <summary>The longest the module waits for a rate-limit window; a longer wait (a daily order limit) is an error instead.</summary>
        public TimeSpan MaximumRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);
        /// <summary>
        /// The managed id of a thread that blocks until the call ends anyway (a cmdlet's pipeline thread): while the call
        /// still runs on it, the HTTP exchange is made synchronously there (<see cref="SyncHttpSend"/>). 0: never.
        /// </summary>
        public int WaitingThreadId { get; set; }
        /// <summary>The proxy to go through (and its credentials); the system's by default.</summary>
        public ProxySetting Proxy { get; set; } = ProxySetting.System;
        /// <summary>
        /// The final reply to each request sent with <see cref="BinanceClient.SendAsync"/>, successful or not: its status and
        /// headers, as soon as they are known. Not called when no reply came, nor for the clock sync's own reads.
        /// </summary>
        public Action<ReplyHead>? OnReply { get; set; }
        /// <summary>Hosts the user trusts with keys besides Binance's (Connect-Binance -TrustedHost).</summary>
        public TrustedHostList TrustedHosts { get; set; } = TrustedHostList.Empty;
        /// <summary>A request without keys goes to a host no one named (a collection's or an environment's): the caller may warn.</summary>
        public Action<HostTrustDecision>? OnUnnamedHost { get; set; }
    }

    /// <summary>A wait the module makes before sending: why, and until when.</summary>
    public sealed class WaitNotice
    {
        public WaitNotice(string host, string reason, TimeSpan wait, DateTimeOffset until, bool done)
        {
            Host = host;
            Reason = reason;
            Wait = wait;
            Until = until;
            Done = done;
        }

        public string Host { get; }
        public string Reason { get; }
        public TimeSpan Wait { get; }
        public DateTimeOffset Until { get; }
        public bool Done { get; }
    }
}
