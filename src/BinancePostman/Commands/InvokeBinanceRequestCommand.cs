using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Output;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Calls any endpoint: by name, by endpoint object (piped), or by method and path; each endpoint parameter is a
    /// parameter of the cmdlet. Binds, asks for confirmation, and writes the reply; the Session plans, keys and sends.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BinanceRequest", DefaultParameterSetName = ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeBinanceRequestCommand : BinanceRequestCmdlet, IDynamicParameters
    {
        private const string ByName = "ByName";
        private const string ByEndpoint = "ByEndpoint";
        private const string Raw_ = "Raw";

        private RuntimeDefinedParameterDictionary? _dynamic;
        // the endpoint the name means, looked up once for the dynamic parameters, under this session snapshot
        private Endpoint? _named;
        private SessionSnapshot? _namedUnder;

        // MyInvocation.MyCommand.Parameters would ask for the dynamic parameters again: name them once instead
        private static readonly HashSet<string> StaticParameterNames = EndpointDynamicParameters.NamesTakenBy(typeof(InvokeBinanceRequestCommand));

        /// <summary>The endpoint's name, or "Collection\Name".</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName)]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>Picks the collection when several have an endpoint of that name.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ArgumentCompleter(typeof(CollectionNameCompleter))]
        public string? Collection { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEndpoint)]
        public Endpoint? Endpoint { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Raw_)]
        [ValidateSet("GET", "POST", "PUT", "DELETE", "PATCH", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        [Parameter(Mandatory = true, ParameterSetName = Raw_)]
        public string Path { get; set; } = "";

        /// <summary>Raw calls: sign the request (USER_DATA/TRADE).</summary>
        [Parameter(ParameterSetName = Raw_)]
        public SwitchParameter Signed { get; set; }

        /// <summary>Raw calls: send the API key without signing (MARKET_DATA/USER_STREAM).</summary>
        [Parameter(ParameterSetName = Raw_)]
        public SwitchParameter ApiKeyOnly { get; set; }

        /// <summary>Parameter values by name; the endpoint's dynamic parameters win over the same name here.</summary>
        [Parameter]
        public IDictionary? Parameters { get; set; }

        /// <summary>Pages through the whole range (klines, aggTrades, trades, myTrades, allOrders), streaming page by page.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Objects as ordered hashtables, as ConvertFrom-Json -AsHashtable gives them.</summary>
        [Parameter]
        public SwitchParameter AsHashtable { get; set; }

        /// <summary>Emits the response text unchanged.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>
        /// Named values that match no parameter: when the endpoint is unknown they let the clear "no endpoint" error
        /// through instead of a binder error; a piped endpoint's own parameters arrive here when the command line does
        /// not tell which endpoint comes; anything else is sent as an extra parameter, with a warning.
        /// </summary>
        [Parameter(ValueFromRemainingArguments = true, DontShow = true)]
        public object[]? RemainingArguments { get; set; }

        /// <summary>Skips the extra confirmation that withdrawals and transfers ask for, and sends endpoints Binance retired.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        public object? GetDynamicParameters()
        {
            if (!string.IsNullOrEmpty(Path)) return null; // a method and path of no collection: no endpoint parameters
            IReadOnlyList<Endpoint> endpoints;
            if (!string.IsNullOrEmpty(Name))
            {
                SessionSnapshot session = ModuleSession.Current;
                _named = EndpointLookup.TryResolve(Catalog, Name, Collection, session.DefaultCollection);
                _namedUnder = session;
                if (_named == null) return null;
                endpoints = new[] { _named };
            }
            else
            {
                endpoints = PipedEndpoints.Find(this, Catalog);
                if (endpoints.Count == 0) return null;
            }
            _dynamic = EndpointDynamicParameters.For(endpoints, StaticParameterNames);
            return _dynamic;
        }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // PowerShell adds -IncludeTotalCount with -First and -Skip; Binance's replies carry no total to report
            if (PagingParameters.IncludeTotalCount)
            {
                const string message = "-IncludeTotalCount cannot be honoured: Binance's replies say how many rows they hold, never how many there are in all, so there is no total to report. Nothing was sent.";
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message, "IncludeTotalCount"), "BinancePostman.TotalCountUnavailable", ErrorCategory.InvalidArgument, "IncludeTotalCount")
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Leave -IncludeTotalCount out; count the rows as they come instead, for example with Measure-Object or Tee-Object." },
                });
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                SessionSnapshot session = ModuleSession.Current;
                PlannedRequest plan = Plan(session);
                HostTrust.RefuseIfUntrusted(plan.Request, session.TrustedHosts); // before it is confirmed; the send path checks again
                ApiCredential? credential = plan.Request.NeedsApiKey ? ResolveKeys(session, plan.Target.Environment) : null;
                if (!Confirmation.Ask(this, plan, Force)) return;
                if (Verbose)
                    WriteVerbose($"{plan.DisplayName}: keys from {(credential != null ? KeySourceText.For(credential) : "nowhere (none needed)")}{(credential?.Signer != null ? ", " + credential.Signer.Describe() : "")}.");
                var writer = new ReplyWriter(this, Raw, AsHashtable);
                RowWindow? rows = RowsWanted();
                if (All)
                {
                    PageThrough(plan, credential, writer, rows);
                    return;
                }
                using (BinanceReply reply = Send(plan.Request, credential))
                    writer.Write(reply, plan.Request.Path, null, rows, Cancellation);
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell reports the stop itself
            }
            catch (Exception ex) when (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record))
            {
                WriteError(record!);
            }
        }

        private PlannedRequest Plan(SessionSnapshot session)
        {
            if (ParameterSetName == Raw_)
            {
                SecurityType security = Signed ? SecurityType.USER_DATA : ApiKeyOnly ? SecurityType.MARKET_DATA : SecurityType.NONE;
                return RequestPlanner.ForPath(Method, Path, security, Values(null), Target, session, Catalog);
            }
            // the endpoint first: a name that matches nothing is that error, not warnings about its parameters
            Endpoint endpoint = ParameterSetName == ByEndpoint ? Endpoint!
                : _named != null && _namedUnder == session ? _named
                : EndpointLookup.Single(Catalog, Name, Collection, session.DefaultCollection);
            EndpointLifecycleGuard.Check(this, endpoint, Force);
            return RequestPlanner.ForEndpoint(endpoint, Values(endpoint), Target, session, Catalog);
        }

        /// <summary>-Parameters first, then the endpoint's parameters by name (which win), then any other -name value (with a warning).</summary>
        private RequestValues Values(Endpoint? endpoint)
        {
            var values = new RequestValues();
            if (Parameters != null)
                foreach (DictionaryEntry entry in Parameters)
                    values.Set(entry.Key?.ToString() ?? "", ValueConversion.Unwrap(entry.Value));
            if (_dynamic != null)
                foreach (RuntimeDefinedParameter p in _dynamic.Values)
                    if (p.IsSet) values.Set(p.Name, ValueConversion.Unwrap(p.Value));
            foreach (var extra in RemainingArgumentParser.Pairs(RemainingArguments))
            {
                if (endpoint == null || !endpoint.HasParameter(extra.Key))
                    WriteWarning($"-{extra.Key} is not a parameter of {(endpoint != null ? "'" + endpoint.QualifiedName + "'" : "this request")} in its collection; it is sent as given. Check the spelling if Binance rejects it.");
                values.Set(extra.Key, ValueConversion.Unwrap(extra.Value));
            }
            return values;
        }

        /// <summary>-Skip and -First for this request (each piped endpoint's request has its own), or null when neither is given.</summary>
        private RowWindow? RowsWanted()
        {
            PagingParameters paging = PagingParameters;
            return paging.Skip == 0 && paging.First == ulong.MaxValue ? null : new RowWindow(paging.Skip, paging.First);
        }

        /// <summary>-All: page after page, each streamed as it is read; progress between pages; Ctrl+C between any two reads.</summary>
        private void PageThrough(PlannedRequest plan, ApiCredential? credential, ReplyWriter writer, RowWindow? rows)
        {
            PageRun run = PageRun.Start(plan.Request, rows) ?? throw new NotPageableException(plan.DisplayName);
            var progress = new ProgressRecord(1, "Paging " + plan.DisplayName, "Starting");
            var memory = new PagingMemory();
            int pages = 0;
            while (run.Next is PreparedRequest request)
            {
                (int rows, int accepted, int written, long? last) page;
                using (BinanceReply reply = Send(request, credential))
                    page = writer.Write(reply, request.Path, run.Cursor, rows, Cancellation);
                pages++;
                run.Completed(page.rows, page.accepted, page.written, page.last);
                memory.AfterPage();
                progress.StatusDescription = $"{run.Written} rows in {pages} page(s); reached {run.Reached()}";
                WriteProgress(progress);
            }
            if (run.StoppedEarly == PageStopReason.Repeated)
                WriteWarning($"Page {pages} of {plan.DisplayName} held only rows already written (the exchange repeated itself); paging stopped after {run.Total} rows. Run again from -{run.Plan.CursorParameter} {(run.Cursor.Last ?? 0) + 1} if rows are missing.");
            else if (run.StoppedEarly == PageStopReason.CursorExcluded)
                WriteWarning($"{plan.DisplayName} takes -{run.Plan.CursorParameter} or -{run.Plan.ExcludesCursor}, not both: -All stopped after the first page of {run.Total} rows for that {run.Plan.ExcludesCursor}. Page by time (-startTime, -endTime) to get more.");
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}
