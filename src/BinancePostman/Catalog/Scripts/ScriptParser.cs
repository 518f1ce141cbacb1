using System;
using System.Collections.Generic;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>
    /// Reads tokens into statements and expressions: declarations (with destructuring), functions (arrows, async,
    /// methods, classes), calls, member access, object and array literals, templates, and the usual statements.
    /// Reading is lenient where JavaScript is (no semicolon needed at a line end); a statement it cannot read is
    /// skipped and its line recorded, and reading goes on with the next one.
    /// </summary>
    internal sealed class ScriptParser
    {
        private static readonly HashSet<string> AssignOps = new HashSet<string>(StringComparer.Ordinal)
        {
            "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=",
        };

        private static readonly Dictionary<string, int> Precedence = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["??"] = 1, ["||"] = 2, ["&&"] = 3, ["|"] = 4, ["^"] = 5, ["&"] = 6,
            ["=="] = 7, ["!="] = 7, ["==="] = 7, ["!=="] = 7,
            ["<"] = 8, [">"] = 8, ["<="] = 8, [">="] = 8, ["instanceof"] = 8, ["in"] = 8,
            ["<<"] = 9, [">>"] = 9, [">>>"] = 9, ["+"] = 10, ["-"] = 10, ["*"] = 11, ["/"] = 11, ["%"] = 11, ["**"] = 12,
        };

        private static readonly HashSet<string> UnaryWords = new HashSet<string>(StringComparer.Ordinal) { "typeof", "void", "delete", "await" };

        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
        {
            "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "export", "extends",
            "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return", "super", "switch", "this", "throw",
            "try", "typeof", "var", "void", "while", "with",
        };

        /// <summary>Nesting deeper than this is refused (a script nested thousands deep would exhaust the stack).</summary>
        private const int MaxNesting = 200;

        private readonly List<Token> _tokens;
        private int _p;
        private int _nesting;

        private void Enter()
        {
            if (++_nesting > MaxNesting) throw Error();
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        /// <summary>For each opening bracket, the index of the one that closes it (-1 when none does): arrows are told in one step.</summary>
        private readonly int[] _closing;

        private ScriptParser(List<Token> tokens)
        {
            _tokens = tokens;
            _closing = new int[tokens.Count];
            var open = new Stack<int>();
            for (int i = 0; i < tokens.Count; i++)
            {
                _closing[i] = -1;
                Token t = tokens[i];
                if (t.Kind != TokenKind.Punct) continue;
                if (t.Text == "(" || t.Text == "[" || t.Text == "{") open.Push(i);
                else if ((t.Text == ")" || t.Text == "]" || t.Text == "}") && open.Count > 0) _closing[open.Pop()] = i;
            }
        }

        /// <summary>Lines (0-based) of statements that could not be read.</summary>
        public List<int> Unreadable { get; } = new List<int>();

        public static List<Node> Parse(List<Token> tokens, out List<int> unreadable)
        {
            var parser = new ScriptParser(tokens);
            List<Node> program = parser.StatementList(insideBraces: false);
            unreadable = parser.Unreadable;
            return program;
        }

        private Token Peek(int ahead = 0) => _tokens[Math.Min(_p + ahead, _tokens.Count - 1)];
        private Token Next() => _tokens[Math.Min(_p++, _tokens.Count - 1)];
        private bool AtEnd => Peek().Kind == TokenKind.End;
        private bool IsPunct(string text, int ahead = 0) => Peek(ahead).IsPunct(text);
        private bool IsWord(string text, int ahead = 0) => Peek(ahead).IsWord(text);

        private bool Eat(string punct)
        {
            if (!IsPunct(punct)) return false;
            _p++;
            return true;
        }

        private Token Expect(string punct)
        {
            if (!IsPunct(punct)) throw Error();
            return Next();
        }

        private ScriptSyntaxException Error() => new ScriptSyntaxException(Peek().Line, _p);

        private void EndStatement()
        {
            if (Eat(";")) return;
            Token t = Peek();
            if (t.Kind == TokenKind.End || t.IsPunct("}") || t.NewlineBefore) return;
            throw Error();
        }

        private List<Node> StatementList(bool insideBraces)
        {
            var list = new List<Node>();
            while (!AtEnd && !(insideBraces && IsPunct("}")))
            {
                int start = _p;
                try
                {
                    list.Add(Statement());
                }
                catch (ScriptSyntaxException ex)
                {
                    Unreadable.Add(ex.Line);
                    int at = Math.Max(ex.Position, start);
                    _p = at;
                    if (insideBraces && IsPunct("}") && at > start) continue; // leave the block's own brace to close it
                    _p = at + 1;
                }
            }
            return list;
        }

        private BlockNode Block()
        {
            Token open = Expect("{");
            var block = new BlockNode { Line = open.Line, Body = StatementList(insideBraces: true) };
            Expect("}");
            return block;
        }

        private Node Statement()
        {
            Enter();
            try
            {
                return StatementAt();
            }
            finally
            {
                _nesting--;
            }
        }

        private Node StatementAt()
        {
            Token t = Peek();
            if (t.IsPunct("{")) return Block();
            if (t.IsPunct(";")) { Next(); return new EmptyNode { Line = t.Line }; }
            if (t.Kind == TokenKind.Identifier)
            {
                switch (t.Text)
                {
                    case "var":
                    case "const":
                        return Declaration();
                    case "let":
                        if (Peek(1).Kind == TokenKind.Identifier || IsPunct("[", 1) || IsPunct("{", 1)) return Declaration();
                        break;
                    case "function":
                        return FunctionAt(declaration: true);
                    case "async":
                        if (IsWord("function", 1) && !Peek(1).NewlineBefore) { Next(); return FunctionAt(declaration: true); }
                        break;
                    case "class":
                        return Class(declaration: true);
                    case "if":
                        return If();
                    case "for":
                        return For();
                    case "while":
                    {
                        Next();
                        Expect("(");
                        Node test = Expression();
                        Expect(")");
                        return new LoopNode { Line = t.Line, Head = { test }, Body = Statement() };
                    }
                    case "do":
                    {
                        Next();
                        Node body = Statement();
                        if (!IsWord("while")) throw Error();
                        Next();
                        Expect("(");
                        Node test = Expression();
                        Expect(")");
                        Eat(";");
                        return new LoopNode { Line = t.Line, Head = { test }, Body = body };
                    }
                    case "return":
                    {
                        Next();
                        Node? value = null;
                        if (!IsPunct(";") && !IsPunct("}") && !AtEnd && !Peek().NewlineBefore) value = Expression();
                        EndStatement();
                        return new ReturnNode { Line = t.Line, Value = value };
                    }
                    case "throw":
                    {
                        Next();
                        Node value = Expression();
                        EndStatement();
                        return new ThrowNode { Line = t.Line, Value = value };
                    }
                    case "break":
                    case "continue":
                        Next();
                        if (Peek().Kind == TokenKind.Identifier && !Peek().NewlineBefore) Next();
                        EndStatement();
                        return new EmptyNode { Line = t.Line };
                    case "debugger":
                        Next();
                        EndStatement();
                        return new EmptyNode { Line = t.Line };
                    case "try":
                        return Try();
                    case "switch":
                        return Switch();
                }
                if (IsPunct(":", 1) && !Reserved.Contains(t.Text))
                {
                    Next();
                    Next();
                    return Statement(); // a label
                }
            }
            Node expression = Expression();
            EndStatement();
            return new ExpressionStatement { Line = t.Line, Expression = expression };
        }

        private VarNode Declaration(bool inForHead = false)
        {
            Token keyword = Next();
            var node = new VarNode { Line = keyword.Line };
            do
            {
                Node target = BindingTarget();
                Node? init = null;
                if (Eat("=")) init = Assignment(noIn: inForHead);
                node.Declarations.Add((target, init));
            }
            while (Eat(","));
            if (!inForHead) EndStatement();
            return node;
        }

        /// <summary>A name, or an object or array pattern (read as the literal it looks like).</summary>
        private Node BindingTarget()
        {
            Token t = Peek();
            if (t.Kind == TokenKind.Identifier) { Next(); return new Ident { Line = t.Line, Name = t.Text }; }
            if (t.IsPunct("[") || t.IsPunct("{")) return Primary();
            throw Error();
        }

        private IfNode If()
        {
            Token t = Next();
            Expect("(");
            Node test = Expression();
            Expect(")");
            Node then = Statement();
            Node? otherwise = null;
            if (IsWord("else")) { Next(); otherwise = Statement(); }
            return new IfNode { Line = t.Line, Test = test, Then = then, Else = otherwise };
        }

        private LoopNode For()
        {
            Token t = Next();
            if (IsWord("await")) Next();
            Expect("(");
            var loop = new LoopNode { Line = t.Line };
            Node? init = null;
            if (!IsPunct(";"))
            {
                if (IsWord("var") || IsWord("const") || (IsWord("let") && (Peek(1).Kind == TokenKind.Identifier || IsPunct("[", 1) || IsPunct("{", 1))))
                {
                    VarNode declaration = Declaration(inForHead: true);
                    if ((IsWord("of") || IsWord("in")) && declaration.Declarations.Count == 1)
                    {
                        Next();
                        loop.Binding = declaration.Declarations[0].target;
                        loop.BindingDeclared = true;
                        loop.Over = Assignment();
                        Expect(")");
                        loop.Body = Statement();
                        return loop;
                    }
                    init = declaration;
                }
                else
                {
                    Node expression = Expression(noIn: true);
                    if (IsWord("of") || IsWord("in"))
                    {
                        Next();
                        loop.Binding = expression;
                        loop.Over = Assignment();
                        Expect(")");
                        loop.Body = Statement();
                        return loop;
                    }
                    init = expression;
                }
            }
            if (init != null) loop.Head.Add(init);
            Expect(";");
            if (!IsPunct(";")) loop.Head.Add(Expression());
            Expect(";");
            if (!IsPunct(")")) loop.Head.Add(Expression());
            Expect(")");
            loop.Body = Statement();
            return loop;
        }

        private TryNode Try()
        {
            Token t = Next();
            var node = new TryNode { Line = t.Line, Block = Block() };
            if (IsWord("catch"))
            {
                Next();
                if (Eat("("))
                {
                    node.Parameter = BindingTarget();
                    Expect(")");
                }
                node.Handler = Block();
            }
            if (IsWord("finally")) { Next(); node.Finally = Block(); }
            return node;
        }

        private SwitchNode Switch()
        {
            Token t = Next();
            Expect("(");
            var node = new SwitchNode { Line = t.Line, Discriminant = Expression() };
            Expect(")");
            Expect("{");
            while (!IsPunct("}"))
            {
                if (AtEnd) throw Error();
                if (IsWord("case")) { Next(); node.Tests.Add(Expression()); Expect(":"); }
                else if (IsWord("default")) { Next(); Expect(":"); }
                else
                {
                    int start = _p;
                    try
                    {
                        node.Body.Add(Statement());
                    }
                    catch (ScriptSyntaxException ex)
                    {
                        Unreadable.Add(ex.Line);
                        _p = Math.Max(ex.Position, start) + (IsPunct("}") && ex.Position > start ? 0 : 1);
                    }
                }
            }
            Expect("}");
            return node;
        }

        private Node Expression(bool noIn = false)
        {
            Node first = Assignment(noIn);
            if (!IsPunct(",")) return first;
            var sequence = new SequenceNode { Line = first.Line, Items = { first } };
            while (Eat(",")) sequence.Items.Add(Assignment(noIn));
            return sequence;
        }

        private Node Assignment(bool noIn = false)
        {
            Enter();
            try
            {
                return AssignmentAt(noIn);
            }
            finally
            {
                _nesting--;
            }
        }

        private Node AssignmentAt(bool noIn)
        {
            Token t = Peek();
            if (ArrowAhead(0)) return Arrow();
            if (t.IsWord("async") && !Peek(1).NewlineBefore && ArrowAhead(1)) { Next(); return Arrow(); }
            if (t.IsWord("yield"))
            {
                Next();
                Eat("*");
                if (IsPunct(")") || IsPunct("]") || IsPunct("}") || IsPunct(",") || IsPunct(";") || Peek().NewlineBefore || AtEnd)
                    return new Literal { Line = t.Line, Kind = LiteralKind.Other, Text = "undefined" };
                return new UnaryNode { Line = t.Line, Op = "yield", Argument = Assignment(noIn) };
            }
            Node left = Conditional(noIn);
            if (Peek().Kind == TokenKind.Punct && AssignOps.Contains(Peek().Text))
            {
                string op = Next().Text;
                return new AssignNode { Line = left.Line, Target = left, Op = op, Value = Assignment(noIn) };
            }
            return left;
        }

        /// <summary>name => or ( ... ) => at the token `ahead` places on.</summary>
        private bool ArrowAhead(int ahead)
        {
            Token t = Peek(ahead);
            if (t.Kind == TokenKind.Identifier && !Reserved.Contains(t.Text)) return IsPunct("=>", ahead + 1);
            if (!t.IsPunct("(")) return false;
            int at = Math.Min(_p + ahead, _tokens.Count - 1);
            int close = _closing[at];
            return close >= 0 && close + 1 < _tokens.Count && _tokens[close + 1].IsPunct("=>");
        }

        private FunctionNode Arrow()
        {
            Token t = Peek();
            var function = new FunctionNode { Line = t.Line, IsArrow = true };
            if (t.Kind == TokenKind.Identifier)
            {
                Next();
                function.Parameters.Add(new Ident { Line = t.Line, Name = t.Text });
            }
            else function.Parameters = Parameters();
            Expect("=>");
            if (IsPunct("{")) function.Body = Block().Body;
            else function.ExpressionBody = Assignment();
            return function;
        }

        private List<Node> Parameters()
        {
            Expect("(");
            var list = new List<Node>();
            while (!IsPunct(")"))
            {
                if (IsPunct("..."))
                {
                    Token dots = Next();
                    list.Add(new SpreadNode { Line = dots.Line, Argument = BindingTarget() });
                }
                else list.Add(Assignment());
                if (!Eat(",")) break;
            }
            Expect(")");
            return list;
        }

        /// <summary>function [*] [name] (params) { body }, the keyword not yet read.</summary>
        private FunctionNode FunctionAt(bool declaration)
        {
            Token keyword = Next();
            Eat("*");
            var function = new FunctionNode { Line = keyword.Line, IsDeclaration = declaration };
            if (Peek().Kind == TokenKind.Identifier) function.Name = Next().Text;
            else if (declaration) throw Error();
            function.Parameters = Parameters();
            function.Body = Block().Body;
            return function;
        }

        /// <summary>A method's parameters and body, its name already read.</summary>
        private FunctionNode Method(int line, string? name)
        {
            var function = new FunctionNode { Line = line, Name = name, Parameters = Parameters() };
            function.Body = Block().Body;
            return function;
        }

        private ClassNode Class(bool declaration)
        {
            Token keyword = Next();
            var node = new ClassNode { Line = keyword.Line, IsDeclaration = declaration };
            if (Peek().Kind == TokenKind.Identifier && !IsWord("extends")) node.Name = Next().Text;
            if (IsWord("extends")) { Next(); node.Extends = CallOrMember(); }
            Expect("{");
            while (!Eat("}"))
            {
                if (AtEnd) throw Error();
                if (Eat(";")) continue;
                if (IsWord("static") && IsPunct("{", 1))
                {
                    Next();
                    var block = Block();
                    node.Methods.Add((null, new FunctionNode { Line = block.Line, Body = block.Body }));
                    continue;
                }
                while ((IsWord("static") || IsWord("async") || IsWord("get") || IsWord("set")) && !IsPunct("(", 1) && !IsPunct("=", 1) && !IsPunct(";", 1) && !IsPunct("}", 1)) Next();
                Eat("*");
                Token at = Peek();
                string? name = PropertyName(out Node? computed);
                if (IsPunct("(")) node.Methods.Add((name, Method(at.Line, name)));
                else
                {
                    Node? value = Eat("=") ? Assignment() : null;
                    node.Fields.Add((name, value ?? computed));
                    EndStatement();
                }
            }
            return node;
        }

        /// <summary>An object or class member name: a word, a string, a number, #private, or [computed].</summary>
        private string? PropertyName(out Node? computed)
        {
            computed = null;
            Token t = Peek();
            if (t.IsPunct("["))
            {
                Next();
                computed = Assignment();
                Expect("]");
                return null;
            }
            if (t.IsPunct("#")) { Next(); return "#" + Next().Text; }
            if (t.Kind == TokenKind.Identifier || t.Kind == TokenKind.String || t.Kind == TokenKind.Number) { Next(); return t.Text; }
            throw Error();
        }

        private Node Conditional(bool noIn)
        {
            Node test = Binary(0, noIn);
            if (!IsPunct("?")) return test;
            Next();
            Node then = Assignment();
            Expect(":");
            Node otherwise = Assignment(noIn);
            return new ConditionalNode { Line = test.Line, Test = test, Then = then, Else = otherwise };
        }

        private Node Binary(int minimum, bool noIn)
        {
            Node left = Unary();
            for (int chained = 0; ; chained++)
            {
                if (chained > MaxNesting) throw Error(); // a + a + ... thousands long is a tree that deep
                Token t = Peek();
                string op = t.Text;
                bool isOperator = (t.Kind == TokenKind.Punct || (t.Kind == TokenKind.Identifier && (op == "instanceof" || (op == "in" && !noIn))))
                    && Precedence.TryGetValue(op, out _);
                if (!isOperator) return left;
                int precedence = Precedence[op];
                if (precedence <= minimum && !(op == "**" && precedence == minimum)) return left;
                Next();
                Node right = Binary(op == "**" ? precedence - 1 : precedence, noIn);
                left = new BinaryNode { Line = left.Line, Op = op, Left = left, Right = right };
            }
        }

        private Node Unary()
        {
            Enter();
            try
            {
                return UnaryAt();
            }
            finally
            {
                _nesting--;
            }
        }

        private Node UnaryAt()
        {
            Token t = Peek();
            if ((t.Kind == TokenKind.Punct && (t.Text == "!" || t.Text == "~" || t.Text == "+" || t.Text == "-" || t.Text == "++" || t.Text == "--"))
                || (t.Kind == TokenKind.Identifier && UnaryWords.Contains(t.Text) && !IsPunct("=>", 1) && !IsPunct(")", 1) && !IsPunct(",", 1) && !IsPunct(";", 1)))
            {
                Next();
                return new UnaryNode { Line = t.Line, Op = t.Text, Argument = Unary() };
            }
            Node operand = CallOrMember();
            Token after = Peek();
            if ((after.IsPunct("++") || after.IsPunct("--")) && !after.NewlineBefore)
            {
                Next();
                return new UnaryNode { Line = operand.Line, Op = after.Text, Argument = operand };
            }
            return operand;
        }

        private Node CallOrMember()
        {
            Node node;
            Token t = Peek();
            if (t.IsWord("new"))
            {
                Next();
                if (Eat("."))
                {
                    Next(); // new.target
                    node = new Literal { Line = t.Line, Kind = LiteralKind.Other, Text = "undefined" };
                }
                else
                {
                    Node callee = MemberOnly();
                    var call = new CallNode { Line = t.Line, Callee = callee, IsNew = true };
                    if (IsPunct("(")) call.Arguments = Arguments();
                    node = call;
                }
            }
            else node = Primary();
            return Chain(node, allowCalls: true);
        }

        /// <summary>The callee of `new`: members but no calls (new a.b.C(x) calls C).</summary>
        private Node MemberOnly()
        {
            Node node = IsWord("new") ? CallOrMember() : Primary();
            return Chain(node, allowCalls: false);
        }

        private Node Chain(Node node, bool allowCalls)
        {
            for (int chained = 0; ; chained++)
            {
                if (chained > MaxNesting) throw Error();
                Token t = Peek();
                if (t.IsPunct(".") || (t.IsPunct("?.") && !IsPunct("(", 1) && !IsPunct("[", 1)))
                {
                    Next();
                    if (IsPunct("#")) Next();
                    Token name = Next();
                    if (name.Kind != TokenKind.Identifier) throw new ScriptSyntaxException(name.Line, _p - 1);
                    node = new MemberNode { Line = t.Line, Object = node, Name = name.Text };
                }
                else if (t.IsPunct("?.") && IsPunct("[", 1))
                {
                    Next();
                    Next();
                    Node key = Expression();
                    Expect("]");
                    node = new MemberNode { Line = t.Line, Object = node, Key = key };
                }
                else if (t.IsPunct("["))
                {
                    Next();
                    Node key = Expression();
                    Expect("]");
                    node = new MemberNode { Line = t.Line, Object = node, Key = key };
                }
                else if (allowCalls && (t.IsPunct("(") || (t.IsPunct("?.") && IsPunct("(", 1))))
                {
                    if (t.IsPunct("?.")) Next();
                    node = new CallNode { Line = node.Line, Callee = node, Arguments = Arguments() };
                }
                else if (t.Kind == TokenKind.Template)
                {
                    Next();
                    TemplateNode template = Template(t);
                    template.Tag = node;
                    node = template;
                }
                else return node;
            }
        }

        private List<Node> Arguments()
        {
            Expect("(");
            var list = new List<Node>();
            while (!IsPunct(")"))
            {
                if (IsPunct("..."))
                {
                    Token dots = Next();
                    list.Add(new SpreadNode { Line = dots.Line, Argument = Assignment() });
                }
                else list.Add(Assignment());
                if (!Eat(",")) break;
            }
            Expect(")");
            return list;
        }

        private TemplateNode Template(Token t)
        {
            var node = new TemplateNode { Line = t.Line, Quasis = t.Quasis ?? new List<string> { t.Text } };
            foreach (List<Token> part in t.Expressions ?? new List<List<Token>>())
            {
                var inner = new ScriptParser(part);
                Node expression = inner.Expression();
                if (!inner.AtEnd) throw new ScriptSyntaxException(inner.Peek().Line, _p - 1);
                node.Expressions.Add(expression);
            }
            return node;
        }

        private Node Primary()
        {
            Token t = Next();
            switch (t.Kind)
            {
                case TokenKind.Number:
                    return new Literal { Line = t.Line, Kind = LiteralKind.Number, Text = t.Text, Number = ScriptTokenizer.NumberValue(t.Text) };
                case TokenKind.String:
                    return new Literal { Line = t.Line, Kind = LiteralKind.String, Text = t.Text, Escapes = t.Escapes };
                case TokenKind.Regex:
                    return new Literal { Line = t.Line, Kind = LiteralKind.Regex, Text = t.Text };
                case TokenKind.Template:
                    return Template(t);
                case TokenKind.Identifier:
                    switch (t.Text)
                    {
                        case "function":
                            _p--;
                            return FunctionAt(declaration: false);
                        case "async" when IsWord("function") && !Peek().NewlineBefore:
                            return FunctionAt(declaration: false);
                        case "class":
                            _p--;
                            return Class(declaration: false);
                        case "null":
                        case "true":
                        case "false":
                        case "undefined":
                        case "NaN":
                        case "Infinity":
                            return new Literal { Line = t.Line, Kind = LiteralKind.Other, Text = t.Text };
                    }
                    if (Reserved.Contains(t.Text) && t.Text != "this" && t.Text != "super" && t.Text != "import") throw new ScriptSyntaxException(t.Line, _p - 1);
                    return new Ident { Line = t.Line, Name = t.Text };
                case TokenKind.Punct:
                    if (t.Text == "(")
                    {
                        Node inner = Expression();
                        Expect(")");
                        return inner;
                    }
                    if (t.Text == "[") return ArrayLiteral(t);
                    if (t.Text == "{") return ObjectLiteral(t);
                    break;
            }
            throw new ScriptSyntaxException(t.Line, _p - 1);
        }

        private ArrayNode ArrayLiteral(Token open)
        {
            var node = new ArrayNode { Line = open.Line };
            while (!IsPunct("]"))
            {
                if (IsPunct(",")) { Next(); node.Elements.Add(null); continue; }
                if (IsPunct("..."))
                {
                    Token dots = Next();
                    node.Elements.Add(new SpreadNode { Line = dots.Line, Argument = Assignment() });
                }
                else node.Elements.Add(Assignment());
                if (!Eat(",")) break;
            }
            Expect("]");
            return node;
        }

        private ObjectNode ObjectLiteral(Token open)
        {
            var node = new ObjectNode { Line = open.Line };
            while (!IsPunct("}"))
            {
                if (IsPunct("..."))
                {
                    Next();
                    node.Properties.Add(new Property { Spread = true, Value = Assignment() });
                }
                else
                {
                    // get x() {}, set x(v) {}, async x() {}, *x() {}
                    bool getter = false;
                    if ((IsWord("get") || IsWord("set") || IsWord("async")) && !IsPunct("(", 1) && !IsPunct(":", 1) && !IsPunct(",", 1) && !IsPunct("}", 1) && !IsPunct("=", 1))
                        getter = Next().Text == "get";
                    Eat("*");
                    Token at = Peek();
                    string? key = PropertyName(out Node? computed);
                    var property = new Property { Key = key, ComputedKey = computed, Getter = getter };
                    if (Eat(":")) property.Value = Assignment();
                    else if (IsPunct("(")) property.Value = Method(at.Line, key);
                    else if (key != null && at.Kind == TokenKind.Identifier)
                    {
                        Node shorthand = new Ident { Line = at.Line, Name = key };
                        // { a = 1 } is only a pattern's default
                        property.Value = Eat("=") ? new AssignNode { Line = at.Line, Target = shorthand, Value = Assignment() } : shorthand;
                    }
                    else throw Error();
                    node.Properties.Add(property);
                }
                if (!Eat(",")) break;
            }
            Expect("}");
            return node;
        }
    }
}
