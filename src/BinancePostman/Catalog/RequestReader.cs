using System;
using System.Collections.Generic;
using System.Text.Json;

namespace BinancePostman.Catalog
{
    /// <summary>Reads one Postman request: method, URL parts, parameters, headers, body, security, weight.</summary>
    internal static class RequestReader
    {
        public static PendingEndpoint Read(string name, string[] folders, JsonElement request)
        {
            var e = new PendingEndpoint { Name = name, Folders = folders };
            if (request.ValueKind == JsonValueKind.String)
            {
                // v2.0 allows a request to be just its URL
                ReadUrlString(e, request.GetString() ?? "");
                return Finish(e, hasSignature: false, hasKeyHeader: false);
            }
            if (request.ValueKind != JsonValueKind.Object) return Finish(e, false, false);

            e.Method = (JsonValues.String(request, "method") ?? "GET").Trim().ToUpperInvariant();
            e.Description = JsonValues.Description(request);

            bool hasSignature = false;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (request.TryGetProperty("url", out JsonElement url))
            {
                if (url.ValueKind == JsonValueKind.String) ReadUrlString(e, url.GetString() ?? "");
                else if (url.ValueKind == JsonValueKind.Object) ReadUrlObject(e, url);
                if (url.ValueKind == JsonValueKind.Object && JsonValues.TryArray(url, "query", out JsonElement query))
                    hasSignature |= ReadParameters(e, query, ParameterLocation.Query, seen);
                else if (url.ValueKind == JsonValueKind.String)
                    hasSignature |= ReadRawQuery(e, url.GetString() ?? "", seen);
            }
            ReadPathVariables(e, url, seen);
            hasSignature |= ReadBody(e, request, seen);
            bool hasKeyHeader = ReadHeaders(e, request);
            return Finish(e, hasSignature, hasKeyHeader);
        }

        private static PendingEndpoint Finish(PendingEndpoint e, bool hasSignature, bool hasKeyHeader)
        {
            e.Security = SecurityInference.Infer(e.Name, e.Path, hasSignature, hasKeyHeader);
            e.WeightRule = WeightParser.ParseRule(e.Description);
            e.Weight = e.WeightRule?.Fallback;
            e.PathFamily = ApiFamilies.FromPath(e.Path);
            e.Lifecycle = EndpointLifecycle.Read(e.Description);
            return e;
        }

        private static void ReadUrlObject(PendingEndpoint e, JsonElement url)
        {
            string host = "";
            if (url.TryGetProperty("host", out JsonElement h))
            {
                if (h.ValueKind == JsonValueKind.Array) host = JoinStrings(h, ".");
                else host = JsonValues.AsString(h) ?? "";
            }
            string? protocol = JsonValues.String(url, "protocol");
            string? port = JsonValues.String(url, "port");
            if (!string.IsNullOrEmpty(protocol)) host = protocol + "://" + host;
            if (!string.IsNullOrEmpty(port)) host += ":" + port;

            string path;
            if (url.TryGetProperty("path", out JsonElement p))
                path = p.ValueKind == JsonValueKind.Array ? JoinPathSegments(p) : JsonValues.AsString(p) ?? "";
            else
                path = RawParts(JsonValues.String(url, "raw") ?? "").path;

            if (host.Length == 0)
                host = RawParts(JsonValues.String(url, "raw") ?? "").host;
            e.Host = host;
            e.Path = "/" + path.TrimStart('/');
        }

        private static void ReadUrlString(PendingEndpoint e, string raw)
        {
            var (host, path) = RawParts(raw);
            e.Host = host;
            e.Path = "/" + path.TrimStart('/');
        }

        /// <summary>Splits "{{url}}/api/v3/order?x=1" or "https://h/p" into host and path, query dropped.</summary>
        internal static (string host, string path) RawParts(string raw)
        {
            int q = raw.IndexOf('?');
            string noQuery = q >= 0 ? raw.Substring(0, q) : raw;
            int hash = noQuery.IndexOf('#');
            if (hash >= 0) noQuery = noQuery.Substring(0, hash);
            int start = 0;
            int scheme = noQuery.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) start = scheme + 3;
            int slash = noQuery.IndexOf('/', start);
            return slash < 0 ? (noQuery, "") : (noQuery.Substring(0, slash), noQuery.Substring(slash + 1));
        }

        private static string JoinStrings(JsonElement array, string separator)
        {
            var parts = new List<string>();
            foreach (JsonElement x in array.EnumerateArray())
            {
                string? s = JsonValues.AsString(x);
                if (s != null) parts.Add(s);
            }
            return string.Join(separator, parts);
        }

        private static string JoinPathSegments(JsonElement array)
        {
            var parts = new List<string>();
            foreach (JsonElement x in array.EnumerateArray())
            {
                // a segment is a string, or { type, value } in some exports
                string? s = x.ValueKind == JsonValueKind.Object ? JsonValues.String(x, "value") : JsonValues.AsString(x);
                if (s != null) parts.Add(s);
            }
            return string.Join("/", parts);
        }

