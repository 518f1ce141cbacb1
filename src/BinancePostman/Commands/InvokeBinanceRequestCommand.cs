using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Output;

namespace BinancePostman.Commands
{
    /// <summary>Calls any endpoint: by name, by endpoint object, or raw method and path; signs what needs signing.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BinanceRequest", DefaultParameterSetName = ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeBinanceRequestCommand : BinanceRequestCmdlet, IDynamicParameters
    {
        private const string ByName = "ByName";
        private const string ByEndpoint = "ByEndpoint";
        private const string Raw_ = "Raw";

        private RuntimeDefinedParameterDictionary? _dynamic;

        // MyInvocation.MyCommand.Parameters would ask for the dynamic parameters again: name them once instead
        private static readonly HashSet<string> StaticParameterNames = StaticNames();

        private static HashSet<string> StaticNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in typeof(InvokeBinanceRequestCommand).GetProperties())
            {
                if (!property.IsDefined(typeof(ParameterAttribute), true)) continue;
                names.Add(property.Name);
                foreach (AliasAttribute alias in property.GetCustomAttributes(typeof(AliasAttribute), true))
                    foreach (string a in alias.AliasNames) names.Add(a);
            }
            foreach (string common in new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
                "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
                "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf" })
                names.Add(common);
            return names;
        }

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
        /// through instead of a binder error; otherwise they are sent as extra parameters, with a warning.
        /// </summary>
        [Parameter(ValueFromRemainingArguments = true, DontShow = true)]
        public object[]? RemainingArguments { get; set; }

        /// <summary>Skips the extra confirmation that withdrawals and transfers ask for.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        public object? GetDynamicParameters()
        {
            if (ParameterSetName != ByName && string.IsNullOrEmpty(Name)) return null;
            if (string.IsNullOrEmpty(Name)) return null;
            Endpoint? endpoint = TryResolve(Name, Collection);
            if (endpoint == null) return null;
            _dynamic = EndpointDynamicParameters.For(endpoint, StaticParameterNames);
            return _dynamic;
        }

        protected override void ProcessRecord()
        {
            try
            {
                PreparedRequest request = Prepare(out string displayName, out PostmanEnvironment? environment);
                RefuseUntrustedHost(request);
                ApiCredential? credential = request.NeedsApiKey ? ResolveCredential(environment) : null;
                if (!Confirm(request, displayName)) return;
                WriteVerbose($"{displayName}: keys from {credential?.Source ?? "nowhere (none needed)"}{(credential?.Signer != null ? ", " + credential.Signer.Describe() : "")}.");
                if (All)
                {
                    PageThrough(request, credential, displayName);
                    return;
                }
                using (BinanceReply reply = Send(request, credential))
                    WriteReply(reply, request.Path, null);
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

        private PreparedRequest Prepare(out string displayName, out PostmanEnvironment? environment)
        {
            environment = NamedEnvironment();
            if (ParameterSetName == Raw_)
            {
                SecurityType security = Signed ? SecurityType.USER_DATA : ApiKeyOnly ? SecurityType.MARKET_DATA : SecurityType.NONE;
                string baseUri = BaseUriForPath(Path, out BaseUriOrigin rawOrigin);
                displayName = Method.ToUpperInvariant() + " " + Path;
                return RequestBuilder.PrepareRaw(Method, baseUri, Path, security, CollectValues(), rawOrigin);
            }
            // the endpoint first: a name that matches nothing is that error, not warnings about its parameters
            Endpoint endpoint = ParameterSetName == ByEndpoint ? Endpoint! : Single(Name, Collection);
            displayName = endpoint.Name;
            environment ??= BaseUrlResolver.PickEnvironment(endpoint, EffectiveNetwork, Catalog.Environments);
            BaseUriOrigin origin = BaseUriOrigin.ForCall;
            string url = BaseUri != null ? BaseUri.ToString()
                : !string.IsNullOrEmpty(Environment) ? BaseUrlResolver.Resolve(endpoint, environment, out origin)
                : Session.ModuleSession.BaseUri != null ? Named(Session.ModuleSession.BaseUri, BaseUriOrigin.ForSession, out origin)
                : BaseUrlResolver.Resolve(endpoint, EffectiveNetwork, Catalog.Environments, out origin);
            var variables = new VariableResolver(endpoint.Owner.Variables, environment?.Variables);
            return RequestBuilder.Prepare(endpoint, url, CollectValues(), variables, origin);
        }

        private static string Named(Uri baseUri, BaseUriOrigin named, out BaseUriOrigin origin)
        {
            origin = named;
            return baseUri.ToString();
        }

        private string BaseUriForPath(string path, out BaseUriOrigin origin)
        {
            origin = BaseUriOrigin.ForCall;
            if (BaseUri != null) return BaseUri.ToString();
            PostmanEnvironment? environment = NamedEnvironment();
            if (environment?.Url != null)
            {
                origin = BaseUriOrigin.FromEnvironment(environment.Name, "url");
                return environment.Url;
            }
            if (Session.ModuleSession.BaseUri != null) return Named(Session.ModuleSession.BaseUri, BaseUriOrigin.ForSession, out origin);
            return BaseUrlResolver.ResolveForPath(path, EffectiveNetwork, Catalog.Environments, out origin);
        }

        /// <summary>-Parameters first, then dynamic parameters (which win), each formatted as Binance expects.</summary>
        private List<KeyValuePair<string, string>> CollectValues()
        {
            var values = new List<KeyValuePair<string, string>>();
            void Put(string name, object? raw)
            {
                string? text = ParameterValueFormatter.Format(Unwrap(raw));
                values.RemoveAll(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase));
                if (text != null) values.Add(new KeyValuePair<string, string>(name, text));
            }
            if (Parameters != null)
                foreach (DictionaryEntry entry in Parameters)
                    Put(entry.Key?.ToString() ?? "", entry.Value);
            if (_dynamic != null)
                foreach (RuntimeDefinedParameter p in _dynamic.Values)
                    if (p.IsSet) Put(p.Name, p.Value);
            foreach (var extra in RemainingArgumentPairs())
            {
                WriteWarning($"-{extra.Key} is not a parameter of this endpoint in its collection; it is sent as given. Check the spelling if Binance rejects it.");
                Put(extra.Key, extra.Value);
            }
            return values;
        }

        /// <summary>"-name value" pairs from the remaining arguments; a value without a name is an error.</summary>
        private IEnumerable<KeyValuePair<string, object?>> RemainingArgumentPairs()
        {
            if (RemainingArguments == null) yield break;
            for (int i = 0; i < RemainingArguments.Length; i++)
            {
                string? token = Unwrap(RemainingArguments[i]) as string;
                if (token == null || token.Length < 2 || token[0] != '-')
                    throw new PSArgumentException($"'{Unwrap(RemainingArguments[i])}' is not a parameter value of any parameter. Endpoint parameters are passed as -name value.");
                string name = token.Substring(1).TrimEnd(':');
                object? value = i + 1 < RemainingArguments.Length && !(Unwrap(RemainingArguments[i + 1]) is string next && next.StartsWith("-", StringComparison.Ordinal) && next.Length > 1 && char.IsLetter(next[1]))
                    ? RemainingArguments[++i]
                    : true;
                yield return new KeyValuePair<string, object?>(name, value);
            }
        }

        /// <summary>PowerShell wrappers off, all the way down, so the formatter sees plain .NET values.</summary>
        internal static object? Unwrap(object? value)
        {
            if (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject)
                {
                    var properties = new System.Collections.Specialized.OrderedDictionary();
                    foreach (PSPropertyInfo p in pso.Properties) properties[p.Name] = Unwrap(p.Value);
                    return properties;
                }
                value = pso.BaseObject;
            }
            if (value is IDictionary dictionary)
            {
                var copy = new System.Collections.Specialized.OrderedDictionary();
                foreach (DictionaryEntry entry in dictionary) copy[entry.Key] = Unwrap(entry.Value);
                return copy;
            }
            if (value is object[] array) return array.Select(Unwrap).ToArray();
            return value;
        }

        private bool Confirm(PreparedRequest request, string displayName)
        {
            StateChangeImpact impact = StateChange.Of(request.Method, request.Path, displayName, request.Security);
            if (impact == StateChangeImpact.None) return true;
            string target = request.Method + " " + request.BaseUri + request.Path;
            string action = displayName + ": " + string.Join(" ", request.Query.Concat(request.Body).Select(kv => kv.Key + "=" + kv.Value));
            if (!ShouldProcess(target, action)) return false;
            bool confirmedOff = MyInvocation.BoundParameters.TryGetValue("Confirm", out object? c) && c is SwitchParameter sw && !sw.IsPresent;
            if (impact == StateChangeImpact.MovesFunds && !Force && !confirmedOff)
                return ShouldContinue($"{displayName} moves funds ({action}). Send it?", "Confirm a withdrawal or transfer");
            return true;
        }

        private BinanceReply Send(PreparedRequest request, ApiCredential? credential) => SendRequest(request, credential);

        /// <summary>Streams the reply's values to the pipeline as they are read; returns the page's cursor facts.</summary>
        private (int rows, int written, long? last) WriteReply(BinanceReply reply, string path, PageCursor? paging)
        {
            if (Raw)
            {
                WriteObject(reply.ReadText());
                return (0, 0, null);
            }
            int rows = 0, written = 0;
            long? last = null;
            // Ctrl+C closes the reply, which ends a blocked read
            using (Cancellation.Register(reply.Dispose))
            {
                try
                {
                    var streamer = new JsonValueStreamer(reply.OpenBody());
                    foreach (object? item in streamer.Convert(ResponseShapes.Reader(path, AsHashtable)))
                    {
                        rows++;
                        if (paging != null)
                        {
                            long? cursor = paging.Plan.CursorOf(item);
                            if (!paging.Accepts(cursor, paging.Plan.TimeOf(item))) continue;
                            last = cursor ?? last;
                        }
                        written++;
                        WriteObject(item);
                    }
                }
                catch (Exception ex) when (Cancellation.IsCancellationRequested && (ex is System.IO.IOException || ex is ObjectDisposedException))
                {
                    throw new OperationCanceledException(Cancellation);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is System.Net.Http.HttpRequestException)
                {
                    throw new BinanceApiException(FailureKind.Connection, $"The reply from {reply.SafeUrl} broke off after {written} row(s) were written: {ex.Message}",
                        reply.Status, null, null, "Run the command again; with -All, start from the last row written (-startTime, -fromId or -orderId).", null, reply.SafeUrl, null, ex);
                }

            }
            return (rows, written, last);
        }

        /// <summary>-All: page after page, each streamed, the cursor moved past the last row; no row twice, no endless loop.</summary>
        private void PageThrough(PreparedRequest request, ApiCredential? credential, string displayName)
        {
            PagePlan plan = PagePlan.For(request.Path)
                ?? throw new PSArgumentException($"'{displayName}' does not page. -All works with klines (and their families), aggTrades, historicalTrades, myTrades/userTrades and allOrders (historyOrders for options), on the spot, futures and options APIs.");
            if (!int.TryParse(request.Find("limit"), out int limit))
            {
                limit = plan.MaxLimit;
                request = request.With("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            long? endTime = long.TryParse(request.Find("endTime"), out long e) ? e : (long?)null;
            var cursor = new PageCursor(plan, endTime);
            var progress = new ProgressRecord(1, "Paging " + displayName, "Starting");
            var memory = new PagingMemory();
            long? windowStart = plan.Windowed && long.TryParse(request.Find("startTime"), out long s) ? s : (long?)null;
            int total = 0;
            for (int page = 1; ; page++)
            {
                long windowEnd = 0;
                if (windowStart != null)
                {
                    windowEnd = plan.WindowEnd(windowStart.Value, request.Find("interval"), limit, endTime);
                    request = request.With("startTime", windowStart.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .With("endTime", windowEnd.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                (int rows, int written, long? last) result;
                using (BinanceReply reply = Send(request, credential))
                    result = WriteReply(reply, request.Path, cursor);
                total += result.written;
                memory.AfterPage();
                progress.StatusDescription = $"{total} rows in {page} page(s); reached {Reached(plan, cursor)}";
                WriteProgress(progress);
                if (cursor.PastEnd) break;
                if (windowStart != null)
                {
                    // windows move on even when one is empty or short, until endTime (or now) is reached
                    long next = Math.Max(windowEnd + 1, (result.last ?? 0) + 1);
                    if (next > (endTime ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())) break;
                    windowStart = next;
                    continue;
                }
                if (result.rows > 0 && result.written == 0)
                {
                    WriteWarning($"Page {page} of {displayName} held only rows already written (the exchange repeated itself); paging stopped after {total} rows. Run again from -{plan.CursorParameter} {(cursor.Last ?? 0) + 1} if rows are missing.");
                    break;
                }
                if (result.written == 0 || result.last == null) break;                 // nothing new: done
                if (plan.ByTime && endTime != null && result.last >= endTime) break;
                // fewer rows than asked: the end, unless an endTime says the range goes on (an empty page ends it then)
                if (result.rows < limit && endTime == null) break;
                if (plan.ExcludesCursor != null && request.Find(plan.ExcludesCursor) != null)
                {
                    if (result.rows >= limit)
                        WriteWarning($"{displayName} takes -{plan.CursorParameter} or -{plan.ExcludesCursor}, not both: -All stopped after the first page of {total} rows for that {plan.ExcludesCursor}. Page by time (-startTime, -endTime) to get more.");
                    break;
                }
                string nextCursor = (result.last.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                request = request.With(plan.CursorParameter, nextCursor, page == 1 ? plan.DropAfterFirstPage : null);
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        /// <summary>Where paging is: the time reached, and the id too when paging by id.</summary>
        private static string Reached(PagePlan plan, PageCursor cursor)
        {
            if (cursor.Last == null) return "the start";
            if (plan.ByTime) return ResponseShapes.FromUnixMs(cursor.Last.Value).ToString("u");
            string id = plan.CursorParameter + " " + cursor.Last.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return cursor.LastTime != null ? ResponseShapes.FromUnixMs(cursor.LastTime.Value).ToString("u") + " (" + id + ")" : id;
        }

        private IReadOnlyList<Endpoint> Find(string name, string? collection)
        {
            IReadOnlyList<Endpoint> found = Catalog.FindByName(name);
            if (!string.IsNullOrEmpty(collection))
                found = found.Where(e => string.Equals(e.Collection, collection, StringComparison.OrdinalIgnoreCase)).ToList();
            return found;
        }

        /// <summary>One endpoint for the name; where collections share it, the session's default collection (Spot) decides.</summary>
        private Endpoint? TryResolve(string name, string? collection)
        {
            IReadOnlyList<Endpoint> found = Find(name, collection);
            if (found.Count == 1) return found[0];
            if (found.Count > 1 && string.IsNullOrEmpty(collection))
            {
                var preferred = found.Where(e => string.Equals(e.Collection, Session.ModuleSession.DefaultCollection, StringComparison.OrdinalIgnoreCase)).ToList();
                if (preferred.Count == 1) return preferred[0];
            }
            return null;
        }

        private Endpoint Single(string name, string? collection)
        {
            Endpoint? resolved = TryResolve(name, collection);
            if (resolved != null) return resolved;
            IReadOnlyList<Endpoint> found = Find(name, collection);
            if (found.Count == 0)
                throw new ItemNotFoundException($"No endpoint is named '{name}'{(collection != null ? " in '" + collection + "'" : "")}. Get-BinanceEndpoint *word* searches the loaded collections.");
            throw new AmbiguousEndpointException(name, found.Select(e => e.Collection).ToList());
        }
    }
}
