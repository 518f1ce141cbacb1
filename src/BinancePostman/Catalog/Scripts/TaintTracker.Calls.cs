using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>Calls: the script's own functions, built-in methods of its values, and the outside APIs (variables, the request, requests of its own, signing).</summary>
    internal sealed partial class TaintTracker
    {
        private static readonly string[] KeyMember = { "key" };
        private static readonly string[] ValueMember = { "value" };
        private static readonly string[] AuthorizationHeader = { "Authorization" };

        public const string RunTimeName = "(a name built at run time)";

        private static readonly HashSet<string> BuiltinMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "push", "pop", "shift", "unshift", "splice", "slice", "concat", "join", "reverse", "sort", "map", "filter", "forEach", "reduce",
            "reduceRight", "find", "findIndex", "findLast", "findLastIndex", "some", "every", "flat", "flatMap", "includes", "indexOf",
            "lastIndexOf", "fill", "keys", "values", "entries", "at", "split", "replace", "replaceAll", "toLowerCase", "toUpperCase",
            "trim", "trimStart", "trimEnd", "padStart", "padEnd", "charAt", "charCodeAt", "codePointAt", "substring", "substr",
            "startsWith", "endsWith", "repeat", "match", "matchAll", "search", "normalize", "toString", "valueOf", "toFixed", "then",
            "catch", "finally", "hasOwnProperty", "get", "set", "has", "add", "delete", "clear", "each",
        };

        private static readonly HashSet<string> HeaderMutators = new HashSet<string>(StringComparer.Ordinal)
        {
            "add", "upsert", "insert", "insertAfter", "append", "prepend", "assimilate", "populate", "repopulate", "addHeader", "upsertHeader",
        };

        private static readonly HashSet<string> UrlMutators = new HashSet<string>(StringComparer.Ordinal)
        {
            "add", "upsert", "insert", "insertAfter", "append", "prepend", "assimilate", "populate", "repopulate", "update", "addQueryParams",
            "addQueryParam", "push", "unshift", "splice", "set",
        };

        private static readonly HashSet<string> BodyMutators = new HashSet<string>(StringComparer.Ordinal)
        {
            "update", "add", "upsert", "insert", "append", "prepend", "populate", "repopulate", "assimilate", "set", "push",
        };

        private static readonly HashSet<string> StoringMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "set", "add", "push", "unshift", "splice", "append", "assign", "setItem", "write", "update", "put", "enqueue", "fill",
        };

        private static readonly HashSet<string> ListWalks = new HashSet<string>(StringComparer.Ordinal)
        {
            "find", "filter", "each", "forEach", "map", "reduce", "one", "idx", "all", "toObject", "toJSON", "some", "every",
        };

        private TaintValue Call(CallNode c, Scope scope)
        {
            TaintValue? receiver = null;
            string? method = null;
            TaintValue callee;
            if (c.Callee is MemberNode m)
            {
                receiver = Eval(m.Object, scope);
                IReadOnlyList<string>? names = MemberNames(m, scope, receiver);
                method = names != null && names.Count == 1 ? names[0] : null;
                callee = Member(receiver, names, m.Line);
            }
            else callee = Eval(c.Callee, scope);
            var arguments = new List<TaintValue>();
            foreach (Node a in c.Arguments)
            {
                if (a is SpreadNode spread)
                {
                    TaintValue all = Eval(spread.Argument, scope);
                    List<TaintValue>? known = KnownElements(all);
                    if (known != null) arguments.AddRange(known);
                    else arguments.AddRange(Enumerable.Repeat(ElementOf(all), 4));
                }
                else arguments.Add(Eval(a, scope));
            }
            return Invoke(callee, receiver, method, arguments, c.Line, c.IsNew, scope, c);
        }

        private TaintValue Invoke(TaintValue callee, TaintValue? receiver, string? method, List<TaintValue> arguments, int line, bool isNew, Scope scope, CallNode? call = null)
        {
            // f.call(self, ...), f.apply(self, [...]), f.bind(self, ...): the receiver is the function
            if (receiver != null && (method == "call" || method == "apply" || method == "bind") && (receiver.Functions.Count > 0 || receiver.Paths.Count > 0)
                && !receiver.Paths.Contains("Reflect"))
            {
                TaintValue self = arguments.Count > 0 ? arguments[0] : TaintValue.Undefined;
                List<TaintValue> rest = method == "apply"
                    ? (arguments.Count > 1 ? KnownElements(arguments[1]) ?? Enumerable.Repeat(ElementOf(arguments[1]), 4).ToList() : new List<TaintValue>())
                    : arguments.Skip(1).ToList();
                TaintValue result = Invoke(receiver, self, null, rest, line, isNew, scope);
                if (method != "bind") return result;
                var bound = receiver.Functions.Select(f => TaintValue.OfFunction(new Closure(f.Function, f.Scope) { BoundThis = self, BoundArguments = rest }))
                    .Concat(receiver.Paths.Select(TaintValue.OfPath));
                return TaintValue.Merge(bound);
            }

            var results = new List<TaintValue>();
            bool handled = false;
            foreach (Closure closure in callee.Functions)
            {
                handled = true;
                if (isNew)
                {
                    TaintValue instance = TaintValue.OfObject(new ObjectCell());
                    results.Add(TaintValue.Merge(instance, Invoke(closure, arguments, instance)));
                }
                else results.Add(Invoke(closure, arguments, receiver));
            }
            if (isNew)
                foreach (ObjectCell cls in callee.Objects)
                {
                    handled = true;
                    var instance = new ObjectCell();
                    foreach (var member in cls.Members) instance.Members[member.Key] = member.Value;
                    TaintValue self = TaintValue.OfObject(instance);
                    if (cls.Members.TryGetValue("constructor", out TaintValue? constructor))
                        foreach (Closure k in constructor.Functions) Invoke(k, arguments, self);
                    results.Add(self);
                }
            foreach (string path in callee.Paths)
            {
                handled = true;
                results.Add(CallPath(path, receiver, arguments, line, isNew, scope, call));
            }
            if (!handled)
            {
                if (receiver != null && method != null) results.Add(BuiltinMethod(receiver, method, arguments, line, scope, call));
                else
                {
                    Callbacks(arguments, TaintValue.OfTaints(arguments.SelectMany(a => a.DeepTaints())));
                    results.Add(TaintValue.OfTaints(callee.DeepTaints().Concat(arguments.SelectMany(a => a.DeepTaints()))));
                }
            }
            return TaintValue.Merge(results);
        }

        /// <summary>Methods of the script's own values: arrays, strings, objects, promises.</summary>
        private TaintValue BuiltinMethod(TaintValue receiver, string name, List<TaintValue> arguments, int line, Scope scope, CallNode? call)
        {
            TaintValue element = ElementOf(receiver);
            var taints = receiver.DeepTaints().Concat(arguments.SelectMany(a => a.DeepTaints())).ToList();
            TaintValue Argument(int i) => i < arguments.Count ? arguments[i] : TaintValue.Undefined;
            switch (name)
            {
                case "forEach":
                case "each":
                    Callbacks(arguments, element, TaintValue.Unknown, receiver);
                    return TaintValue.Undefined;
                case "map":
                case "flatMap":
                    return TaintValue.OfObject(new ObjectCell { Other = Callbacks(arguments, element, TaintValue.Unknown, receiver) });
                case "filter":
                case "sort":
                    Callbacks(arguments, element, element);
                    return receiver;
                case "find":
                case "findLast":
                    Callbacks(arguments, element, TaintValue.Unknown, receiver);
                    return element;
                case "some":
                case "every":
                case "findIndex":
                case "findLastIndex":
                    Callbacks(arguments, element, TaintValue.Unknown, receiver);
                    return TaintValue.Unknown;
                case "reduce":
                case "reduceRight":
                {
                    TaintValue accumulator = arguments.Count > 1 ? arguments[1] : element;
                    for (int pass = 0; pass < 2; pass++)
                        accumulator = TaintValue.Merge(accumulator, Callbacks(arguments.Take(1), accumulator, element, TaintValue.Unknown, receiver));
                    return accumulator;
                }
                case "then":
                case "catch":
                case "finally":
                    return Callbacks(arguments, receiver);
                case "reverse":
                    foreach (ObjectCell cell in receiver.Objects) cell.Elements?.Reverse();
                    if (receiver.Objects.Count > 0) return receiver;
                    break;
                case "push":
                case "unshift":
                case "splice":
                case "fill":
                case "set":
                case "add":
                case "append":
                case "prepend":
                case "setItem":
                    foreach (ObjectCell cell in receiver.Objects)
                    {
                        if (name == "push" && cell.Elements != null) cell.Elements.AddRange(arguments);
                        else
                        {
                            cell.Other = TaintValue.Merge(cell.Other, TaintValue.Merge(arguments));
                            if (name != "set" && name != "add") cell.Elements = null;
                        }
                    }
                    if (call?.Callee is MemberNode pushed) Absorb(pushed.Object, arguments.SelectMany(a => a.DeepTaints()).ToList(), scope);
                    return name == "push" || name == "unshift" ? TaintValue.Unknown : receiver;
                case "concat" when receiver.Objects.Count > 0:
                {
                    List<TaintValue>? elements = KnownElements(receiver) is List<TaintValue> mine ? new List<TaintValue>(mine) : null;
                    var cell = new ObjectCell { Elements = elements, Other = elements == null ? element : TaintValue.Undefined };
                    foreach (TaintValue a in arguments)
                    {
                        List<TaintValue>? more = a.Objects.Count > 0 ? KnownElements(a) : new List<TaintValue> { a };
                        if (more != null && cell.Elements != null) cell.Elements.AddRange(more);
                        else { cell.Elements = null; cell.Other = TaintValue.Merge(cell.Other, a.Objects.Count > 0 ? ElementOf(a) : a); }
                    }
                    return TaintValue.OfObject(cell);
                }
                case "join":
                {
                    string separator = arguments.Count == 0 ? "," : Argument(0).Strings is IReadOnlyList<string> sep && sep.Count == 1 ? sep[0] : "\0";
                    List<TaintValue>? elements = receiver.Objects.Count == 1 ? receiver.Objects[0].Elements : null;
                    if (elements != null && separator != "\0" && elements.All(e => e.Strings != null))
                    {
                        IEnumerable<string> joined = new[] { "" };
                        for (int i = 0; i < elements.Count; i++)
                        {
                            int index = i;
                            joined = joined.SelectMany(prefix => elements[index].Strings!.Select(s => index == 0 ? s : prefix + separator + s)).Take(25).ToList();
                        }
                        return TaintValue.Unknown.WithStrings(joined).WithTaints(taints);
                    }
                    return TaintValue.OfTaints(taints);
                }
                case "split" when receiver.Strings != null && receiver.Strings.Count == 1 && Argument(0).Strings is IReadOnlyList<string> by && by.Count == 1:
                {
                    string text = receiver.Strings[0];
                    string[] parts = by[0].Length == 0 ? text.Select(ch => ch.ToString()).ToArray() : text.Split(new[] { by[0] }, StringSplitOptions.None);
                    return TaintValue.OfObject(new ObjectCell { Elements = parts.Select(p => TaintValue.OfString(p).WithTaints(receiver.Taints)).ToList() });
                }
                case "split":
                    return TaintValue.OfObject(new ObjectCell { Other = receiver.Derived() });
            }
            if (receiver.Strings != null && StringFolding.Fold(name, receiver.Strings, arguments) is IEnumerable<string> folded)
                return TaintValue.Unknown.WithStrings(folded).WithTaints(taints);
            Callbacks(arguments, element, TaintValue.Unknown, receiver);
            return TaintValue.OfTaints(taints);
        }

        /// <summary>What a value hands on when it is sent: its taints, and the variable stores or request headers it is.</summary>
        private static List<Taint> Sent(TaintValue value)
        {
            var taints = new List<Taint>(value.DeepTaints());
            foreach (string path in value.Paths)
            {
                if (ScriptApi.IsStore(path, out string scope)) taints.Add(new Taint(TaintKind.Secret, $"(every {scope} variable)"));
                else if (ScriptApi.HoldsRequestHeaders(path)) taints.Add(new Taint(TaintKind.Key, "(the request's headers)"));
            }
            return taints.Distinct().ToList();
        }

        private void AddFlow(Flow flow)
        {
            if (Once(flow.Line, $"flow:{flow.Sink}:{flow.Taint}:{flow.Scope}:{flow.Target}:{flow.Via}")) _facts.Flows.Add(flow);
        }

        private TaintValue CallPath(string path, TaintValue? receiver, List<TaintValue> arguments, int line, bool isNew, Scope scope, CallNode? call)
        {
            var sent = arguments.SelectMany(Sent).Distinct().ToList();
            var keyMaterial = sent.Where(t => t.IsKeyMaterial).ToList();
            TaintValue Argument(int i) => i < arguments.Count ? arguments[i] : TaintValue.Undefined;
            int dot = path.LastIndexOf('.');
            string owner = dot > 0 ? path.Substring(0, dot) : "";
            string method = path.Substring(dot + 1);
            // the scripts' own globals and modules the audit cannot see (pm.require packages) are no library: no shape makes them safe
            bool scriptGlobal = path.StartsWith("script:", StringComparison.Ordinal) || path.StartsWith("module:", StringComparison.Ordinal);
            string shown = path.StartsWith("script:", StringComparison.Ordinal) ? path.Substring(7) : path;

            if (path == "require" || path == "pm.require")
            {
                if (Argument(0).Strings is IReadOnlyList<string> modules && modules.Count == 1)
                {
                    string module = ScriptApi.RequirePath(modules[0]);
                    if (ScriptApi.IsNetworkModule(module) && Once(line, "request:" + module)) _facts.OwnRequests.Add((line, ScriptApi.RequestName(module)));
                    return TaintValue.OfPath(module);
                }
                if (Once(line, "require")) _facts.Hidden.Add((line, "require of a name built at run time"));
                return TaintValue.OfPath("module:?");
            }

            if (ScriptApi.IsCodeFromText(path) || (ScriptApi.IsTimer(path) && arguments.Count > 0 && Argument(0).Functions.Count == 0 && Argument(0).Paths.Count == 0))
            {
                if (Once(line, "code:" + path)) _facts.CodeFromText.Add((line, CodeName(path, isNew)));
                foreach (TaintValue a in arguments)
                    foreach (string text in a.Strings ?? Array.Empty<string>())
                        FollowText(text, scope, line);
                Callbacks(arguments);
                return TaintValue.Unknown;
            }
            if (ScriptApi.IsTimer(path))
            {
                Callbacks(arguments);
                return TaintValue.Unknown;
            }
            if (path == "Reflect.apply")
                return Invoke(Argument(0), Argument(1), null, KnownElements(Argument(2)) ?? Enumerable.Repeat(ElementOf(Argument(2)), 4).ToList(), line, false, scope);
            if (path == "Reflect.construct")
                return Invoke(Argument(0), null, null, KnownElements(Argument(1)) ?? Enumerable.Repeat(ElementOf(Argument(1)), 4).ToList(), line, true, scope);
            if (path == "Reflect.get") return Member(Argument(0), Argument(1).Strings, line);
            // Function.prototype.call.call(f, self, ...): the receiver is f
            if ((path == "Function.prototype.call" || path == "Function.prototype.apply") && receiver != null)
                return Invoke(receiver, Argument(0), null, path.EndsWith("call", StringComparison.Ordinal) ? arguments.Skip(1).ToList()
                    : KnownElements(Argument(1)) ?? Enumerable.Repeat(ElementOf(Argument(1)), 4).ToList(), line, false, scope);

            if ((isNew && ScriptApi.IsRequestConstructor(path)) || ScriptApi.IsRequestCall(path))
            {
                string api = (isNew ? "new " : "") + ScriptApi.RequestName(path);
                if (Once(line, "request:" + path)) _facts.OwnRequests.Add((line, api));
                foreach (Taint t in sent) AddFlow(new Flow(line, SinkKind.OwnRequest, t, via: api));
                Callbacks(arguments, TaintValue.Unknown, TaintValue.OfPath(path + "#response"));
                return TaintValue.OfPath(path + (isNew ? "#instance" : "()"));
            }
            if (isNew && path == "Image") return TaintValue.OfPath("Image#instance");
            if (path == "document.createElement") return TaintValue.OfPath("element#instance");

            if (ScriptApi.IsConsole(path))
            {
                foreach (Taint t in keyMaterial) AddFlow(new Flow(line, SinkKind.Console, t, via: path));
                return TaintValue.Undefined;
            }

            if (ScriptApi.IsStore(owner, out string store))
            {
                switch (method)
                {
                    case "get":
                        return ReadVariables(Argument(0), line, store);
                    case "set":
                        return WriteVariable(store, Argument(0), Argument(1), line);
                    case "add":
                    case "upsert":
                        foreach (TaintValue entry in arguments)
                            WriteVariable(store, Member(entry, KeyMember, line), Member(entry, ValueMember, line), line);
                        return TaintValue.Undefined;
                    case "replaceIn":
                        return ReplaceIn(Argument(0), line);
                    case "has":
                    case "unset":
                    case "clear":
                    case "count":
                    case "remove":
                        return TaintValue.Unknown;
                    default:
                        var every = new Taint(TaintKind.Secret, $"(every {store} variable)");
                        _facts.Reads.Add((line, every));
                        Callbacks(arguments, TaintValue.OfTaints(new[] { every }));
                        return TaintValue.OfTaints(new[] { every });
                }
            }
            if (path == "postman.getEnvironmentVariable" || path == "postman.getGlobalVariable") return ReadVariables(Argument(0), line);
            if (path == "postman.setEnvironmentVariable") return WriteVariable("environment", Argument(0), Argument(1), line);
            if (path == "postman.setGlobalVariable") return WriteVariable("globals", Argument(0), Argument(1), line);

            if ((path == "pm.request" || path.StartsWith("pm.request.", StringComparison.Ordinal))
                && RequestCall(path, owner, method, arguments, line) is TaintValue handled)
                return handled;

            if (!scriptGlobal && (ScriptApi.IsKeyImport(path) || ScriptApi.IsSigning(path)))
            {
                bool import = ScriptApi.IsKeyImport(path);
                // the key: the argument the shape names (the others keep what they carry), else any argument
                int? keyAt = ScriptApi.KeyArgument(path);
                var keyTaints = keyAt == null ? sent : Sent(Argument(keyAt.Value));
                var passed = keyAt == null ? new List<Taint>() : arguments.Where((a, i) => i != keyAt.Value).SelectMany(Sent).Where(t => t.IsKeyMaterial).ToList();
                // a key object signs when its own method is the signing one (privateKey.sign(...)); a result's toString() only hands on
                var onReceiver = receiver?.DeepTaints().Where(t => t.IsKeyMaterial).ToList() ?? new List<Taint>();
                bool receiverSigns = ScriptApi.SignsByName(method);
                if (!receiverSigns) passed.AddRange(onReceiver);
                var material = keyTaints.Where(t => t.IsKeyMaterial).Concat(receiverSigns ? onReceiver : new List<Taint>()).Distinct().ToList();
                var signatures = sent.Concat(receiver?.DeepTaints() ?? Enumerable.Empty<Taint>()).Where(t => t.Kind == TaintKind.Signature);
                Callbacks(arguments);
                if (!import && material.Count > 0) _facts.SignsWithSecret = true;
                var made = material.Select(t => new Taint(import && t.Kind != TaintKind.Signature ? TaintKind.KeyObject : TaintKind.Signature, t.Variable))
                    .Concat(signatures).Concat(passed).Distinct().ToList();
                if (call?.Callee is MemberNode signer) Absorb(signer.Object, made, scope);
                return TaintValue.OfPath(path + "()").WithTaints(made);
            }

            // a method of a variable may keep what it is given (map.set(k, secret); map.get(k)); known computing calls keep nothing but their stores
            bool pure = !scriptGlobal && ScriptApi.IsPure(path);
            if (call?.Callee is MemberNode held && (!pure || StoringMethods.Contains(method))) Absorb(held.Object, sent, scope);
            if (pure) return Pure(path, method, receiver, arguments, sent, line, scope, call);

            // an API the tracker does not know: what goes in comes out, and a key going in is a flow it cannot follow
            Callbacks(arguments, TaintValue.OfTaints(sent));
            foreach (Taint t in keyMaterial) AddFlow(new Flow(line, SinkKind.Unknown, t, via: shown + "()"));
            return TaintValue.OfPath(path + "()").WithTaints(sent.Concat(receiver != null ? Sent(receiver) : new List<Taint>()));
        }

        private static string CodeName(string path, bool isNew)
        {
            if (path.EndsWith(".constructor", StringComparison.Ordinal)) return "constructor";
            return (isNew ? "new " : "") + path;
        }

        /// <summary>Code the script builds from constant text (eval('...'), eval(atob('...'))): followed as script, findings on the calling line.</summary>
        private void FollowText(string code, Scope scope, int line)
        {
            if (_textDepth >= MaxTextDepth || code.Length == 0) return;
            _textDepth++;
            try
            {
                List<Node> program = ScriptParser.Parse(ScriptTokenizer.Tokenize(code.Replace('\n', ' '), line), out _);
                Hoist(program, scope);
                foreach (Node statement in program) Exec(statement, scope);
            }
            catch (ScriptSyntaxException)
            {
                // not code: eval of such text fails in Postman too
            }
            finally
            {
                _textDepth--;
            }
        }

        // ---- variables ----

        /// <param name="store">where the variable is read: the collection's own values are known for collectionVariables (and variables, unless an environment sets it)</param>
        private TaintValue ReadVariables(TaintValue name, int line, string? store = null)
        {
            if (name.Strings == null)
            {
                var unknown = new Taint(TaintKind.Secret, RunTimeName);
                _facts.Reads.Add((line, unknown));
                return TaintValue.OfTaints(new[] { unknown });
            }
            var taints = new List<Taint>();
            var known = new List<string>();
            bool allKnown = store == "collectionVariables" || store == "variables";
            foreach (string variable in name.Strings)
            {
                SecretText.Kind kind = SecretText.Of(variable);
                if (kind == SecretText.Kind.None)
                {
                    if (allKnown && _collectionVariables.TryGetValue(variable, out string? value)) known.Add(value);
                    else allKnown = false;
                    continue;
                }
                allKnown = false;
                var t = new Taint(kind == SecretText.Kind.Secret ? TaintKind.Secret : TaintKind.Key, variable);
                taints.Add(t);
                _facts.Reads.Add((line, t));
            }
            return allKnown && known.Count > 0 ? TaintValue.OfStrings(known) : TaintValue.OfTaints(taints);
        }

        private TaintValue WriteVariable(string scope, TaintValue name, TaintValue value, int line)
        {
            IReadOnlyList<string> targets = name.Strings ?? new[] { RunTimeName };
            List<Taint> taints = Sent(value);
            foreach (string target in targets)
            {
                var copied = taints.Where(t => t.IsKeyMaterial && t.Variable != target).OrderByDescending(t => t.Kind == TaintKind.Key ? 0 : 1).ToList();
                if (copied.Count > 0) AddFlow(new Flow(line, SinkKind.Variable, copied[0], scope, target));
                else if (SecretText.Of(target) != SecretText.Kind.None && Once(line, "write:" + scope + ":" + target)) _facts.KeyVariableWrites.Add((line, scope, target));
                if (ModuleParameters.IsSignature(target) && taints.Any(t => t.Kind == TaintKind.Signature)) _facts.SignsRequest = true;
            }
            return TaintValue.Undefined;
        }

        /// <summary>pm.variables.replaceIn('{{api-secret}}') reads the variable; text built at run time with braces may read any.</summary>
        private TaintValue ReplaceIn(TaintValue text, int line)
        {
            if (text.Strings != null)
            {
                var names = new List<string>();
                foreach (string s in text.Strings)
                    for (int open = s.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = s.IndexOf("{{", open + 2, StringComparison.Ordinal))
                    {
                        int close = s.IndexOf("}}", open + 2, StringComparison.Ordinal);
                        if (close < 0) break;
                        names.Add(s.Substring(open + 2, close - open - 2).Trim());
                    }
                return names.Count == 0 ? text.Derived() : ReadVariables(TaintValue.OfStrings(names), line).WithTaints(text.Taints);
            }
            return text.Braces ? ReadVariables(TaintValue.Unknown, line).WithTaints(text.Taints) : text.Derived();
        }

        // ---- the request ----

        private TaintValue? RequestCall(string path, string owner, string method, List<TaintValue> arguments, int line)
        {
            bool Under(string prefix) => owner == prefix || owner.StartsWith(prefix + ".", StringComparison.Ordinal) || owner.StartsWith(prefix + "#", StringComparison.Ordinal);
            TaintValue Argument(int i) => i < arguments.Count ? arguments[i] : TaintValue.Undefined;
            var sent = arguments.SelectMany(Sent).Distinct().ToList();

            if (Under("pm.request.headers") || path == "pm.request.addHeader" || path == "pm.request.upsertHeader")
            {
                if (HeaderMutators.Contains(method))
                {
                    foreach (TaintValue header in arguments) HeaderSink(HeaderNames(header, line), Sent(header), line);
                    return TaintValue.Undefined;
                }
                var headerTaint = new[] { new Taint(TaintKind.Key, "(the request's headers)") };
                if (method == "get")
                {
                    IReadOnlyList<string>? names = Argument(0).Strings;
                    bool key = names == null || names.Any(IsApiKeyHeader);
                    if (key) _facts.Reads.Add((line, headerTaint[0]));
                    return key ? TaintValue.OfTaints(headerTaint) : TaintValue.Unknown;
                }
                if (ListWalks.Contains(method)) return Items(owner + "#item", method, arguments, headerTaint);
            }
            if (Under("pm.request.url"))
            {
                if (UrlMutators.Contains(method))
                {
                    UrlSink(sent, line, SinkKind.Url);
                    if (owner == "pm.request.url" && method == "update") Redirect(Argument(0), hostOnly: false, line);
                    return TaintValue.Undefined;
                }
                if (ListWalks.Contains(method)) return Items(owner + "#item", method, arguments, Array.Empty<Taint>());
            }
            if (Under("pm.request.body"))
            {
                if (BodyMutators.Contains(method))
                {
                    UrlSink(sent, line, SinkKind.Body);
                    return TaintValue.Undefined;
                }
                if (ListWalks.Contains(method)) return Items(owner + "#item", method, arguments, Array.Empty<Taint>());
            }
            if (Under("pm.request.auth") || path == "pm.request.authorizeUsing")
            {
                HeaderSink(AuthorizationHeader, sent, line);
                return TaintValue.Undefined;
            }
            return null;
        }

        /// <summary>Walking a request list (headers, query, body entries): callbacks get an item; find/one give the item (named when the test says).</summary>
        private TaintValue Items(string itemPath, string method, List<TaintValue> arguments, Taint[] taints)
        {
            TaintValue item = TaintValue.OfPath(itemPath).WithTaints(taints);
            switch (method)
            {
                case "find":
                    IReadOnlyList<string>? names = arguments.Count > 0 ? KeyTest(arguments[0]) : null;
                    Callbacks(arguments, item);
                    return item.WithItemNames(names);
                case "one":
                case "idx":
                    return item.WithItemNames(arguments.Count > 0 ? arguments[0].Strings : null);
                case "map":
                    return TaintValue.OfObject(new ObjectCell { Other = Callbacks(arguments, item, TaintValue.Unknown) });
                case "reduce":
                {
                    TaintValue accumulator = arguments.Count > 1 ? arguments[1] : TaintValue.Undefined;
                    for (int pass = 0; pass < 2; pass++)
                        accumulator = TaintValue.Merge(accumulator, Callbacks(arguments.Take(1), accumulator, item));
                    return accumulator;
                }
                case "filter":
                case "all":
                    Callbacks(arguments, item);
                    return TaintValue.OfObject(new ObjectCell { Other = item });
                case "toObject":
                case "toJSON":
                    return TaintValue.OfTaints(taints);
                default:
                    Callbacks(arguments, item, TaintValue.Unknown);
                    return TaintValue.Unknown;
            }
        }

        private static bool IsApiKeyHeader(string name) => string.Equals(name.Trim(), ModuleParameters.ApiKeyHeader, StringComparison.OrdinalIgnoreCase);

        /// <summary>The names a header argument can have: { key: ... } or "Name: value"; null when not known.</summary>
        private IReadOnlyList<string>? HeaderNames(TaintValue header, int line)
        {
            var names = new List<string>();
            if (header.Objects.Count > 0)
            {
                TaintValue key = Member(TaintValue.OfObject(header.Objects[0]), KeyMember, line);
                foreach (ObjectCell cell in header.Objects.Skip(1)) key = TaintValue.Merge(key, Member(TaintValue.OfObject(cell), KeyMember, line));
                if (key.Strings == null || key.Strings.Count == 0) return null;
                names.AddRange(key.Strings);
            }
            else if (header.Strings != null)
            {
                foreach (string s in header.Strings)
                {
                    int colon = s.IndexOf(':');
                    names.Add(colon > 0 ? s.Substring(0, colon).Trim() : s.Trim());
                }
            }
            else return null;
            return names.Count == 0 ? null : names;
        }

        private void HeaderSink(IReadOnlyList<string>? names, IEnumerable<Taint> taints, int line)
        {
            foreach (Taint t in taints)
            {
                if (t.Kind == TaintKind.Signature) { _facts.SignsRequest = true; continue; }
                if (t.Kind == TaintKind.Key && names != null && names.Count > 0 && names.All(IsApiKeyHeader))
                {
                    _facts.SetsKeyHeader = true;
                    continue;
                }
                AddFlow(new Flow(line, SinkKind.Header, t, target: names == null || names.Count == 0 ? "?" : string.Join("/", names)));
            }
        }

        /// <summary>The URL or the body: a signature belongs there; a key or secret never.</summary>
        private void UrlSink(IEnumerable<Taint> taints, int line, SinkKind sink)
        {
            foreach (Taint t in taints)
            {
                if (t.Kind == TaintKind.Signature) _facts.SignsRequest = true;
                else AddFlow(new Flow(line, sink, t));
            }
        }

        /// <summary>The script points the request itself at a host written in the script (pm.request.url.host = 'x.example').</summary>
        private void Redirect(TaintValue value, bool hostOnly, int line)
        {
            var texts = new List<string>(value.Strings ?? Array.Empty<string>());
            if (KnownElements(value) is List<TaintValue> parts && parts.All(p => p.Strings != null && p.Strings.Count == 1))
                texts.Add(string.Join(".", parts.Select(p => p.Strings![0])));
            foreach (string text in texts)
            {
                IEnumerable<string> hosts = hostOnly && text.IndexOf("://", StringComparison.Ordinal) < 0
                    ? new[] { text.Split(':', '/')[0].Trim().TrimEnd('.').ToLowerInvariant() }
                    : UrlHosts.In(text);
                foreach (string host in hosts)
                    if (host.Length > 0 && !BinanceHosts.IsBinanceHost(host) && host.IndexOf("{{", StringComparison.Ordinal) < 0 && Once(line, "redirect:" + host))
                        _facts.Redirects.Add((line, host));
            }
        }

        /// <summary>An assignment to a member of an outside API: the request's parts, an image's address, a global.</summary>
        private void AssignPath(string path, string? name, TaintValue owner, TaintValue value, int line)
        {
            string target = path + (name == null ? "[?]" : "." + name);
            List<Taint> taints = Sent(value);
            if (path == "globalThis")
            {
                if (name != null) _root.Declare(name, value);
                return;
            }
            if (ScriptApi.IsLegacyStore(path) && ScriptApi.IsStore(path, out string store))
            {
                WriteVariable(store, name == null ? TaintValue.Unknown : TaintValue.OfString(name), value, line);
                return;
            }
            if (path.StartsWith("pm.request.headers#item", StringComparison.Ordinal))
            {
                if (name == "value" || name == null) HeaderSink(owner.ItemNames, taints, line);
                return;
            }
            if (target.StartsWith("pm.request.url", StringComparison.Ordinal))
            {
                UrlSink(taints, line, SinkKind.Url);
                if (target == "pm.request.url" || target == "pm.request.url.host" || target == "pm.request.url.raw") Redirect(value, hostOnly: target == "pm.request.url.host", line);
                return;
            }
            if (target.StartsWith("pm.request.headers", StringComparison.Ordinal)) { HeaderSink(null, taints, line); return; }
            if (target.StartsWith("pm.request.body", StringComparison.Ordinal)) { UrlSink(taints, line, SinkKind.Body); return; }
            if (target.StartsWith("pm.request.auth", StringComparison.Ordinal)) { HeaderSink(AuthorizationHeader, taints, line); return; }
            if (target.StartsWith("pm.request", StringComparison.Ordinal))
            {
                foreach (Taint t in taints.Where(t => t.IsKeyMaterial)) AddFlow(new Flow(line, SinkKind.Request, t, target: target));
                return;
            }
            if (ScriptApi.IsRequestProperty(target))
            {
                string api = target.StartsWith("Image", StringComparison.Ordinal) || target.StartsWith("element", StringComparison.Ordinal) ? "an image or element address" : "a page address";
                if (Once(line, "request:" + target)) _facts.OwnRequests.Add((line, api));
                foreach (Taint t in taints) AddFlow(new Flow(line, SinkKind.OwnRequest, t, via: api));
                return;
            }
            foreach (Taint t in taints.Where(t => t.IsKeyMaterial)) AddFlow(new Flow(line, SinkKind.Unknown, t, via: target));
        }
    }
}