        /// <returns>true when the list carries a `signature` entry</returns>
        private static bool ReadParameters(PendingEndpoint e, JsonElement list, ParameterLocation location, HashSet<string> seen)
        {
            bool hasSignature = false;
            foreach (JsonElement q in list.EnumerateArray())
            {
                if (q.ValueKind != JsonValueKind.Object) continue;
                // one pass over the entry's members: TryGetProperty per field would rescan the object each time
                string? key = null, value = null, description = null;
                bool disabled = false;
                foreach (JsonProperty p in q.EnumerateObject())
                {
                    if (p.NameEquals("key"u8)) key = JsonValues.AsString(p.Value);
                    else if (p.NameEquals("value"u8)) value = JsonValues.AsString(p.Value);
                    else if (p.NameEquals("disabled"u8)) disabled = p.Value.ValueKind == JsonValueKind.True || (p.Value.ValueKind == JsonValueKind.String && p.Value.ValueEquals("true"u8));
                    else if (p.NameEquals("description"u8)) description = p.Value.ValueKind == JsonValueKind.Object ? JsonValues.String(p.Value, "content") : JsonValues.AsString(p.Value);
                }
                if (string.IsNullOrEmpty(key)) continue;
                if (ModuleParameters.IsSignature(key!)) { hasSignature = true; continue; }
                if (ModuleParameters.IsTimestamp(key!)) continue;
                if (!seen.Add(key!)) continue;
                bool required = !disabled && !ModuleParameters.IsAlwaysOptional(key!);
                e.Parameters.Add(new EndpointParameter(key!, required, Example(value), description, location));
            }
            return hasSignature;
        }

        private static bool ReadRawQuery(PendingEndpoint e, string raw, HashSet<string> seen)
        {
            int q = raw.IndexOf('?');
            if (q < 0) return false;
            bool hasSignature = false;
            foreach (string pair in raw.Substring(q + 1).Split('&'))
            {
                if (pair.Length == 0) continue;
                int eq = pair.IndexOf('=');
                string key = Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq));
                string value = eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1));
                if (ModuleParameters.IsSignature(key)) { hasSignature = true; continue; }
                if (ModuleParameters.IsTimestamp(key) || !seen.Add(key)) continue;
                e.Parameters.Add(new EndpointParameter(key, !ModuleParameters.IsAlwaysOptional(key), Example(value), null, ParameterLocation.Query));
            }
            return hasSignature;
        }

        /// <summary>`:name` path segments are required parameters; url.variable adds their description and example.</summary>
        private static void ReadPathVariables(PendingEndpoint e, JsonElement url, HashSet<string> seen)
        {
            var described = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (url.ValueKind == JsonValueKind.Object && JsonValues.TryArray(url, "variable", out JsonElement vars))
                foreach (JsonElement v in vars.EnumerateArray())
                {
                    string? key = JsonValues.String(v, "key");
                    if (!string.IsNullOrEmpty(key)) described[key!] = v;
                }
            foreach (string segment in e.Path.Split('/'))
            {
                if (segment.Length < 2 || segment[0] != ':') continue;
                string name = segment.Substring(1);
                if (!seen.Add(name)) continue;
                described.TryGetValue(name, out JsonElement v);
                e.Parameters.Add(new EndpointParameter(name, true,
                    v.ValueKind == JsonValueKind.Object ? Example(JsonValues.String(v, "value")) : null,
                    v.ValueKind == JsonValueKind.Object ? JsonValues.Description(v) : null,
                    ParameterLocation.Path));
            }
        }

        private static bool ReadBody(PendingEndpoint e, JsonElement request, HashSet<string> seen)
        {
            if (!request.TryGetProperty("body", out JsonElement body) || body.ValueKind != JsonValueKind.Object) return false;
            string mode = JsonValues.String(body, "mode") ?? "";
            if (JsonValues.IsTrue(body, "disabled")) return false;
            switch (mode)
            {
                case "urlencoded":
                    e.BodyMode = BodyMode.UrlEncoded;
                    return JsonValues.TryArray(body, "urlencoded", out JsonElement ue) && ReadParameters(e, ue, ParameterLocation.Body, seen);
                case "formdata":
                    e.BodyMode = BodyMode.FormData;
                    return JsonValues.TryArray(body, "formdata", out JsonElement fd) && ReadParameters(e, fd, ParameterLocation.Body, seen);
                case "raw":
                    string? raw = JsonValues.String(body, "raw");
                    if (!string.IsNullOrEmpty(raw)) { e.BodyMode = BodyMode.Raw; e.RawBody = raw; }
                    return false;
                default:
                    return false;
            }
        }

        /// <returns>true when an X-MBX-APIKEY header carries a value (a key or a {{variable}})</returns>
        private static bool ReadHeaders(PendingEndpoint e, JsonElement request)
        {
            bool keyed = false;
            if (!JsonValues.TryArray(request, "header", out JsonElement headers)) return false;
            foreach (JsonElement h in headers.EnumerateArray())
            {
                string? key = JsonValues.String(h, "key");
                if (string.IsNullOrEmpty(key) || JsonValues.IsTrue(h, "disabled")) continue;
                string value = JsonValues.String(h, "value") ?? "";
                if (string.Equals(key, ModuleParameters.ApiKeyHeader, StringComparison.OrdinalIgnoreCase))
                {
                    keyed |= value.Trim().Length > 0;
                    continue; // the module sets this header itself
                }
                e.Headers.Add(new HeaderEntry(key!, value));
            }
            return keyed;
        }

        /// <summary>Placeholders such as "{{timestamp}}" and empty strings are not examples.</summary>
        private static string? Example(string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            return value!.StartsWith("{{", StringComparison.Ordinal) && value.EndsWith("}}", StringComparison.Ordinal) ? null : value;
        }
    }
}
