using System.Collections.Generic;
using System.Text;

namespace BinancePostman.Catalog
{
    /// <summary>Replaces {{name}} with values, Postman's way: environment variables over collection variables.</summary>
    public sealed class VariableResolver
    {
        private readonly IReadOnlyDictionary<string, string>? _environment;
        private readonly IReadOnlyDictionary<string, string> _collection;

        public VariableResolver(IReadOnlyDictionary<string, string> collection, IReadOnlyDictionary<string, string>? environment)
        {
            _collection = collection;
            _environment = environment;
        }

        public bool TryGet(string name, out string value)
        {
            if (_environment != null && _environment.TryGetValue(name, out string? v) && v != null) { value = v; return true; }
            if (_collection.TryGetValue(name, out v) && v != null) { value = v; return true; }
            value = "";
            return false;
        }

        /// <summary>Resolves every {{name}}; names with no value are collected in <paramref name="missing"/> and left as written.</summary>
        public string Resolve(string template, List<string>? missing = null)
        {
            int open = template.IndexOf("{{", System.StringComparison.Ordinal);
            if (open < 0) return template;
            var sb = new StringBuilder(template.Length + 32);
            int pos = 0;
            while (open >= 0)
            {
                int close = template.IndexOf("}}", open + 2, System.StringComparison.Ordinal);
                if (close < 0) break;
                sb.Append(template, pos, open - pos);
                string name = template.Substring(open + 2, close - open - 2).Trim();
                if (TryGet(name, out string value)) sb.Append(value);
                else
                {
                    sb.Append(template, open, close + 2 - open);
                    missing?.Add(name);
                }
                pos = close + 2;
                open = template.IndexOf("{{", pos, System.StringComparison.Ordinal);
            }
            sb.Append(template, pos, template.Length - pos);
            return sb.ToString();
        }
    }
}
