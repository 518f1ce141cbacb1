using System.Collections.Generic;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>A piece of a parsed script: an expression or a statement. Line is the 0-based script line it starts on.</summary>
    internal abstract class Node
    {
        public int Line;
    }

    internal sealed class Ident : Node
    {
        public string Name = "";
    }

    internal enum LiteralKind { String, Number, Regex, Other }

    /// <summary>A string, number, regex, or a keyword value (null, true, false, this-less constants).</summary>
    internal sealed class Literal : Node
    {
        public LiteralKind Kind;
        public string Text = "";
        public double? Number;
        public int Escapes;
    }

    internal sealed class TemplateNode : Node
    {
        public List<string> Quasis = new List<string>();
        public List<Node> Expressions = new List<Node>();
        public Node? Tag;
    }

    /// <summary>obj.name, obj?.name or obj[key].</summary>
    internal sealed class MemberNode : Node
    {
        public Node Object = null!;
        public string? Name;
        public Node? Key;
    }

    internal sealed class CallNode : Node
    {
        public Node Callee = null!;
        public List<Node> Arguments = new List<Node>();
        public bool IsNew;
    }

    internal sealed class SpreadNode : Node
    {
        public Node Argument = null!;
    }

    /// <summary>target op= value; also a default in a pattern (a = 1).</summary>
    internal sealed class AssignNode : Node
    {
        public Node Target = null!;
        public string Op = "=";
        public Node Value = null!;
    }

    internal sealed class BinaryNode : Node
    {
        public string Op = "";
        public Node Left = null!;
        public Node Right = null!;
    }

    internal sealed class UnaryNode : Node
    {
        public string Op = "";
        public Node Argument = null!;
    }

    internal sealed class ConditionalNode : Node
    {
        public Node Test = null!;
        public Node Then = null!;
        public Node Else = null!;
    }

    internal sealed class Property
    {
        public string? Key;
        public Node? ComputedKey;
        public Node? Value;
        public bool Spread;
        /// <summary>get name() { ... }: reading the member runs it.</summary>
        public bool Getter;
    }

    internal sealed class ObjectNode : Node
    {
        public List<Property> Properties = new List<Property>();
    }

    internal sealed class ArrayNode : Node
    {
        public List<Node?> Elements = new List<Node?>();
    }

    internal sealed class FunctionNode : Node
    {
        public string? Name;
        public List<Node> Parameters = new List<Node>();
        public List<Node>? Body;
        public Node? ExpressionBody;
        public bool IsDeclaration;
        public bool IsArrow;
    }

    internal sealed class ClassNode : Node
    {
        public string? Name;
        public Node? Extends;
        public List<(string? name, FunctionNode method)> Methods = new List<(string?, FunctionNode)>();
        public List<(string? name, Node? value)> Fields = new List<(string?, Node?)>();
        public bool IsDeclaration;
    }

    internal sealed class SequenceNode : Node
    {
        public List<Node> Items = new List<Node>();
    }

    internal sealed class VarNode : Node
    {
        public List<(Node target, Node? init)> Declarations = new List<(Node, Node?)>();
    }

    internal sealed class ReturnNode : Node
    {
        public Node? Value;
    }

    internal sealed class IfNode : Node
    {
        public Node Test = null!;
        public Node Then = null!;
        public Node? Else;
    }

    /// <summary>for, for-in, for-of, while, do-while: the head's expressions, and for-in/of the binding and what it walks.</summary>
    internal sealed class LoopNode : Node
    {
        public List<Node> Head = new List<Node>();
        public Node? Binding;
        public bool BindingDeclared;
        public Node? Over;
        public Node Body = null!;
    }

    internal sealed class BlockNode : Node
    {
        public List<Node> Body = new List<Node>();
    }

    internal sealed class ExpressionStatement : Node
    {
        public Node Expression = null!;
    }

    internal sealed class TryNode : Node
    {
        public BlockNode Block = null!;
        public Node? Parameter;
        public BlockNode? Handler;
        public BlockNode? Finally;
    }

    internal sealed class SwitchNode : Node
    {
        public Node Discriminant = null!;
        public List<Node> Tests = new List<Node>();
        public List<Node> Body = new List<Node>();
    }

    internal sealed class ThrowNode : Node
    {
        public Node Value = null!;
    }

    internal sealed class EmptyNode : Node
    {
    }
}
