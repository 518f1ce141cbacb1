using System.Management.Automation;
using BinancePostman.Orders;

namespace BinancePostman.Commands
{
    /// <summary>Error records of the order cmdlets.</summary>
    internal static partial class ErrorRecords
    {
        public static ErrorRecord UnknownSymbol(UnknownSymbolException ex)
        {
            string other = ex.Api == OrderApi.Spot ? "-Api UsdM or -Api CoinM" : ex.Api == OrderApi.UsdM ? "-Api Spot or -Api CoinM" : "-Api Spot or -Api UsdM";
            var error = new ItemNotFoundException($"{ex.Host} has no {ApiName(ex.Api)} symbol '{ex.Symbol}'. Nothing else was sent for this order.", ex);
            return Make(error, "BinancePostman.UnknownSymbol", ErrorCategory.ObjectNotFound, ex.Symbol,
                $"Check the symbol's spelling (for example BTCUSDT; Coin-M contracts look like BTCUSD_PERP) and the API: a futures symbol needs {other}. " +
                "-Network, -Environment or -BaseUri pick the exchange.");
        }

        /// <summary>An order that still breaks a filter after rounding: rounding only moves values onto the grids.</summary>
        public static ErrorRecord StillInvalid(OrderViolation v)
        {
            var error = new System.InvalidOperationException("After rounding onto the symbol's grids, " + OrderViolationText.Describe(v));
            string action = v.Kind == ViolationKind.NotAllowed
                ? "Change the order: rounding cannot fix this."
                : $"Change {v.Adjust ?? v.Field} yourself: rounding only moves values onto the tick and step grids, toward the safe side, never across a minimum or maximum.";
            return Make(error, "BinancePostman.OrderStillInvalid", ErrorCategory.InvalidData, v, action);
        }

        internal static string ApiName(OrderApi api) => api == OrderApi.Spot ? "spot" : api == OrderApi.UsdM ? "USDs-M futures" : "Coin-M futures";
    }
}
