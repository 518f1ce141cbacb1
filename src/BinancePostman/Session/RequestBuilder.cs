using System;
using System.Collections.Generic;
using System.Text;
using BinancePostman.Catalog;
using BinancePostman.Http;

namespace BinancePostman.Session
{
    /// <summary>
    /// Turns an endpoint and the values the user gave into a PreparedRequest. Only given values are sent: the
    /// collection's examples never are. Names match the collection's spelling whatever case the user typed.
    /// </summary>
    public static class RequestBuilder
    {
        public static PreparedRequest Prepare(Endpoint endpoint, string baseUri, IEnumerable<KeyValuePair<string, string>> values, VariableResolver? variables = null,
            BaseUriOrigin? origin = null)
        {
            var given = new List<KeyValuePair<string, string>>();
            foreach (var kv in values)
                if (!string.IsNullOrEmpty(kv.Value)) given.Add(kv); // an empty value is Binance's top signature pitfall: never send one

            var missing = new List<string>();
            var query = new List<KeyValuePair<string, string>>();
            var body = new List<KeyValuePair<string, string>>();
            var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
            var used = new HashSet<int>();

            foreach (EndpointParameter p in endpoint.Parameters)
            {
                int index = given.FindIndex(kv => string.Equals(kv.Key, p.Name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    if (p.Required) missing.Add(p.Name);
                    continue;
                }
                used.Add(index);
                var value = new KeyValuePair<string, string>(p.Name, given[index].Value);
                switch (p.Location)
                {
                    case ParameterLocation.Path: pathValues[p.Name] = value.Value; break;
                    case ParameterLocation.Body: body.Add(value); break;
                    default: query.Add(value); break;
                }
            }
            if (missing.Count > 0) throw new MissingParameterException(endpoint.QualifiedName, missing);

            // values the collection does not declare still go (collections lag behind the API): with the others
            var extra = body.Count > 0 ? body : query;
            for (int i = 0; i < given.Count; i++)
                if (!used.Contains(i) && !IsModuleOwn(given[i].Key)) extra.Add(given[i]);

            string path = ResolvePath(endpoint.Path, pathValues, variables);
            bool keyInTemplate = ResolvesKey(endpoint.Path, variables) || ResolvesKey(endpoint.RawBody, variables);
            var headers = new List<HeaderEntry>();
            foreach (HeaderEntry h in endpoint.Headers)
            {
                if (IsContentType(h.Name)) continue; // the sender sets the content type that matches what it sends
                keyInTemplate |= ResolvesKey(h.Value, variables);
                headers.Add(variables == null ? h : new HeaderEntry(h.Name, variables.Resolve(h.Value)));
            }
            string? rawBody = endpoint.BodyMode == BodyMode.Raw ? variables?.Resolve(endpoint.RawBody ?? "") ?? endpoint.RawBody : null;
            string? rawType = rawBody == null ? null : ContentTypeOf(endpoint) ?? "application/json";
            return new PreparedRequest(endpoint.Method, baseUri, path, endpoint.Security, query, body, headers, rawBody, rawType,
                endpoint.WeightFor(given), endpoint.WeightRule != null && !endpoint.WeightRule.IsFreeText, origin, keyInTemplate);
        }

        /// <summary>A request for anything not in a collection: every value in the query.</summary>
        public static PreparedRequest PrepareRaw(string method, string baseUri, string path, SecurityType security, IEnumerable<KeyValuePair<string, string>> values,
            BaseUriOrigin? origin = null)
        {
            var query = new List<KeyValuePair<string, string>>();
            foreach (var kv in values)
                if (!string.IsNullOrEmpty(kv.Value) && !IsModuleOwn(kv.Key)) query.Add(kv);
            string p = "/" + path.TrimStart('/');
            return new PreparedRequest(method.ToUpperInvariant(), baseUri, p, security, query, Array.Empty<KeyValuePair<string, string>>(),
                Array.Empty<HeaderEntry>(), null, null, origin: origin);
        }

        /// <summary>The template puts in a key-named variable that has a value: the request then carries a key, wherever it goes.</summary>
        private static bool ResolvesKey(string? template, VariableResolver? variables)
        {
            if (template == null || variables == null) return false;
            for (int open = template.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = template.IndexOf("{{", open + 2, StringComparison.Ordinal))
            {
                int close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
                if (close < 0) return false;
                string name = template.Substring(open + 2, close - open - 2).Trim();
                if (SecretText.Of(name) != SecretText.Kind.None && variables.TryGet(name, out string value) && value.Length > 0) return true;
            }
            return false;
        }

        private static bool IsModuleOwn(string name) => ModuleParameters.IsSignature(name) || ModuleParameters.IsTimestamp(name);

        private static bool IsContentType(string name) => string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase);

        private static string? ContentTypeOf(Endpoint endpoint)
        {
            foreach (HeaderEntry h in endpoint.Headers)
                if (IsContentType(h.Name) && h.Value.Length > 0) return h.Value;
            return null;
        }

        private static string ResolvePath(string template, Dictionary<string, string> pathValues, VariableResolver? variables)
        {
            string resolved = variables == null ? template : variables.Resolve(template);
            if (pathValues.Count == 0) return resolved;
            var sb = new StringBuilder();
            foreach (string segment in resolved.Split('/'))
            {
                if (sb.Length > 0 || segment.Length > 0) sb.Append('/');
                if (segment.Length > 1 && segment[0] == ':' && pathValues.TryGetValue(segment.Substring(1), out string? v))
                    sb.Append(Uri.EscapeDataString(v));
                else
                    sb.Append(segment);
            }
            return sb.ToString();
        }
    }
}
