using System.Globalization;
using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>
    /// What a request cmdlet does with an endpoint's status before sending: a retired endpoint stops the call (unless
    /// -Force, for an exchange that still serves it), a deprecated one warns. Active endpoints pass silently.
    /// </summary>
    internal static class EndpointLifecycleGuard
    {
        /// <exception cref="EndpointRetiredException">the endpoint is retired and -Force was not given</exception>
        public static void Check(Cmdlet cmdlet, Endpoint endpoint, bool force)
        {
            switch (endpoint.Status)
            {
                case EndpointStatus.Retired:
                    if (!force) throw new EndpointRetiredException(endpoint);
                    cmdlet.WriteWarning($"Sending '{endpoint.QualifiedName}' although Binance retired it{Since(endpoint)} (-Force).");
                    break;
                case EndpointStatus.Deprecated:
                    string instead = endpoint.Replacement != null ? " Use instead: " + endpoint.Replacement + "." : "";
                    cmdlet.WriteWarning($"'{endpoint.QualifiedName}' is deprecated by Binance{Since(endpoint)} and may stop answering.{instead}");
                    break;
            }
        }

        private static string Since(Endpoint endpoint)
        {
            var day = endpoint.RetiredOn ?? endpoint.DeprecatedOn;
            return day != null ? " on " + day.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        }
    }
}
