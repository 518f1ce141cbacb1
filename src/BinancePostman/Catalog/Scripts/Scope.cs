using System;
using System.Collections.Generic;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>Variables of a function (or the script's top level), with the scope it closes over. Assignments merge.</summary>
    internal sealed class Scope
    {
        private readonly Dictionary<string, TaintValue> _variables = new Dictionary<string, TaintValue>(StringComparer.Ordinal);

        public Scope(Scope? parent)
        {
            Parent = parent;
            Root = parent?.Root ?? this;
        }

        public Scope? Parent { get; }
        public Scope Root { get; }

        public bool TryLookup(string name, out TaintValue value, out Scope owner)
        {
            for (Scope? s = this; s != null; s = s.Parent)
                if (s._variables.TryGetValue(name, out TaintValue? v))
                {
                    value = v;
                    owner = s;
                    return true;
                }
            value = TaintValue.Unknown;
            owner = Root;
            return false;
        }

        /// <summary>A declaration here; declaring again (a loop, var twice) merges.</summary>
        public void Declare(string name, TaintValue value) =>
            _variables[name] = _variables.TryGetValue(name, out TaintValue? old) ? TaintValue.Merge(old, value) : value;

        /// <summary>An assignment: merges into the scope that declares the name, else makes a global.</summary>
        /// <returns>false when the name was declared nowhere (an implicit global)</returns>
        public bool Assign(string name, TaintValue value)
        {
            if (TryLookup(name, out _, out Scope owner))
            {
                owner.Declare(name, value);
                return true;
            }
            Root.Declare(name, value);
            return false;
        }

        /// <summary>Replaces a value where it is declared (narrowing inside an if); returns the old one.</summary>
        public TaintValue? Replace(string name, TaintValue value)
        {
            if (!TryLookup(name, out TaintValue old, out Scope owner)) return null;
            owner._variables[name] = value;
            return old;
        }
    }
}
