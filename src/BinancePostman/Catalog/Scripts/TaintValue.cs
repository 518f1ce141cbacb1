using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.Catalog.Scripts
{
    internal enum TaintKind
    {
        /// <summary>A value made from the API key.</summary>
        Key,
        /// <summary>A value made from the secret (or private key): the worst thing to hand on.</summary>
        Secret,
        /// <summary>A key object a library made from the secret (importKey, privateKeyFromPem...): still the secret, but fit to sign with.</summary>
        KeyObject,
        /// <summary>The result of an HMAC or sign call keyed with the secret: what a signing script sends.</summary>
        Signature,
    }

    /// <summary>Where a value came from: the kind, and the variable it was read from.</summary>
    internal readonly struct Taint : IEquatable<Taint>
    {
        public Taint(TaintKind kind, string variable)
        {
            Kind = kind;
            Variable = variable;
        }

        public TaintKind Kind { get; }
        public string Variable { get; }

        /// <summary>The key or secret itself (or a key object): not a signature made with it.</summary>
        public bool IsKeyMaterial => Kind != TaintKind.Signature;

        public bool Equals(Taint other) => Kind == other.Kind && Variable == other.Variable;
        public override bool Equals(object? obj) => obj is Taint t && Equals(t);
        public override int GetHashCode() => ((int)Kind * 397) ^ Variable.GetHashCode();
        public override string ToString() => Kind + ":" + Variable;
    }

    /// <summary>An object or array the script made: its members by name (and what was stored under names not known).</summary>
    internal sealed class ObjectCell
    {
        public Dictionary<string, TaintValue> Members { get; } = new Dictionary<string, TaintValue>(StringComparer.Ordinal);
        /// <summary>Members stored under names the tracker could not work out, and array elements pushed later.</summary>
        public TaintValue Other { get; set; } = TaintValue.Undefined;
        /// <summary>An array literal's elements in order, while nothing changed them out of order.</summary>
        public List<TaintValue>? Elements { get; set; }
    }

    /// <summary>A function the script defined, with the scope it closes over.</summary>
    internal sealed class Closure
    {
        public Closure(FunctionNode function, Scope scope)
        {
            Function = function;
            Scope = scope;
        }

        public FunctionNode Function { get; }
        public Scope Scope { get; }
        public TaintValue? BoundThis { get; set; }
        public List<TaintValue>? BoundArguments { get; set; }
    }

    /// <summary>
    /// What the tracker knows of a value: what it was made from (taints), the strings it can be (when known), the
    /// outside API it is (a path such as pm.environment.get), the objects and functions of the script it can be.
    /// Values are merged, never narrowed: a variable assigned twice can be either.
    /// </summary>
    internal sealed class TaintValue
    {
        private const int MaxStrings = 24;
        private static readonly Taint[] NoTaints = System.Array.Empty<Taint>();

        /// <summary>Anything: nothing known of it, made from no key.</summary>
        public static readonly TaintValue Unknown = new TaintValue();
        /// <summary>undefined: no string at all (so merging keeps the other side's strings).</summary>
        public static readonly TaintValue Undefined = new TaintValue { Strings = System.Array.Empty<string>() };

        public IReadOnlyList<Taint> Taints { get; private set; } = NoTaints;
        /// <summary>The strings the value can be; null when not known.</summary>
        public IReadOnlyList<string>? Strings { get; private set; }
        public double? Number { get; private set; }
        /// <summary>Outside APIs the value is: "pm.environment.get", "CryptoJS", "XMLHttpRequest#instance"...</summary>
        public IReadOnlyList<string> Paths { get; private set; } = System.Array.Empty<string>();
        public IReadOnlyList<ObjectCell> Objects { get; private set; } = System.Array.Empty<ObjectCell>();
        public IReadOnlyList<Closure> Functions { get; private set; } = System.Array.Empty<Closure>();
        /// <summary>For header or query items: the names they can have (from a find by key); null when not known.</summary>
        public IReadOnlyList<string>? ItemNames { get; private set; }
        /// <summary>Built from text holding "{{": a variable reference put together at run time.</summary>
        public bool Braces { get; private set; }

        public bool IsTainted => Taints.Count > 0;

        public static TaintValue OfString(string text) => new TaintValue { Strings = new[] { text }, Braces = text.IndexOf("{{", StringComparison.Ordinal) >= 0 };

        public static TaintValue OfStrings(IEnumerable<string> texts)
        {
            var list = texts.Distinct().Take(MaxStrings + 1).ToList();
            return new TaintValue { Strings = list.Count > MaxStrings ? null : list, Braces = list.Any(t => t.IndexOf("{{", StringComparison.Ordinal) >= 0) };
        }

        public static TaintValue OfNumber(double number) => new TaintValue
        {
            Number = number,
            Strings = new[] { number.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
        };

        public static TaintValue OfPath(string path) => new TaintValue { Paths = new[] { path } };
        public static TaintValue OfObject(ObjectCell cell) => new TaintValue { Objects = new[] { cell } };
        public static TaintValue OfFunction(Closure closure) => new TaintValue { Functions = new[] { closure } };
        public static TaintValue OfTaints(IEnumerable<Taint> taints) => Unknown.WithTaints(taints);

        public TaintValue WithTaints(IEnumerable<Taint> taints)
        {
            var merged = Taints.Concat(taints).Distinct().ToArray();
            if (merged.Length == Taints.Count) return this;
            TaintValue copy = Copy();
            copy.Taints = merged;
            return copy;
        }

        public TaintValue WithItemNames(IReadOnlyList<string>? names)
        {
            TaintValue copy = Copy();
            copy.ItemNames = names;
            return copy;
        }

        public TaintValue WithStrings(IEnumerable<string>? strings)
        {
            TaintValue copy = Copy();
            if (strings == null) copy.Strings = null;
            else
            {
                var list = strings.Distinct().Take(MaxStrings + 1).ToList();
                copy.Strings = list.Count > MaxStrings ? null : list;
                copy.Braces |= list.Any(t => t.IndexOf("{{", StringComparison.Ordinal) >= 0);
            }
            copy.Number = null;
            return copy;
        }

        public TaintValue WithBraces(bool braces)
        {
            if (Braces == braces) return this;
            TaintValue copy = Copy();
            copy.Braces = braces;
            return copy;
        }

        /// <summary>Only what a value made from this one keeps: its taints and braces (a string of unknown text).</summary>
        public TaintValue Derived() => new TaintValue { Taints = Taints, Braces = Braces };

        private TaintValue Copy() => new TaintValue
        {
            Taints = Taints,
            Strings = Strings,
            Number = Number,
            Paths = Paths,
            Objects = Objects,
            Functions = Functions,
            ItemNames = ItemNames,
            Braces = Braces,
        };

        public static TaintValue Merge(TaintValue a, TaintValue b)
        {
            if (ReferenceEquals(a, b) || ReferenceEquals(b, Undefined)) return a;
            if (ReferenceEquals(a, Undefined)) return b;
            var merged = new TaintValue
            {
                Taints = Union(a.Taints, b.Taints),
                Strings = a.Strings == null || b.Strings == null ? null : Cap(a.Strings.Concat(b.Strings)),
                Number = a.Number == b.Number ? a.Number : null,
                Paths = Union(a.Paths, b.Paths),
                Objects = Union(a.Objects, b.Objects),
                Functions = Union(a.Functions, b.Functions),
                ItemNames = a.ItemNames == null || b.ItemNames == null ? null : Cap(a.ItemNames.Concat(b.ItemNames)),
                Braces = a.Braces || b.Braces,
            };
            return merged;
        }

        public static TaintValue Merge(IEnumerable<TaintValue> values)
        {
            TaintValue? result = null;
            foreach (TaintValue v in values) result = result == null ? v : Merge(result, v);
            return result ?? Undefined;
        }

        private static IReadOnlyList<string>? Cap(IEnumerable<string> strings)
        {
            var list = strings.Distinct().Take(MaxStrings + 1).ToList();
            return list.Count > MaxStrings ? null : list;
        }

        private static IReadOnlyList<T> Union<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        {
            if (b.Count == 0) return a;
            if (a.Count == 0) return b;
            return a.Concat(b).Distinct().ToArray();
        }

        /// <summary>Every taint the value carries, in its objects' members too (what a sink would send).</summary>
        public IReadOnlyList<Taint> DeepTaints()
        {
            if (Objects.Count == 0) return Taints;
            var all = new HashSet<Taint>(Taints);
            var seen = new HashSet<ObjectCell>();
            var stack = new Stack<ObjectCell>(Objects);
            while (stack.Count > 0)
            {
                ObjectCell cell = stack.Pop();
                if (!seen.Add(cell) || seen.Count > 200) continue;
                foreach (TaintValue member in cell.Members.Values.Concat(new[] { cell.Other }).Concat(cell.Elements ?? Enumerable.Empty<TaintValue>()))
                {
                    all.UnionWith(member.Taints);
                    foreach (ObjectCell inner in member.Objects) stack.Push(inner);
                }
            }
            return all.ToArray();
        }
    }
}
