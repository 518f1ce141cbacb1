using System.Management.Automation;
using BinancePostman.Http;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>The rate-limit windows the module tracks: used, limit and reset time per host, API and key; bans while they last.</summary>
    [Cmdlet(VerbsCommon.Get, "BinanceRateLimit")]
    [OutputType(typeof(RateLimitUsage))]
    public sealed class GetBinanceRateLimitCommand : BinanceCmdlet
    {
        /// <summary>Host names (host:port as in the URL), wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [Alias("Host")]
        public string[]? HostName { get; set; }

        /// <summary>Weight, Orders, RawRequests, UidWeight, IpBan, RetryAfter.</summary>
        [Parameter]
        [ValidateSet("Weight", "Orders", "RawRequests", "UidWeight", "IpBan", "RetryAfter", IgnoreCase = true)]
        public string[]? Kind { get; set; }

        protected override void ProcessRecord()
        {
            var hosts = new NameFilter(HostName);
            var kinds = new NameFilter(Kind);
            foreach (RateLimitUsage row in ModuleSession.Client.Limits.Snapshot())
                if (hosts.Matches(row.Host) && kinds.Matches(row.Kind)) WriteObject(row);
        }
    }
}
