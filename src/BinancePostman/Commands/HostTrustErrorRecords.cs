using System.Management.Automation;
using BinancePostman.Http;

namespace BinancePostman.Commands
{
    internal static partial class ErrorRecords
    {
        /// <summary>A request with keys refused for its host: BinancePostman.UntrustedHost, a security error, the host as target.</summary>
        private static ErrorRecord ForUntrustedHost(UntrustedHostException ex)
        {
            var record = new ErrorRecord(ex, HostTrustText.ErrorId, ErrorCategory.SecurityError, ex.Decision.Host);
            record.ErrorDetails = new ErrorDetails(HostTrustText.Refusal(ex)) { RecommendedAction = HostTrustText.RefusalAction(ex) };
            record.CategoryInfo.Reason = "UntrustedHost";
            return record;
        }
    }
}
