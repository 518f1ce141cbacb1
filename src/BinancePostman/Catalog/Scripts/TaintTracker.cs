using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>
    /// Follows where values read from key-named variables go in a Postman script, without running it: a small
    /// abstract interpreter over the parsed script. Values carry taints (made from the API key, the secret, a key
    /// object, or a signature made with the secret), the strings they can be, and the outside API they are;
    /// functions of the script are followed into at each call, callbacks are followed with what they are given, and
    /// functions never called are followed too. Where it cannot tell, it keeps the taint (a value of a call it does
    /// not know carries what went in) so that an unknown flow of a key stays visible.
    /// </summary>
    internal sealed partial class TaintTracker
    {
        private const int MaxDepth = 12;
        private const int MaxSteps = 400_000;
        private const int MaxTextDepth = 2;

        private readonly ScriptFacts _facts;
        private readonly ISet<string> _scriptGlobals;
        private readonly IReadOnlyDictionary<string, string> _collectionVariables;
        private readonly Scope _root = new Scope(null);
        private readonly List<Closure> _created = new List<Closure>();
        private readonly HashSet<FunctionNode> _called = new HashSet<FunctionNode>();
        private readonly List<FunctionNode> _stack = new List<FunctionNode>();
        private readonly Stack<TaintValue> _returns = new Stack<TaintValue>();
        private readonly HashSet<(int, string)> _seen = new HashSet<(int, string)>();
        private int _steps;
        /// <summary>Everything thrown so far: what a catch can get.</summary>
        private TaintValue _thrown = TaintValue.Undefined;
        private int _textDepth;

        private sealed class TooComplexException : Exception
        {
        }

        private TaintTracker(ScriptFacts facts, ISet<string> scriptGlobals, IReadOnlyDictionary<string, string> collectionVariables)
        {
            _facts = facts;
            _scriptGlobals = scriptGlobals;
            _collectionVariables = collectionVariables;
        }

        /// <param name="scriptGlobals">globals the file's other scripts define: calls to them are not libraries</param>
        /// <param name="collectionVariables">the collection's own variables: what pm.collectionVariables.get and pm.variables.get read where no environment overrides</param>
        public static ScriptFacts Run(string script, ISet<string>? scriptGlobals = null, IReadOnlyDictionary<string, string>? collectionVariables = null)
        {
            var facts = new ScriptFacts();
            var tracker = new TaintTracker(facts, scriptGlobals ?? new HashSet<string>(), collectionVariables ?? new Dictionary<string, string>());
            try
            {
                tracker.Follow(script);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // a script the tracker trips over must not stop an import: it is reported as not followed
                facts.TooComplex = true;
            }
            // what the tracker could not read or finish, the text still tells: requests, code from text, key reads
            if (facts.TooComplex || facts.Unreadable.Count > 0) TextNet.Scan(script, facts);
            return facts;
        }

        private void Follow(string script)
        {
            List<Node> program;
            try
            {
                program = ScriptParser.Parse(ScriptTokenizer.Tokenize(script), out List<int> unreadable);
                _facts.Unreadable.AddRange(unreadable);
            }
            catch (ScriptSyntaxException ex)
            {
                _facts.Unreadable.Add(ex.Line);
                return;
            }
            try
            {
                Hoist(program, _root);
                foreach (Node statement in program) Exec(statement, _root);
                FollowUncalledFunctions();
            }
            catch (TooComplexException)
            {
                _facts.TooComplex = true;
            }
        }

        /// <summary>Names the script assigns on the global object (globalThis.x, window.x, self.x): other scripts may call them.</summary>
        public static IEnumerable<string> GlobalsDefined(string script)
        {
            List<Token> tokens;
            try { tokens = ScriptTokenizer.Tokenize(script); }
            catch (ScriptSyntaxException) { yield break; }
            for (int i = 0; i + 2 < tokens.Count; i++)
                if ((tokens[i].IsWord("globalThis") || tokens[i].IsWord("window") || tokens[i].IsWord("self") || tokens[i].IsWord("global"))
                    && tokens[i + 1].IsPunct(".") && tokens[i + 2].Kind == TokenKind.Identifier)
                    yield return tokens[i + 2].Text;
        }

        private void Tick()
        {
            if (++_steps > MaxSteps) throw new TooComplexException();
        }

        /// <summary>How deep Eval and Exec are in each other (the parser bounds a tree's depth; functions followed into add up).</summary>
        private int _nesting;
        private const int MaxNesting = 600;

        /// <summary>Each finding once per line.</summary>
        private bool Once(int line, string what) => _seen.Add((line, what));

        // ---- statements ----

        private void Hoist(IEnumerable<Node> body, Scope scope)
        {
            foreach (Node n in body)
            {
                switch (n)
                {
                    case FunctionNode f when f.IsDeclaration && f.Name != null:
                        scope.Declare(f.Name, TaintValue.OfFunction(NewClosure(f, scope)));
                        break;
                    case BlockNode b:
                        Hoist(b.Body, scope);
                        break;
                    case IfNode i:
                        Hoist(new[] { i.Then }, scope);
                        if (i.Else != null) Hoist(new[] { i.Else }, scope);
                        break;
                    case LoopNode l:
                        Hoist(new[] { l.Body }, scope);
                        break;
                    case TryNode t:
                        Hoist(t.Block.Body, scope);
                        if (t.Handler != null) Hoist(t.Handler.Body, scope);
                        if (t.Finally != null) Hoist(t.Finally.Body, scope);
                        break;
                    case SwitchNode s:
                        Hoist(s.Body, scope);
                        break;
                }
            }
        }

        private Closure NewClosure(FunctionNode function, Scope scope)
        {
            var closure = new Closure(function, scope);
            _created.Add(closure);
            return closure;
        }

        private void Exec(Node node, Scope scope)
        {
            Tick();
            if (++_nesting > MaxNesting) throw new TooComplexException();
            try
            {
                ExecAt(node, scope);
            }
            finally
            {
                _nesting--;
            }
        }

        private void ExecAt(Node node, Scope scope)
        {
            switch (node)
            {
                case VarNode v:
                    foreach (var (target, init) in v.Declarations)
                        Bind(target, init == null ? TaintValue.Undefined : Eval(init, scope), scope, declare: true);
                    break;
                case FunctionNode f when f.IsDeclaration:
                    break; // hoisted
                case ClassNode c when c.IsDeclaration:
                    TaintValue cls = Class(c, scope);
                    if (c.Name != null) scope.Declare(c.Name, cls);
                    break;
                case ExpressionStatement e:
                    Eval(e.Expression, scope);
                    break;
                case ReturnNode r:
                    TaintValue returned = r.Value == null ? TaintValue.Undefined : Eval(r.Value, scope);
                    if (_returns.Count > 0) _returns.Push(TaintValue.Merge(_returns.Pop(), returned));
                    break;
                case IfNode i:
                    Eval(i.Test, scope);
                    List<(string, TaintValue)> restore = Narrow(i.Test, scope);
                    Exec(i.Then, scope);
                    foreach (var (name, old) in restore) scope.Replace(name, old);
                    if (i.Else != null) Exec(i.Else, scope);
                    break;
                case LoopNode l:
                    Loop(l, scope);
                    break;
                case BlockNode b:
                    foreach (Node statement in b.Body) Exec(statement, scope);
                    break;
                case TryNode t:
                    Exec(t.Block, scope);
                    if (t.Parameter != null) Bind(t.Parameter, TaintValue.Merge(TaintValue.Unknown, _thrown), scope, declare: true);
                    if (t.Handler != null) Exec(t.Handler, scope);
                    if (t.Finally != null) Exec(t.Finally, scope);
                    break;
                case SwitchNode s:
                    Eval(s.Discriminant, scope);
                    foreach (Node test in s.Tests) Eval(test, scope);
                    foreach (Node statement in s.Body) Exec(statement, scope);
                    break;
                case ThrowNode th:
                    _thrown = TaintValue.Merge(_thrown, Eval(th.Value, scope));
                    break;
                case EmptyNode _:
                    break;
                default:
                    Eval(node, scope);
                    break;
            }
        }

        /// <summary>The body twice, so that what one pass hands to the next is seen.</summary>
        private void Loop(LoopNode loop, Scope scope)
        {
            foreach (Node head in loop.Head)
                if (head is VarNode) Exec(head, scope);
                else Eval(head, scope);
            TaintValue? element = loop.Over == null ? null : ElementOf(Eval(loop.Over, scope));
            for (int pass = 0; pass < 2; pass++)
            {
                if (loop.Binding != null && element != null) Bind(loop.Binding, element, scope, loop.BindingDeclared);
                Exec(loop.Body, scope);
                foreach (Node head in loop.Head.Skip(1)) Eval(head, scope);
            }
        }

        /// <summary>Inside `if (h.key === 'X-MBX-APIKEY')`, h is the item of that name.</summary>
        private List<(string, TaintValue)> Narrow(Node test, Scope scope)
        {
            var restore = new List<(string, TaintValue)>();
            void Visit(Node n)
            {
                if (n is BinaryNode b && b.Op == "&&") { Visit(b.Left); Visit(b.Right); return; }
                if (!(n is BinaryNode eq) || (eq.Op != "===" && eq.Op != "==")) return;
                foreach (var (side, other) in new[] { (eq.Left, eq.Right), (eq.Right, eq.Left) })
                {
                    if (side is MemberNode m && m.Object is Ident item && (m.Name == "key" || m.Name == "name")
                        && scope.TryLookup(item.Name, out TaintValue current, out _) && Eval(other, scope).Strings is IReadOnlyList<string> names)
                    {
                        TaintValue? old = scope.Replace(item.Name, current.WithItemNames(names));
                        if (old != null) restore.Add((item.Name, old));
                        return;
                    }
                }
            }
            Visit(test);
            return restore;
        }

        private void FollowUncalledFunctions()
        {
            for (int i = 0; i < _created.Count; i++)
            {
                Closure closure = _created[i];
                if (_called.Contains(closure.Function)) continue;
                var unknown = closure.Function.Parameters.Select(_ => TaintValue.Unknown).ToList();
                Invoke(closure, unknown, null);
            }
        }

        // ---- binding and assignment ----

        private void Bind(Node pattern, TaintValue value, Scope scope, bool declare)
        {
            switch (pattern)
            {
                case Ident id:
                    if (declare) scope.Declare(id.Name, value);
                    else scope.Assign(id.Name, value);
                    break;
                case ObjectNode o:
                    foreach (Property p in o.Properties)
                    {
                        if (p.Spread) { if (p.Value != null) Bind(p.Value, value, scope, declare); continue; }
                        IReadOnlyList<string>? names = p.Key != null ? new[] { p.Key } : p.ComputedKey != null ? Eval(p.ComputedKey, scope).Strings : null;
                        Node target = p.Value ?? new Ident { Line = o.Line, Name = p.Key ?? "" };
                        Bind(target, Member(value, names, o.Line), scope, declare);
                    }
                    break;
                case ArrayNode a:
                    for (int i = 0; i < a.Elements.Count; i++)
                    {
                        Node? element = a.Elements[i];
                        if (element == null) continue;
                        if (element is SpreadNode rest) Bind(rest.Argument, value, scope, declare);
                        else Bind(element, ElementAt(value, i), scope, declare);
                    }
                    break;
                case AssignNode d:
                    Bind(d.Target, TaintValue.Merge(value, Eval(d.Value, scope)), scope, declare);
                    break;
                case MemberNode m:
                    TaintValue owner = Eval(m.Object, scope);
                    SetMember(owner, MemberNames(m, scope, owner), value, m.Line);
                    Absorb(m.Object, value.DeepTaints(), scope);
                    break;
            }
        }

        /// <summary>A variable whose member (or content) got a value: the variable carries what went in.</summary>
        private static void Absorb(Node objectExpression, IReadOnlyList<Taint> taints, Scope scope)
        {
            if (taints.Count == 0) return;
            Node root = objectExpression;
            while (root is MemberNode m) root = m.Object;
            while (root is CallNode c && c.Callee is MemberNode cm) root = cm.Object;
            if (root is Ident id && scope.TryLookup(id.Name, out TaintValue current, out Scope owner))
                owner.Declare(id.Name, current.WithTaints(taints));
        }

        private TaintValue Assignment(AssignNode a, Scope scope)
        {
            TaintValue value;
            if (a.Op == "=") value = Eval(a.Value, scope);
            else
            {
                TaintValue old = Eval(a.Target, scope);
                TaintValue right = Eval(a.Value, scope);
                value = a.Op == "+=" ? Concat(old, right) : a.Op == "||=" || a.Op == "&&=" || a.Op == "??=" ? TaintValue.Merge(old, right) : TaintValue.OfTaints(old.Taints.Concat(right.Taints));
            }
            switch (a.Target)
            {
                case Ident id:
                    scope.Assign(id.Name, value);
                    break;
                case MemberNode m:
                    TaintValue owner = Eval(m.Object, scope);
                    SetMember(owner, MemberNames(m, scope, owner), value, a.Line);
                    Absorb(m.Object, value.DeepTaints(), scope);
                    break;
                default:
                    Bind(a.Target, value, scope, declare: false);
                    break;
            }
            return value;
        }

        // ---- expressions ----

        private TaintValue Eval(Node node, Scope scope)
        {
            Tick();
            if (++_nesting > MaxNesting) throw new TooComplexException();
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // a small thread stack ends in a finding, not a crash
            try
            {
                return EvalAt(node, scope);
            }
            finally
            {
                _nesting--;
            }
        }

        private TaintValue EvalAt(Node node, Scope scope)
        {
            switch (node)
            {
                case Ident id:
                    return Lookup(id.Name, scope, id.Line);
                case Literal l:
                    return Literal(l);
                case TemplateNode t:
                    return Template(t, scope);
                case MemberNode m:
                {
                    TaintValue owner = Eval(m.Object, scope);
                    return Member(owner, MemberNames(m, scope, owner), m.Line);
                }
                case CallNode c:
                    return Call(c, scope);
                case SpreadNode sp:
                    return Eval(sp.Argument, scope);
                case AssignNode a:
                    return Assignment(a, scope);
                case BinaryNode b:
                    return Binary(b, scope);
                case UnaryNode u:
                    return Unary(u, scope);
                case ConditionalNode c:
                    Eval(c.Test, scope);
                    return TaintValue.Merge(Eval(c.Then, scope), Eval(c.Else, scope));
                case ObjectNode o:
                    return ObjectLiteral(o, scope);
                case ArrayNode a:
                    return ArrayLiteral(a, scope);
                case FunctionNode f:
                    return TaintValue.OfFunction(NewClosure(f, scope));
                case ClassNode c:
                    return Class(c, scope);
                case SequenceNode s:
                    TaintValue last = TaintValue.Undefined;
                    foreach (Node item in s.Items) last = Eval(item, scope);
                    return last;
                default:
                    return TaintValue.Unknown;
            }
        }

        private TaintValue Lookup(string name, Scope scope, int line)
        {
            if (name == "undefined") return TaintValue.Undefined;
            if (scope.TryLookup(name, out TaintValue value, out _)) return value;
            return Global(name, line);
        }

        private TaintValue Global(string name, int line)
        {
            switch (name)
            {
                case "globalThis":
                case "window":
                case "self":
                case "global":
                case "this":
                    return TaintValue.OfPath("globalThis");
            }
            if (_scriptGlobals.Contains(name)) return TaintValue.OfPath("script:" + name);
            if ((ScriptApi.IsRequestCall(name) || ScriptApi.IsRequestConstructor(name)) && Once(line, "request:" + name))
                _facts.OwnRequests.Add((line, ScriptApi.RequestName(name)));
            return TaintValue.OfPath(name);
        }

        private TaintValue Literal(Literal l)
        {
            switch (l.Kind)
            {
                case LiteralKind.String:
                    Text(l.Text, l.Line, l.Escapes);
                    return TaintValue.OfString(l.Text);
                case LiteralKind.Number:
                    return l.Number is double d ? TaintValue.OfNumber(d) : TaintValue.Unknown;
                case LiteralKind.Regex:
                    return TaintValue.Unknown;
                default:
                    return l.Text == "undefined" ? TaintValue.Undefined : TaintValue.OfString(l.Text);
            }
        }

        /// <summary>Text the script holds: hosts it names, escapes that hide it.</summary>
        private void Text(string text, int line, int escapes)
        {
            if (escapes >= 4 && Once(line, "escapes")) _facts.Hidden.Add((line, "escaped text"));
            foreach (string host in UrlHosts.In(text))
                if (Once(line, "host:" + host)) _facts.Hosts.Add((line, host));
        }

        private TaintValue Template(TemplateNode t, Scope scope)
        {
            foreach (string quasi in t.Quasis) Text(quasi, t.Line, 0);
            var parts = t.Expressions.Select(e => Eval(e, scope)).ToList();
            if (t.Tag != null)
            {
                TaintValue tag = Eval(t.Tag, scope);
                var strings = new ObjectCell { Elements = t.Quasis.Select(TaintValue.OfString).ToList() };
                var args = new List<TaintValue> { TaintValue.OfObject(strings) };
                args.AddRange(parts);
                if (tag.Paths.Contains("String.raw")) return Concatenate(t.Quasis, parts);
                return Invoke(tag, null, null, args, t.Line, isNew: false, scope);
            }
            return Concatenate(t.Quasis, parts);
        }

        private static TaintValue Concatenate(List<string> quasis, List<TaintValue> parts)
        {
            TaintValue result = TaintValue.OfString(quasis[0]);
            for (int i = 0; i < parts.Count; i++)
                result = Concat(Concat(result, parts[i]), TaintValue.OfString(i + 1 < quasis.Count ? quasis[i + 1] : ""));
            return result;
        }

        /// <summary>a + b: strings joined where both are known, taints of both (objects' members too: [secret] + '' is the secret).</summary>
        private static TaintValue Concat(TaintValue a, TaintValue b)
        {
            var taints = a.DeepTaints().Concat(b.DeepTaints());
            if (a.Number != null && b.Number != null && a.Strings != null && b.Strings != null && a.Strings.Count == 1 && b.Strings.Count == 1
                && !a.Strings[0].Any(char.IsLetter) && !b.Strings[0].Any(char.IsLetter))
                return TaintValue.OfNumber(a.Number.Value + b.Number.Value).WithTaints(taints);
            IEnumerable<string>? strings = a.Strings != null && b.Strings != null && (long)a.Strings.Count * b.Strings.Count <= 24
                ? a.Strings.SelectMany(x => b.Strings.Select(y => x + y))
                : null;
            return TaintValue.Unknown.WithStrings(strings).WithTaints(taints).WithBraces(a.Braces || b.Braces || (strings?.Any(s => s.Contains("{{")) ?? false));
        }

        private TaintValue Binary(BinaryNode b, Scope scope)
        {
            TaintValue left = Eval(b.Left, scope);
            TaintValue right = Eval(b.Right, scope);
            switch (b.Op)
            {
                case "+":
                    return Concat(left, right);
                case "&&":
                case "||":
                case "??":
                    return TaintValue.Merge(left, right);
                case "==":
                case "!=":
                case "===":
                case "!==":
                case "<":
                case ">":
                case "<=":
                case ">=":
                case "instanceof":
                case "in":
                    return TaintValue.Unknown;
            }
            var taints = left.Taints.Concat(right.Taints);
            if (left.Number is double x && right.Number is double y)
            {
                double? n = b.Op switch { "-" => x - y, "*" => x * y, "/" => y != 0 ? x / y : (double?)null, "%" => y != 0 ? x % y : (double?)null, "^" => (long)x ^ (long)y, "|" => (long)x | (long)y, "&" => (long)x & (long)y, _ => null };
                if (n != null) return TaintValue.OfNumber(n.Value).WithTaints(taints);
            }
            return TaintValue.OfTaints(taints);
        }

        private TaintValue Unary(UnaryNode u, Scope scope)
        {
            TaintValue argument = Eval(u.Argument, scope);
            switch (u.Op)
            {
                case "typeof":
                case "!":
                case "delete":
                    return TaintValue.Unknown;
                case "void":
                    return TaintValue.Undefined;
                case "yield":
                    // a generator hands what it yields to whoever walks it: like a return
                    if (_returns.Count > 0) _returns.Push(TaintValue.Merge(_returns.Pop(), argument));
                    return TaintValue.Unknown;
                case "await":
                    return argument;
                case "++":
                case "--":
                    TaintValue changed = argument.Derived();
                    if (u.Argument is Ident id) scope.Assign(id.Name, changed);
                    return changed;
                case "-":
                    return argument.Number is double d ? TaintValue.OfNumber(-d).WithTaints(argument.Taints) : argument.Derived();
                default:
                    return argument.Number != null ? argument : argument.Derived();
            }
        }

        private TaintValue ObjectLiteral(ObjectNode o, Scope scope)
        {
            var cell = new ObjectCell();
            foreach (Property p in o.Properties)
            {
                if (p.Value == null) continue;
                TaintValue value = Eval(p.Value, scope);
                if (p.Spread)
                {
                    foreach (ObjectCell inner in value.Objects)
                    {
                        foreach (var member in inner.Members) Put(cell, member.Key, member.Value);
                        cell.Other = TaintValue.Merge(cell.Other, inner.Other);
                    }
                    if (value.Taints.Count > 0 || value.Objects.Count == 0) cell.Other = TaintValue.Merge(cell.Other, value.Derived());
                    continue;
                }
                IReadOnlyList<string>? names = p.Key != null ? new[] { p.Key } : p.ComputedKey != null ? Eval(p.ComputedKey, scope).Strings : null;
                if (p.Getter) value = TaintValue.Merge(value, Getters(value, TaintValue.OfObject(cell)));
                if (names == null) cell.Other = TaintValue.Merge(cell.Other, value);
                else foreach (string name in names) Put(cell, name, value);
            }
            return TaintValue.OfObject(cell);
        }

        /// <summary>What getters return: reading the member runs them, so the member is (also) that.</summary>
        private TaintValue Getters(TaintValue getter, TaintValue self)
        {
            TaintValue returned = TaintValue.Undefined;
            foreach (Closure closure in getter.Functions) returned = TaintValue.Merge(returned, Invoke(closure, new List<TaintValue>(), self));
            return returned;
        }

        private static void Put(ObjectCell cell, string name, TaintValue value) =>
            cell.Members[name] = cell.Members.TryGetValue(name, out TaintValue? old) ? TaintValue.Merge(old, value) : value;

        private TaintValue ArrayLiteral(ArrayNode a, Scope scope)
        {
            var cell = new ObjectCell { Elements = new List<TaintValue>() };
            foreach (Node? element in a.Elements)
            {
                if (element == null) { cell.Elements?.Add(TaintValue.Undefined); continue; }
                TaintValue value = Eval(element, scope);
                if (element is SpreadNode)
                {
                    List<TaintValue>? known = KnownElements(value);
                    if (known != null && cell.Elements != null) cell.Elements.AddRange(known);
                    else
                    {
                        cell.Other = TaintValue.Merge(cell.Other, ElementOf(value));
                        cell.Elements = null;
                    }
                }
                else if (cell.Elements != null) cell.Elements.Add(value);
                else cell.Other = TaintValue.Merge(cell.Other, value);
            }
            return TaintValue.OfObject(cell);
        }

        private TaintValue Class(ClassNode c, Scope scope)
        {
            if (c.Extends != null) Eval(c.Extends, scope);
            var cell = new ObjectCell();
            foreach (var (name, method) in c.Methods)
            {
                var closure = NewClosure(method, scope);
                if (name != null) Put(cell, name, TaintValue.OfFunction(closure));
            }
            foreach (var (name, value) in c.Fields)
            {
                TaintValue v = value == null ? TaintValue.Undefined : Eval(value, scope);
                if (name != null) Put(cell, name, v);
            }
            return TaintValue.OfObject(cell);
        }

        // ---- members ----

        /// <summary>The names a member access can have: the written name, or the strings its key can be (null when not known).</summary>
        private IReadOnlyList<string>? MemberNames(MemberNode m, Scope scope, TaintValue owner)
        {
            if (m.Name != null) return new[] { m.Name };
            TaintValue key = Eval(m.Key!, scope);
            bool written = m.Key is Literal lit && (lit.Kind == LiteralKind.String || lit.Kind == LiteralKind.Number);
            foreach (string path in owner.Paths)
            {
                string root = ScriptApi.Root(path);
                if ((root == "pm" || root == "postman" || root == "globalThis" || (!written && !path.Contains("#"))) && Once(m.Line, "computed:" + path))
                    _facts.Hidden.Add((m.Line, $"{path}[...]"));
            }
            return key.Strings ?? (key.Number is double n ? new[] { n.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null);
        }

        private TaintValue Member(TaintValue owner, IReadOnlyList<string>? names, int line)
        {
            var results = new List<TaintValue>();
            foreach (string path in owner.Paths)
            {
                if (names == null) results.Add(PathMember(path, null, line));
                else foreach (string name in names) results.Add(PathMember(path, name, line));
            }
            foreach (ObjectCell cell in owner.Objects)
            {
                if (names == null)
                {
                    results.AddRange(cell.Members.Values);
                    results.Add(cell.Other);
                    if (cell.Elements != null) results.AddRange(cell.Elements);
                    continue;
                }
                foreach (string name in names)
                {
                    if (cell.Members.TryGetValue(name, out TaintValue? member)) results.Add(member);
                    else if (BuiltinMethods.Contains(name)) results.Add(TaintValue.Undefined); // arr.push is the array's, not a member stored
                    else if (cell.Elements != null && int.TryParse(name, out int index) && index >= 0 && index < cell.Elements.Count) results.Add(cell.Elements[index]);
                    else if (name == "length" && cell.Elements != null) results.Add(TaintValue.OfNumber(cell.Elements.Count));
                    else results.Add(cell.Other);
                }
            }
            // x.constructor.constructor is Function, whatever x is: (() => 0).constructor('code')() runs text
            if (names != null && names.Contains("constructor"))
            {
                if (owner.Functions.Count > 0) results.Add(TaintValue.OfPath("Function"));
                if (owner.Objects.Count > 0 || owner.Strings != null || (owner.Paths.Count == 0 && owner.Functions.Count == 0)) results.Add(TaintValue.OfPath("constructor"));
            }
            if (owner.Taints.Count > 0 || (owner.Paths.Count == 0 && owner.Objects.Count == 0))
            {
                // a member of a string (secret.length, secret[0]) or of a value not known: made from the same things
                TaintValue derived = owner.Derived();
                if (names != null && names.Count == 1 && owner.Strings != null && names[0] == "length" && owner.Strings.Count == 1)
                    derived = TaintValue.OfNumber(owner.Strings[0].Length).WithTaints(owner.Taints);
                results.Add(derived);
            }
            return TaintValue.Merge(results);
        }

        private TaintValue PathMember(string path, string? name, int line)
        {
            if (path == "globalThis")
            {
                if (name == null) return TaintValue.OfPath("globalThis[?]");
                return _root.TryLookup(name, out TaintValue declared, out _) ? declared : Global(name, line);
            }
            if (ScriptApi.IsLegacyStore(path))
            {
                // environment['binance-api-secret'] in the old sandbox
                TaintValue read = ReadVariables(name == null ? TaintValue.Unknown : TaintValue.OfString(name), line);
                return TaintValue.OfPath(path + "." + (name ?? "[?]")).WithTaints(read.Taints);
            }
            string member = path + (name == null ? "[?]" : "." + name);
            if ((ScriptApi.IsRequestCall(member) || ScriptApi.IsRequestConstructor(member)) && Once(line, "request:" + member))
                _facts.OwnRequests.Add((line, ScriptApi.RequestName(member)));
            return TaintValue.OfPath(member);
        }

        private void SetMember(TaintValue owner, IReadOnlyList<string>? names, TaintValue value, int line)
        {
            foreach (string path in owner.Paths)
            {
                if (names == null) AssignPath(path, null, owner, value, line);
                else foreach (string name in names) AssignPath(path, name, owner, value, line);
            }
            foreach (ObjectCell cell in owner.Objects)
            {
                if (names == null) { cell.Other = TaintValue.Merge(cell.Other, value); continue; }
                foreach (string name in names)
                {
                    if (cell.Elements != null && int.TryParse(name, out int index))
                    {
                        if (index >= 0 && index < cell.Elements.Count) cell.Elements[index] = TaintValue.Merge(cell.Elements[index], value);
                        else { cell.Other = TaintValue.Merge(cell.Other, value); cell.Elements = null; }
                    }
                    else Put(cell, name, value);
                }
            }
        }

        // ---- elements ----

        private static TaintValue ElementOf(TaintValue value)
        {
            var parts = new List<TaintValue>();
            foreach (ObjectCell cell in value.Objects)
            {
                if (cell.Elements != null) parts.AddRange(cell.Elements);
                else parts.AddRange(cell.Members.Values);
                parts.Add(cell.Other);
            }
            foreach (string path in value.Paths) parts.Add(TaintValue.OfPath(path + "#item"));
            if (value.Taints.Count > 0 || (value.Objects.Count == 0 && value.Paths.Count == 0)) parts.Add(value.Derived());
            return TaintValue.Merge(parts);
        }

        private static TaintValue ElementAt(TaintValue value, int index)
        {
            if (value.Objects.Count == 1 && value.Paths.Count == 0 && value.Objects[0].Elements is List<TaintValue> elements && index < elements.Count)
                return value.Taints.Count > 0 ? elements[index].WithTaints(value.Taints) : elements[index];
            return ElementOf(value);
        }

        private static List<TaintValue>? KnownElements(TaintValue value) =>
            value.Objects.Count == 1 && value.Paths.Count == 0 && value.Taints.Count == 0 ? value.Objects[0].Elements : null;

        // ---- functions ----

        private TaintValue Invoke(Closure closure, List<TaintValue> arguments, TaintValue? thisValue)
        {
            FunctionNode f = closure.Function;
            if (_stack.Count >= MaxDepth || _stack.Contains(f))
            {
                // too deep, or recursion: not followed again, so a key handed on is a flow the tracker cannot follow
                var handed = arguments.SelectMany(a => a.DeepTaints()).Distinct().ToList();
                foreach (Taint t in handed.Where(t => t.IsKeyMaterial))
                    AddFlow(new Flow(f.Line, SinkKind.Unknown, t, via: (f.Name ?? "a function") + "() (too deeply nested or recursive to follow)"));
                return TaintValue.OfTaints(handed);
            }
            _called.Add(f);
            _stack.Add(f);
            try
            {
                var scope = new Scope(closure.Scope);
                var all = new List<TaintValue>(closure.BoundArguments ?? new List<TaintValue>());
                all.AddRange(arguments);
                if (!f.IsArrow)
                {
                    scope.Declare("this", closure.BoundThis ?? thisValue ?? TaintValue.OfPath("globalThis"));
                    scope.Declare("arguments", TaintValue.OfObject(new ObjectCell { Elements = new List<TaintValue>(all) }));
                    if (f.Name != null && !f.IsDeclaration) scope.Declare(f.Name, TaintValue.OfFunction(closure));
                }
                for (int i = 0; i < f.Parameters.Count; i++)
                {
                    Node parameter = f.Parameters[i];
                    TaintValue argument = i < all.Count ? all[i] : TaintValue.Undefined;
                    if (parameter is SpreadNode rest)
                        Bind(rest.Argument, TaintValue.OfObject(new ObjectCell { Elements = all.Skip(i).ToList() }), scope, declare: true);
                    else if (parameter is AssignNode withDefault)
                        Bind(withDefault.Target, TaintValue.Merge(argument, Eval(withDefault.Value, scope)), scope, declare: true);
                    else Bind(parameter, argument, scope, declare: true);
                }
                _returns.Push(TaintValue.Undefined);
                if (f.Body != null)
                {
                    Hoist(f.Body, scope);
                    foreach (Node statement in f.Body) Exec(statement, scope);
                }
                else if (f.ExpressionBody != null)
                    _returns.Push(TaintValue.Merge(_returns.Pop(), Eval(f.ExpressionBody, scope)));
                return _returns.Pop();
            }
            finally
            {
                _stack.RemoveAt(_stack.Count - 1);
            }
        }

        /// <summary>Follows each function among the arguments with these parameters; returns what they return.</summary>
        private TaintValue Callbacks(IEnumerable<TaintValue> arguments, params TaintValue[] parameters)
        {
            TaintValue returned = TaintValue.Undefined;
            foreach (TaintValue argument in arguments)
                foreach (Closure closure in argument.Functions)
                    returned = TaintValue.Merge(returned, Invoke(closure, parameters.ToList(), null));
            return returned;
        }

        /// <summary>find(h => h.key === 'X') and the like: the names the callback picks items by, when it says.</summary>
        private IReadOnlyList<string>? KeyTest(TaintValue callback)
        {
            if (callback.Functions.Count != 1) return null;
            Closure closure = callback.Functions[0];
            FunctionNode f = closure.Function;
            if (f.Parameters.Count == 0 || !(f.Parameters[0] is Ident item)) return null;
            Node? expression = f.ExpressionBody ?? (f.Body != null && f.Body.Count == 1 && f.Body[0] is ReturnNode r ? r.Value : null);
            if (!(expression is BinaryNode b) || (b.Op != "===" && b.Op != "==")) return null;
            foreach (var (side, other) in new[] { (b.Left, b.Right), (b.Right, b.Left) })
                if (side is MemberNode m && m.Object is Ident id && id.Name == item.Name && (m.Name == "key" || m.Name == "name"))
                {
                    var scope = new Scope(closure.Scope);
                    scope.Declare(item.Name, TaintValue.Unknown);
                    return Eval(other, scope).Strings;
                }
            return null;
        }
    }
}
