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
            /// <summary>Non-Binance hosts of requests: one finding per host, naming the first request (the first that carries the key, if any).</summary>
            public Dictionary<string, ForeignHost> ForeignHosts { get; } = new Dictionary<string, ForeignHost>(StringComparer.OrdinalIgnoreCase);
            /// <summary>Collection variables holding a URL whose host is not Binance's, checked once the requests that use them are known.</summary>
            public List<(string key, string jsonPath, string host)> VariableHosts { get; } = new List<(string, string, string)>();
            /// <summary>Variables that give the host of a request with the key header or a signature.</summary>
            public HashSet<string> KeyedVariables { get; } = new HashSet<string>(StringComparer.Ordinal);
            public HashSet<string> UsedVariables { get; } = new HashSet<string>(StringComparer.Ordinal);
            public List<(string location, ScriptAuditor.Report report)> Scripts { get; } = new List<(string, ScriptAuditor.Report)>();
            /// <summary>Globals the file's scripts define: other scripts may call them.</summary>
            public HashSet<string> ScriptGlobals { get; } = new HashSet<string>(StringComparer.Ordinal);
            /// <summary>A Postman auth block sends the API key (apikey auth with X-MBX-APIKEY): every request under it carries the key.</summary>
            public bool AuthSendsKey { get; set; }

            public void Add(AuditSeverity severity, string location, string jsonPath, string finding, string advice, AuditHint hint = AuditHint.None, string? host = null)
            {
                if (severity >= Minimum) Findings.Add(new AuditFinding(severity, File, location, Lines.LineOf(jsonPath), finding, advice, hint, host));
            }
        }

        private sealed class ForeignHost
        {
            public int Count;
            public int Keyed;
            public string Location = "";
            public string JsonPath = "";
            public bool LocationKeyed;
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
            CollectScriptGlobals(c, root);
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
                    CheckValue(c, $"variable '{key}'", jsonPath, key!, value, "collection", deferHost: true);
                }
            }
            AuditEvents(c, root, "collection", "");
            AuditAuth(c, root, "collection", "");
            if (JsonValues.TryArray(root, "item", out JsonElement items))
                AuditItems(c, items, "item", "");
            CrossScriptRequests(c);

            // a script that sets X-MBX-APIKEY, or an apikey auth block, gives every request the key
            bool allKeyed = c.AuthSendsKey || c.Scripts.Any(s => s.report.SetsKeyHeader);
            foreach (var host in c.ForeignHosts)
            {
                ForeignHost h = host.Value;
                bool loopback = BinanceHosts.IsLoopback(host.Key);
                int keyed = allKeyed ? h.Count : h.Keyed;
                AuditSeverity severity = loopback ? AuditSeverity.Info : keyed > 0 ? AuditSeverity.Error : AuditSeverity.Warning;
                string carries = keyed == 0 ? "" : keyed == h.Count ? (h.Count == 1 ? "; it carries the API key or a signature" : "; they carry the API key or a signature") : $"; {keyed} of them carry the API key or a signature";
                c.Add(severity, h.Location, h.JsonPath,
                    $"{h.Count} request(s) go to {host.Key}, {(loopback ? "this machine" : "which is not a Binance host")}{carries}.",
                    loopback ? "Fine for a local test exchange; the module sends keys to this machine only when you name it for the call or the session, or trust it."
                    : keyed > 0 ? "In Postman, your API key and a valid signature would go there; the module refuses to send them unless you name or trust the host. Do not use this collection unless the host is yours."
                    : "Requests signed with your key would go there. Use the collection only if you know that host; the module sends a request elsewhere only where you name the host for the call or the session.",
                    loopback || keyed > 0 ? AuditHint.TrustHost : AuditHint.None, host.Key);
            }
            foreach (var (key, jsonPath, host) in c.VariableHosts)
            {
                bool loopback = BinanceHosts.IsLoopback(host);
                bool keyed = c.KeyedVariables.Contains(key) || (allKeyed && c.UsedVariables.Contains(key));
                c.Add(loopback ? AuditSeverity.Info : keyed ? AuditSeverity.Error : AuditSeverity.Warning, $"variable '{key}'", jsonPath,
                    $"'{key}' points at {host}, {(loopback ? "this machine" : "which is not a Binance host")}{(keyed && !loopback ? ", and requests with the API key or a signature use it" : "")}.",
                    loopback ? "Fine for a local test exchange." : "Requests signed with your key would go there. Use it only if you know that host.");
            }
        }

        /// <summary>One script reads the key and another (which does not) sends requests: together they can send it away.</summary>
        private static void CrossScriptRequests(Context c)
        {
            var reader = c.Scripts.FirstOrDefault(s => s.report.ReadsKeyMaterial);
            if (reader.report == null) return;
            foreach (var (location, report) in c.Scripts)
            {
                if (report.ReadsKeyMaterial || report.FirstRequestLine < 0) continue;
                AuditFinding request = report.Findings.First(f => f.Finding.Contains("request of its own"));
                if (AuditSeverity.Error >= c.Minimum)
                    c.Findings.Add(new AuditFinding(AuditSeverity.Error, c.File, request.Location, request.Line,
                        $"The script sends requests of its own, and the {reader.location} reads the API key or secret.",
                        "Scripts of one collection share variables: together they can send your key anywhere. Do not run this collection; replace the key if it has been run."));
            }
        }

        /// <summary>Globals any script of the file assigns (globalThis.x = ...): calls to them elsewhere are the scripts' own code, not a library.</summary>
        private static void CollectScriptGlobals(Context c, JsonElement owner)
        {
            if (JsonValues.TryArray(owner, "event", out JsonElement events))
                foreach (JsonElement ev in events.EnumerateArray())
                    if (ev.ValueKind == JsonValueKind.Object && ev.TryGetProperty("script", out JsonElement script) && script.ValueKind == JsonValueKind.Object
                        && script.TryGetProperty("exec", out JsonElement exec))
                    {
                        string text = exec.ValueKind == JsonValueKind.Array
                            ? string.Join("\n", exec.EnumerateArray().Select(l => JsonValues.AsString(l) ?? ""))
                            : JsonValues.AsString(exec) ?? "";
                        foreach (string name in Scripts.TaintTracker.GlobalsDefined(text)) c.ScriptGlobals.Add(name);
                    }
            if (JsonValues.TryArray(owner, "item", out JsonElement items))
                foreach (JsonElement item in items.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object) CollectScriptGlobals(c, item);
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
                ScriptAuditor.Report report = ScriptAuditor.Audit(c.File, where, lines,
                    i => c.Lines.LineOf(execIsArray ? $"{execPath}[{i}]" : execPath), c.ScriptGlobals, c.Variables);
                c.Add(AuditSeverity.Info, where, execPath, report.Description,
                    "The module never runs Postman scripts: it signs requests itself. The script matters only if you open the collection in Postman.");
                c.Findings.AddRange(report.Findings.Where(f => f.Severity >= c.Minimum));
                c.Scripts.Add((where, report));
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
                if (type == "apikey" && JsonValues.String(entry, "key") == "key" && string.Equals(JsonValues.String(entry, "value"), ModuleParameters.ApiKeyHeader, StringComparison.OrdinalIgnoreCase))
                    c.AuthSendsKey = true;
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
            bool keyed = CarriesKey(request);
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
            if (!keyed && raw.IndexOf('?') >= 0 && raw.Substring(raw.IndexOf('?')).Split('?', '&').Any(p => ModuleParameters.IsSignature(p.Split('=')[0]))) keyed = true;
            foreach (string variable in VariablesIn(host))
            {
                c.UsedVariables.Add(variable);
                if (keyed) c.KeyedVariables.Add(variable);
            }
            string resolved = new VariableResolver(c.Variables, null).Resolve(host);
            if (resolved.Length > 0 && resolved.IndexOf("://", StringComparison.Ordinal) < 0) resolved = "https://" + resolved;
            string? hostName = HostOf(resolved);
            if (hostName != null && !BinanceHosts.IsBinanceHost(hostName))
            {
                if (!c.ForeignHosts.TryGetValue(hostName, out ForeignHost? seen)) c.ForeignHosts[hostName] = seen = new ForeignHost();
                seen.Count++;
                if (keyed) seen.Keyed++;
                if (seen.Count == 1 || (keyed && !seen.LocationKeyed))
                {
                    seen.Location = location + " URL";
                    seen.JsonPath = jsonPath + ".url";
                    seen.LocationKeyed = keyed;
                }
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

        /// <summary>The request has the API-key header or a signature entry (in the query or the body).</summary>
        private static bool CarriesKey(JsonElement request)
        {
            if (JsonValues.TryArray(request, "header", out JsonElement headers))
                foreach (JsonElement h in headers.EnumerateArray())
                    if (string.Equals(JsonValues.String(h, "key"), ModuleParameters.ApiKeyHeader, StringComparison.OrdinalIgnoreCase) && !JsonValues.IsTrue(h, "disabled"))
                        return true;
            bool HasSignature(JsonElement owner, string list)
            {
                if (!JsonValues.TryArray(owner, list, out JsonElement entries)) return false;
                foreach (JsonElement e in entries.EnumerateArray())
                    if (ModuleParameters.IsSignature(JsonValues.String(e, "key") ?? "")) return true;
                return false;
            }
            if (request.TryGetProperty("url", out JsonElement url) && url.ValueKind == JsonValueKind.Object && HasSignature(url, "query")) return true;
            if (request.TryGetProperty("body", out JsonElement body) && body.ValueKind == JsonValueKind.Object && (HasSignature(body, "urlencoded") || HasSignature(body, "formdata"))) return true;
            return false;
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

        /// <param name="deferHost">collection variables: the host is judged once the requests that use it are known</param>
        private static void CheckValue(Context c, string location, string jsonPath, string key, string? value, string kindOfFile, bool deferHost = false)
        {
            if (value == null) return;
            SecretText.Kind kind = SecretText.Of(key);
            if (SecretText.IsPem(value))
                c.Add(AuditSeverity.Error, location, jsonPath, $"The {kindOfFile} holds a PEM private key in plain text.",
                    "Keep private keys in a SecretManagement vault or a protected file, never in a Postman file; replace the key if the file was shared.",
                    AuditHint.PrivateKeyInVault);
            // a signature Postman's script left behind is 64 hex characters too, and harmless
            else if (!ModuleParameters.IsSignature(key) && SecretText.LooksReal(value, key) && (kind != SecretText.Kind.None || SecretText.HasBinanceKeyShape(value)))
            {
                bool secret = kind == SecretText.Kind.Secret;
                c.Add(secret ? AuditSeverity.Error : AuditSeverity.Warning, location, jsonPath,
                    $"The {kindOfFile} holds what looks like a real {(secret ? "API secret" : "API key")} in plain text.",
                    "Keep keys in a SecretManagement vault. Put a placeholder back in the file, and replace the key if the file was shared.",
                    AuditHint.KeysInVault);
            }
            string? host = HostOf(value);
            if (host != null && !BinanceHosts.IsBinanceHost(host) && deferHost)
                c.VariableHosts.Add((key, jsonPath, host));
            else if (host != null && !BinanceHosts.IsBinanceHost(host))
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
