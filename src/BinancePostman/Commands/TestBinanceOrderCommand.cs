using System;
using System.Management.Automation;
using BinancePostman.Orders;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Checks an order's values against the symbol's filters before it is sent: one violation object per broken rule,
    /// nothing when the order passes (-Quiet: True or False; -PassThru: one report per order). Sends no order.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BinanceOrder")]
    [OutputType(typeof(OrderViolation), typeof(OrderCheckReport), typeof(bool))]
    public sealed class TestBinanceOrderCommand : OrderValueCmdlet
    {
        /// <summary>The average (spot) or mark (futures) price to check percent-price and market-notional filters with; read from the exchange when not given.</summary>
        [Parameter]
        [OrderNumber]
        public decimal? ReferencePrice { get; set; }

        /// <summary>Also checks MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS, MAX_NUM_ICEBERG_ORDERS and MAX_POSITION: signed reads of the account.</summary>
        [Parameter]
        public SwitchParameter IncludeAccountLimits { get; set; }

        /// <summary>One report per order, valid or not, instead of the violations.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True when the order passes, False when it does not.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (PassThru && Quiet)
                ThrowTerminatingError(ErrorRecordFor(new PSArgumentException("-PassThru and -Quiet ask for different output: use one of them."), "BinancePostman.InvalidParameterValue"));
            if (ReferencePrice <= 0m)
                ThrowTerminatingError(ErrorRecordFor(new PSArgumentException("-ReferencePrice must be greater than zero.", nameof(ReferencePrice)), "BinancePostman.InvalidParameterValue"));
        }

        private static ErrorRecord ErrorRecordFor(Exception ex, string id) => new ErrorRecord(ex, id, ErrorCategory.InvalidArgument, null);

        protected override void ProcessRecord()
        {
            try
            {
                OrderRequest order = ReadOrder(out OrderApi api);
                SymbolFilters filters = FiltersFor(api, order.Symbol, out string host, out DateTimeOffset fetchedAt);
                decimal? reference = ReferencePrice;
                OrderCheckResult result = OrderChecker.Check(filters, order, reference);
                if (reference == null && result.NotChecked.Exists(u => u.Reason == UncheckedReason.NeedsReferencePrice))
                {
                    reference = FetchReferencePrice(api, order.Symbol);
                    result = OrderChecker.Check(filters, order, reference);
                }
                if (IncludeAccountLimits && result.NotChecked.Exists(u => u.Reason == UncheckedReason.NeedsAccount))
                {
                    AccountLimits account = FetchAccount(api, filters, result.NotChecked.Exists(u => u.Filter == "MAX_POSITION"));
                    result = OrderChecker.Check(filters, order, reference, account);
                }
                Report(order, api, result, host, fetchedAt, reference);
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (IsOrderError(ex))
            {
                WriteOrderError(ex);
            }
        }

        private void Report(OrderRequest order, OrderApi api, OrderCheckResult result, string host, DateTimeOffset fetchedAt, decimal? reference)
        {
            foreach (UncheckedFilter u in result.NotChecked)
            {
                switch (u.Reason)
                {
                    case UncheckedReason.NeedsReferencePrice:
                        WriteWarning($"{u.Filter} of {order.Symbol} was not checked: the exchange gave no reference price. Pass -ReferencePrice to check it.");
                        break;
                    case UncheckedReason.Unreadable:
                        WriteWarning($"{u.Filter} of {order.Symbol} was not checked: its values in exchangeInfo could not be read.");
                        break;
                    case UncheckedReason.NeedsAccount:
                        WriteVerbose($"{u.Filter} not checked: it depends on the account's open orders or balance (-IncludeAccountLimits reads them).");
                        break;
                    default:
                        WriteVerbose($"{u.Filter} not checked: the module does not know this filter type.");
                        break;
                }
            }
            if (Quiet)
            {
                WriteObject(result.IsValid);
                return;
            }
            if (PassThru)
            {
                var report = new OrderCheckReport(order, api, result, host, fetchedAt, reference);
                // the message travels with each violation object (PowerShell keeps added members per instance)
                foreach (OrderViolation v in report.Violations) WithMessage(v);
                WriteObject(report);
                return;
            }
            foreach (OrderViolation v in result.Violations) WriteObject(WithMessage(v));
        }

        internal static PSObject WithMessage(OrderViolation v)
        {
            PSObject o = PSObject.AsPSObject(v);
            if (o.Properties["Message"] == null) o.Properties.Add(new PSNoteProperty("Message", OrderViolationText.Describe(v)));
            return o;
        }
    }
}
