using System.Management.Automation;

namespace BinancePostman.Commands
{
    internal static partial class ErrorRecords
    {
        /// <summary>BinancePostman.EndpointRetired: the call was refused before sending; the action names the replacement.</summary>
        public static ErrorRecord ForRetired(EndpointRetiredException retired)
        {
            string action = (retired.Endpoint.Replacement != null ? "Use " + retired.Endpoint.Replacement + ". " : "")
                + "Add -Force to send it anyway (for an exchange that still serves it); Get-BinanceEndpoint -IncludeRetired lists retired endpoints.";
            return Make(retired, "BinancePostman.EndpointRetired", ErrorCategory.InvalidOperation, retired.Endpoint.QualifiedName, action);
        }

        /// <summary>Get-BinanceEndpoint: an exact name that matches only retired endpoints, which are hidden by default.</summary>
        public static ErrorRecord RetiredHidden(string name, System.Collections.Generic.IReadOnlyList<Catalog.Endpoint> retired)
        {
            var first = retired[0];
            var ex = new ItemNotFoundException(EndpointRetiredException.Describe(first).Replace(", so nothing was sent", "") + " Retired endpoints are hidden.");
            var record = new ErrorRecord(ex, "BinancePostman.EndpointRetired", ErrorCategory.ObjectNotFound, name);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Add -IncludeRetired to see it." + (first.Replacement != null ? " Use " + first.Replacement + " instead." : "") };
            return record;
        }
    }
}
