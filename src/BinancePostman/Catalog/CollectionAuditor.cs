using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// Audits collection and environment files as data (nothing in them is run): scripts and what they do, hosts
    /// that are not Binance's, keys and secrets kept in the file. A file that cannot be read is a finding too.
    /// </summary>
    public static class CollectionAuditor
    {
        /// <param name="minimum">findings below this severity are not made (Import skips Info: less work)</param>
        public static IReadOnlyList<AuditFinding> AuditFile(string path, AuditSeverity minimum = AuditSeverity.Info)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new[] { new AuditFinding(AuditSeverity.Error, path, "file", null, "The file cannot be read: " + ex.Message, "Check the path and permissions.") };
            }
            return Audit(bytes, path, minimum);
        }

        public static IReadOnlyList<AuditFinding> Audit(byte[] utf8Json, string path, AuditSeverity minimum = AuditSeverity.Info)
        {
            var findings = new List<AuditFinding>();
            JsonDocument doc;
            try
            {
                doc = JsonFile.Parse(utf8Json, path);
            }
            catch (CollectionLoadException ex)
            {
                findings.Add(new AuditFinding(AuditSeverity.Error, path, "file", (int?)ex.Line, ex.Reason, "The file cannot be loaded as it is: fix it or export it from Postman again."));
                return findings;
            }
            using (doc)
            {
                var context = new Context(path, new JsonLineMap(StripBom(utf8Json)), findings, minimum);
                JsonElement root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && JsonValues.TryArray(root, "values", out JsonElement values) && !root.TryGetProperty("item", out _))
                    AuditEnvironment(context, values);
                else if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("info", out _) || root.TryGetProperty("item", out _)))
                    AuditCollection(context, root);
                else
                    findings.Add(new AuditFinding(AuditSeverity.Error, path, "file", 1, "The file is JSON but neither a Postman collection nor a Postman environment.",
                        "Export the collection (v2.1) or the environment from Postman again."));
            }
            findings.RemoveAll(f => f.Severity < minimum);
            return findings;
        }

        private sealed class Context
        {
            public Context(string file, JsonLineMap lines, List<AuditFinding> findings, AuditSeverity minimum)
            {
                File = file;
                Lines = lines;
                Findings = findings;
                Minimum = minimum;
            }

            public AuditSeverity Minimum { get; }

            public string File { get; }
            public JsonLineMap Lines { get; }
            public List<AuditFinding> Findings { get; }
            public Dictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
            /// <summary>Non-Binance hosts of requests: one finding per host, naming the first request.</summary>
            public Dictionary<string, (int count, string location, string jsonPath)> ForeignHosts { get; } = new Dictionary<string, (int, string, string)>(StringComparer.OrdinalIgnoreCase);

            public void Add(AuditSeverity severity, string location, string jsonPath, string finding, string advice)
            {
                if (severity >= Minimum) Findings.Add(new AuditFinding(severity, File, location, Lines.LineOf(jsonPath), finding, advice));
            }
        }

        private static void AuditEnvironment(Context c, JsonElement values)
        {
            int i = 0;
            foreach (JsonElement v in values.EnumerateArray())
            {
                string jsonPath = $"values[{i++}]";
                string? key = JsonValues.String(v, "key");
                if (string.IsNullOrEmpty(key)) continue;
                CheckValue(c, $"values '{key}'", jsonPath, key!, JsonValues.String(v, "value"), "environment");
            }
        }

        private static void AuditCollection(Context c, JsonElement root)
        {
            if (JsonValues.TryArray(root, "variable", out JsonElement variables))
            {
                int i = 0;
                foreach (JsonElement v in variables.EnumerateArray())
                {
                    string jsonPath = $"variable[{i++}]";
                    string? key = JsonValues.String(v, "key") ?? JsonValues.String(v, "id");
                    if (string.IsNullOrEmpty(key)) continue;
                    string? value = JsonValues.String(v, "value");
                    c.Variables[key!] = value ?? "";
                    CheckValue(c, $"variable '{key}'", jsonPath, key!, value, "collection");
                }
            }
            AuditEvents(c, root, "collection", "");
            AuditAuth(c, root, "collection", "");
            if (JsonValues.TryArray(root, "item", out JsonElement items))
                AuditItems(c, items, "item", "");
            foreach (var host in c.ForeignHosts)
            {
                bool loopback = BinanceHosts.IsLoopback(host.Key);
                if ((loopback ? AuditSeverity.Info : AuditSeverity.Warning) < c.Minimum) continue;
                c.Findings.Add(new AuditFinding(loopback ? AuditSeverity.Info : AuditSeverity.Warning, c.File, host.Value.location, c.Lines.LineOf(host.Value.jsonPath),
                    $"{host.Value.count} request(s) go to {host.Key}, {(loopback ? "this machine" : "which is not a Binance host")}.",
                    loopback ? "Fine for a local test exchange." : "Requests signed with your key would go there. Use the collection only if you know that host; the module sends a request elsewhere only where you name the host for the call or the session."));
            }
        }

        private static void AuditItems(Context c, JsonElement items, string jsonPath, string names)
        {
            int i = 0;
            foreach (JsonElement item in items.EnumerateArray())
            {
                string path = $"{jsonPath}[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) continue;
                string name = names + (names.Length > 0 ? "\\" : "") + (JsonValues.String(item, "name") ?? "?").Trim();
                AuditEvents(c, item, $"'{name}'", path + ".");
                AuditAuth(c, item, $"'{name}'", path + ".");
                if (JsonValues.TryArray(item, "item", out JsonElement children))
                    AuditItems(c, children, path + ".item", name);
                else if (item.TryGetProperty("request", out JsonElement request) && request.ValueKind == JsonValueKind.Object)
                    AuditRequest(c, request, $"'{name}'", path + ".request");
            }
        }

        private static void AuditEvents(Context c, JsonElement owner, string location, string prefix)
        {
            if (!JsonValues.TryArray(owner, "event", out JsonElement events)) return;
            int e = 0;
            foreach (JsonElement ev in events.EnumerateArray())
            {
                string eventPath = $"{prefix}event[{e++}]";
                if (!ev.TryGetProperty("script", out JsonElement script) || !script.TryGetProperty("exec", out JsonElement exec)) continue;
                var lines = new List<string>();
                bool execIsArray = exec.ValueKind == JsonValueKind.Array;
                if (execIsArray)
                    foreach (JsonElement l in exec.EnumerateArray()) lines.Add(JsonValues.AsString(l) ?? "");
                else if (exec.ValueKind == JsonValueKind.String)
                    lines.AddRange((exec.GetString() ?? "").Split('\n').Select(l => l.TrimEnd('\r')));
                if (lines.All(string.IsNullOrWhiteSpace)) continue;
                if (JsonValues.IsTrue(ev, "disabled")) continue;

                string listen = JsonValues.String(ev, "listen") ?? "script";
                string where = $"{location} {(listen == "prerequest" ? "pre-request" : listen)} script";
                string execPath = eventPath + ".script.exec";
                c.Add(AuditSeverity.Info, where, execPath, ScriptAuditor.Describe(lines),
                    "The module never runs Postman scripts: it signs requests itself. The script matters only if you open the collection in Postman.");
                c.Findings.AddRange(ScriptAuditor.Audit(c.File, where, lines,
                    i => c.Lines.LineOf(execIsArray ? $"{execPath}[{i}]" : execPath)));
            }
        }

        /// <summary>Postman auth blocks (apikey, bearer...) keep their values in the file.</summary>
        private static void AuditAuth(Context c, JsonElement owner, string location, string prefix)
        {
            if (!owner.TryGetProperty("auth", out JsonElement auth) || auth.ValueKind != JsonValueKind.Object) return;
            string? type = JsonValues.String(auth, "type");
            if (type == null || !JsonValues.TryArray(auth, type, out JsonElement entries)) return;
            int i = 0;
            foreach (JsonElement entry in entries.EnumerateArray())
            {
                string path = $"{prefix}auth.{type}[{i++}]";
                string? value = JsonValues.String(entry, "value");
                string key = JsonValues.String(entry, "key") ?? "value";
                if (value != null && (SecretText.IsPem(value) || SecretText.HasBinanceKeyShape(value) || (type != "noauth" && key == "value" && SecretText.LooksReal(value, "token"))))
                    c.Add(AuditSeverity.Warning, $"{location} auth ({type})", path, $"The {type} authorization holds what looks like a real key.",
                        "Keys do not belong in a collection: remove it, and replace the key if the file was shared.");
            }
        }

        private static void AuditRequest(Context c, JsonElement request, string location, string jsonPath)
        {
            string host = "";
            string raw = "";
            if (request.TryGetProperty("url", out JsonElement url))
            {
                if (url.ValueKind == JsonValueKind.String) raw = url.GetString() ?? "";
                else if (url.ValueKind == JsonValueKind.Object)
                {
                    raw = JsonValues.String(url, "raw") ?? "";
                    if (url.TryGetProperty("host", out JsonElement h))
                        host = h.ValueKind == JsonValueKind.Array ? string.Join(".", h.EnumerateArray().Select(x => JsonValues.AsString(x) ?? "")) : JsonValues.AsString(h) ?? "";
                    string? protocol = JsonValues.String(url, "protocol");
                    if (!string.IsNullOrEmpty(protocol) && host.Length > 0) host = protocol + "://" + host;
                    CheckParameters(c, url, "query", location, jsonPath + ".url");
                }
            }
            if (host.Length == 0) host = RequestReader.RawParts(raw).host;
            string resolved = new VariableResolver(c.Variables, null).Resolve(host);
            if (resolved.Length > 0 && resolved.IndexOf("://", StringComparison.Ordinal) < 0) resolved = "https://" + resolved;
            string? hostName = HostOf(resolved);
            if (hostName != null && !BinanceHosts.IsBinanceHost(hostName))
            {
                c.ForeignHosts.TryGetValue(hostName, out var seen);
                c.ForeignHosts[hostName] = seen.count == 0 ? (1, location + " URL", jsonPath + ".url") : (seen.count + 1, seen.location, seen.jsonPath);
            }

            if (JsonValues.TryArray(request, "header", out JsonElement headers))
            {
                int i = 0;
                foreach (JsonElement header in headers.EnumerateArray())
                {
                    string path = $"{jsonPath}.header[{i++}]";
                    string name = JsonValues.String(header, "key") ?? "";
                    string value = JsonValues.String(header, "value") ?? "";
                    if (name.Length == 0 || JsonValues.IsTrue(header, "disabled")) continue;
                    bool apiKeyHeader = string.Equals(name, ModuleParameters.ApiKeyHeader, StringComparison.OrdinalIgnoreCase);
                    string? secretVariable = VariablesIn(value).FirstOrDefault(v => SecretText.Of(v) == SecretText.Kind.Secret
                        || (!apiKeyHeader && SecretText.Of(v) == SecretText.Kind.Key));
                    if (secretVariable != null)
                        c.Add(AuditSeverity.Error, $"{location} header '{name}'", path, $"The request sends the variable '{secretVariable}' in the header '{name}'.",
                            "Only the API key is sent, in X-MBX-APIKEY; a secret never leaves the machine. Do not use this request.");
                    else if (SecretText.IsPem(value) || SecretText.HasBinanceKeyShape(value))
                        c.Add(AuditSeverity.Warning, $"{location} header '{name}'", path, $"The header '{name}' holds what looks like a real API key.",
                            "Keys do not belong in a collection: use a variable (or the module's vault), and replace the key if the file was shared.");
                }
            }
            if (request.TryGetProperty("body", out JsonElement body) && body.ValueKind == JsonValueKind.Object)
            {
                CheckParameters(c, body, "urlencoded", location, jsonPath + ".body");
                CheckParameters(c, body, "formdata", location, jsonPath + ".body");
            }
        }

        /// <summary>A query or body entry whose value is a secret variable sends the secret itself.</summary>
        private static void CheckParameters(Context c, JsonElement owner, string list, string location, string jsonPath)
        {
            if (!JsonValues.TryArray(owner, list, out JsonElement entries)) return;
            int i = 0;
            foreach (JsonElement entry in entries.EnumerateArray())
            {
                string path = $"{jsonPath}.{list}[{i++}]";
                string name = JsonValues.String(entry, "key") ?? "";
                string? variable = VariablesIn(JsonValues.String(entry, "value") ?? "").FirstOrDefault(v => SecretText.Of(v) != SecretText.Kind.None);
                if (variable == null || JsonValues.IsTrue(entry, "disabled")) continue;
                c.Add(AuditSeverity.Error, $"{location} parameter '{name}'", path, $"The request sends the variable '{variable}' as the parameter '{name}'.",
                    "Keys are never request parameters: the API key goes in X-MBX-APIKEY and the secret only signs. Do not use this request.");
            }
        }

        private static void CheckValue(Context c, string location, string jsonPath, string key, string? value, string kindOfFile)
        {
            if (value == null) return;
            SecretText.Kind kind = SecretText.Of(key);
            if (SecretText.IsPem(value))
                c.Add(AuditSeverity.Error, location, jsonPath, $"The {kindOfFile} holds a PEM private key in plain text.",
                    "Keep private keys in a SecretManagement vault or a protected file, never in a Postman file (about_BinancePostman, KEYS AND VAULTS, says how); replace the key if the file was shared.");
            // a signature Postman's script left behind is 64 hex characters too, and harmless
            else if (!ModuleParameters.IsSignature(key) && SecretText.LooksReal(value, key) && (kind != SecretText.Kind.None || SecretText.HasBinanceKeyShape(value)))
            {
                bool secret = kind == SecretText.Kind.Secret;
                c.Add(secret ? AuditSeverity.Error : AuditSeverity.Warning, location, jsonPath,
                    $"The {kindOfFile} holds what looks like a real {(secret ? "API secret" : "API key")} in plain text.",
                    "Keep keys in a SecretManagement vault (about_BinancePostman, KEYS AND VAULTS, says how). Put a placeholder back in the file, and replace the key if the file was shared.");
            }
            string? host = HostOf(value);
            if (host != null && !BinanceHosts.IsBinanceHost(host))
            {
                bool loopback = BinanceHosts.IsLoopback(host);
                c.Add(loopback ? AuditSeverity.Info : AuditSeverity.Warning, location, jsonPath,
                    $"'{key}' points at {host}, {(loopback ? "this machine" : "which is not a Binance host")}.",
                    loopback ? "Fine for a local test exchange." : "Requests signed with your key would go there. Use it only if you know that host.");
            }
        }

        /// <summary>The host of an absolute http(s) URL, or null (a variable, a relative path, not a URL).</summary>
        private static string? HostOf(string text)
        {
            string t = text.Trim();
            if (t.IndexOf("{{", StringComparison.Ordinal) >= 0) return null;
            if (!t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                && !t.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
                return null;
            return Uri.TryCreate(t, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0 ? uri.Host.Trim('[', ']') : null;
        }

        private static IEnumerable<string> VariablesIn(string text)
        {
            int open = text.IndexOf("{{", StringComparison.Ordinal);
            while (open >= 0)
            {
                int close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                if (close < 0) yield break;
                yield return text.Substring(open + 2, close - open - 2).Trim();
                open = text.IndexOf("{{", close + 2, StringComparison.Ordinal);
            }
        }

        private static ReadOnlyMemory<byte> StripBom(byte[] bytes) =>
            bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsMemory(3) : bytes;
    }
}
