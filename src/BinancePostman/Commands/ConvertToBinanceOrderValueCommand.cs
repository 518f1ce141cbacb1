using System;
using System.Collections.Generic;
using System.Management.Automation;
using BinancePostman.Orders;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Rounds an order's values onto the symbol's tick and step grids toward the safe side (quantity down, a buy's
    /// price down, a sell's up) and returns them, ready for Invoke-BinanceRequest -Parameters. An order that still
    /// breaks a filter after rounding is an error, and nothing is returned for it. Sends no order.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "BinanceOrderValue")]
    [OutputType(typeof(RoundedOrder))]
    public sealed class ConvertToBinanceOrderValueCommand : OrderValueCmdlet
    {
        /// <summary>When given, the rounded order is also checked against percent-price and market-notional filters at this price.</summary>
        [Parameter]
        [OrderNumber]
        public decimal? ReferencePrice { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                OrderRequest order = ReadOrder(out OrderApi api);
                SymbolFilters filters = FiltersFor(api, order.Symbol, out _, out _);
                OrderRequest rounded = OrderRounder.Round(filters, order, out List<ValueChange> changes);
                foreach (ValueChange c in changes)
                    WriteVerbose($"{order.Symbol}: {c.Field} {DecimalGrid.Format(c.From)} rounded to {DecimalGrid.Format(c.To)} ({c.Rule}).");
                OrderCheckResult result = OrderChecker.Check(filters, rounded, ReferencePrice > 0m ? ReferencePrice : null);
                if (!result.IsValid)
                {
                    foreach (OrderViolation v in result.Violations) WriteError(ErrorRecords.StillInvalid(v));
                    return;
                }
                var output = new RoundedOrder(rounded, api, changes.ToArray());
                // a piped order's other values (timeInForce, newClientOrderId...) stay in Parameters, after the rounded ones
                foreach (var other in OtherValues()) output.Parameters[other.Key] = other.Value;
                WriteObject(output);
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (IsOrderError(ex))
            {
                WriteOrderError(ex);
            }
        }
    }
}
