using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// Reads a Postman script as text (it is never run) and reports what it does beyond Binance's own signing
    /// script: its own requests, code built from strings, hosts that are not Binance's, keys copied elsewhere.
    /// </summary>
    internal static class ScriptAuditor
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        private static readonly Regex Request = new Regex(@"pm\.sendRequest\s*\(|\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket\s*\(|\brequire\s*\(\s*['""`](https?|axios|node-fetch|request|net|dgram|child_process)['""`]", Options);
        private static readonly Regex CodeFromText = new Regex(@"\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w.])Function\s*\(\s*['""`]|\bset(Timeout|Interval)\s*\(\s*['""`]", Options);
        private static readonly Regex Url = new Regex(@"\b(?:https?|wss?)://([A-Za-z0-9.\-]+|\[[0-9A-Fa-f:]+\])", Options | RegexOptions.IgnoreCase);
        // pm.*.get, and the legacy postman.getEnvironmentVariable / getGlobalVariable
        private static readonly Regex VariableGet = new Regex(@"(?:pm\.(?:environment|globals|collectionVariables|variables|iterationData)\.get|postman\.get(?:Environment|Global)Variable)\(\s*['""`]([^'""`]+)['""`]\s*\)", Options);
        private static readonly Regex Assignment = new Regex(@"^\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)", Options);
        private static readonly Regex VariableSet = new Regex(@"(?:pm\.(environment|globals|collectionVariables|variables)\.set|postman\.set(Environment|Global)Variable)\(\s*['""`]([^'""`]+)['""`]\s*,(.*)", Options);
        private static readonly Regex Obfuscation = new Regex(@"\batob\s*\(|fromCharCode|\bpm\s*\[|(?:\\x[0-9a-fA-F]{2}){4,}", Options);
        private static readonly Regex HeaderWrite = new Regex(@"headers?\s*\.\s*(add|upsert)\s*\(|setOrUpdateHeaderParam\s*\(|\.headers\b.*=", Options | RegexOptions.IgnoreCase);
        private static readonly Regex UrlWrite = new Regex(@"pm\.request\.url|\.addQueryParams\s*\(|url\.query\.(add|upsert)", Options);
        private static readonly Regex Console = new Regex(@"\bconsole\.(log|info|warn|error|debug)\s*\(", Options);
        private static readonly Regex Hashing = new Regex(@"Hmac(SHA|Sha)\d+|crypto\.subtle|createHmac|\.sign\s*\(|importKey|\.encode\s*\(", Options);
        private static readonly Regex StringLiteral = new Regex(@"['""`]([A-Za-z0-9_\-]+)['""`]", Options);
        // a line with none of these (and no variable holding a key) can match no rule: most lines of a signing script
        private static readonly Regex MayMatter = new Regex(@"pm\.|pm\s*\[|postman\.|fetch|XMLHttpRequest|WebSocket|require|eval|Function|setTimeout|setInterval|://|header|console|url|query|atob|fromCharCode|\\x", Options | RegexOptions.IgnoreCase);
        private static readonly Regex SignatureSet = new Regex(@"\.set\(\s*['""`]signature['""`]|signature", Options);

        /// <param name="lineInFile">the file line of a script line (0-based index), where known</param>
        public static IEnumerable<AuditFinding> Audit(string file, string location, IReadOnlyList<string> lines, Func<int, int?> lineInFile)
        {
            var findings = new List<AuditFinding>();
            var holders = new Dictionary<string, (SecretText.Kind kind, string variable)>(StringComparer.Ordinal);
            bool makesRequests = false, readsSecret = false;
            int requestLine = -1;

            AuditFinding Make(AuditSeverity severity, int i, string finding, string advice) =>
                new AuditFinding(severity, file, $"{location}, script line {i + 1}", lineInFile(i), finding, advice);

            for (int i = 0; i < lines.Count; i++)
            {
                string line = lines[i];
                string code = line.TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("/*", StringComparison.Ordinal) || code.StartsWith("*", StringComparison.Ordinal))
                    continue;
                if (!MayMatter.IsMatch(line) && !holders.Keys.Any(h => line.IndexOf(h, StringComparison.Ordinal) >= 0))
                    continue;

                var read = SecretsRead(line);
                if (read.Count > 0)
                {
                    readsSecret = true;
                    Match assigned = Assignment.Match(line);
                    if (assigned.Success) holders[assigned.Groups[1].Value] = read[0];
                }
                // what a fragment of the line hands on: keys read right there, or variables holding one
                List<(SecretText.Kind kind, string variable)> Carried(string fragment) =>
                    SecretsRead(fragment).Concat(holders.Where(h => Mentions(fragment, h.Key)).Select(h => h.Value))
                        .OrderByDescending(r => r.kind).ToList(); // a secret is the worse thing to hand on

                if (Request.IsMatch(line))
                {
                    makesRequests = true;
                    if (requestLine < 0) requestLine = i;
                    findings.Add(Make(AuditSeverity.Warning, i, "The script sends a request of its own (" + Request.Match(line).Value.Trim().TrimEnd('(').Trim() + ").",
                        "Binance's scripts only sign requests. Find out where this request goes and why before you use the collection in Postman."));
                }
                if (Obfuscation.IsMatch(line))
                    findings.Add(Make(AuditSeverity.Warning, i, "The script hides what it does (" + Obfuscation.Match(line).Value.Trim().TrimEnd('(').Trim() + ": decoded text or names built at run time).",
                        "Signing needs nothing hidden. Find out what the decoded text is before you run the collection in Postman."));
                if (CodeFromText.IsMatch(line))
                    findings.Add(Make(AuditSeverity.Error, i, "The script runs code built from text (" + CodeFromText.Match(line).Value.Trim().TrimEnd('(', '\'', '"', '`').Trim() + ").",
                        "Code assembled at run time can do anything and hides what it does. Do not run this collection in Postman; use the bundled collections or Binance's own download."));
                foreach (Match url in Url.Matches(line))
                {
                    string host = url.Groups[1].Value.Trim('[', ']');
                    if (BinanceHosts.IsBinanceHost(host)) continue;
                    if (BinanceHosts.IsLoopback(host))
                        findings.Add(Make(AuditSeverity.Info, i, $"The script names the local host {host}.", "Fine for a local test exchange; nothing leaves the machine."));
                    else
                        findings.Add(Make(AuditSeverity.Warning, i, $"The script names {host}, which is not a Binance host.",
                            "A signing script needs no other host. Check what the script does with it before you run the collection in Postman."));
                }
                if (Hashing.IsMatch(line)) continue; // the secret going into the signature is what the script is for

                Match set = VariableSet.Match(line);
                if (set.Success)
                {
                    string scope = set.Groups[1].Success ? set.Groups[1].Value : set.Groups[2].Value == "Global" ? "globals" : "environment";
                    string target = set.Groups[3].Value;
                    var source = Carried(set.Groups[4].Value).FirstOrDefault(c => !string.Equals(c.variable, target, StringComparison.Ordinal));
                    if (source.variable != null)
                        findings.Add(Make(AuditSeverity.Error, i, $"The script copies the {Noun(source.kind)} '{source.variable}' into the {scope} variable '{target}'.",
                            "Keys belong in one place only (a vault, for the module). Remove this line, or do not use the collection."));
                    else if (SecretText.Of(target) != SecretText.Kind.None)
                        findings.Add(Make(AuditSeverity.Warning, i, $"The script writes the {Noun(SecretText.Of(target))} variable '{target}' ({scope}).",
                            scope == "globals" ? "Globals are readable by every collection in the workspace: keep keys out of them." : "A script has no reason to change a key. Check where the value comes from."));
                    continue;
                }
                Match sink = HeaderWrite.Match(line);
                if (sink.Success && Carried(line.Substring(sink.Index)) is var toHeader && toHeader.Count > 0)
                {
                    var (kind, variable) = toHeader[0];
                    string? header = StringLiteral.Matches(line).Cast<Match>().Select(m => m.Groups[1].Value).FirstOrDefault(v => v.IndexOf('-') > 0 || v.StartsWith("X", StringComparison.OrdinalIgnoreCase));
                    bool apiKeyHeader = string.Equals(header, ModuleParameters.ApiKeyHeader, StringComparison.OrdinalIgnoreCase);
                    if (!(apiKeyHeader && kind == SecretText.Kind.Key))
                        findings.Add(Make(AuditSeverity.Error, i, $"The script puts the {Noun(kind)} '{variable}' into the header '{header ?? "?"}'.",
                            "Only the API key goes in a header, and only in X-MBX-APIKEY; a secret is never sent. Do not use this collection."));
                    continue;
                }
                if (FirstSink(line, Request) is int atRequest && Carried(line.Substring(atRequest)) is var toRequest && toRequest.Count > 0)
                {
                    findings.Add(Make(AuditSeverity.Error, i, $"The script sends the {Noun(toRequest[0].kind)} '{toRequest[0].variable}' in a request of its own.",
                        "This is how keys are stolen. Do not use this collection, and replace the key if it has been run."));
                    continue;
                }
                if (FirstSink(line, UrlWrite, Url) is int atUrl && Carried(line.Substring(atUrl)) is var toUrl && toUrl.Count > 0)
                {
                    findings.Add(Make(AuditSeverity.Error, i, $"The script puts the {Noun(toUrl[0].kind)} '{toUrl[0].variable}' into a URL.",
                        "Keys never go in a URL: they end up in logs and proxies. Do not use this collection."));
                    continue;
                }
                if (FirstSink(line, Console) is int atConsole && Carried(line.Substring(atConsole)) is var toConsole && toConsole.Count > 0)
                    findings.Add(Make(AuditSeverity.Warning, i, $"The script writes the {Noun(toConsole[0].kind)} '{toConsole[0].variable}' to the Postman console.",
                        "The console keeps what it is given; remove the line so the key stays out of it."));
            }
            if (makesRequests && readsSecret)
                findings.Add(Make(AuditSeverity.Error, requestLine, "The script reads the API key or secret and sends requests of its own.",
                    "A script that has your key and talks to the network can send the key anywhere. Do not run this collection; replace the key if it has been run."));
            return findings;
        }

        /// <summary>Binance's signing scripts: a timestamp, a signature variable (or query entry), the API-key header.</summary>
        public static string Describe(IReadOnlyList<string> lines)
        {
            string text = string.Join("\n", lines);
            bool signs = text.IndexOf("timestamp", StringComparison.OrdinalIgnoreCase) >= 0 && SignatureSet.IsMatch(text) && Hashing.IsMatch(text);
            return signs
                ? "The collection carries a request-signing script (timestamp and signature" + (text.IndexOf(ModuleParameters.ApiKeyHeader, StringComparison.OrdinalIgnoreCase) >= 0 ? ", API-key header" : "") + ")."
                : $"The collection carries a script of {lines.Count} line(s).";
        }

        private static readonly Regex QuotedText = new Regex(@"'(?:[^'\\]|\\.)*'|""(?:[^""\\]|\\.)*""", Options);

        /// <summary>The identifier used as code, not inside a quoted string (template literals count: `${key}` hands it on).</summary>
        private static bool Mentions(string line, string identifier) =>
            line.IndexOf(identifier, StringComparison.Ordinal) >= 0 && Regex.IsMatch(QuotedText.Replace(line, "''"), @"(?<![\w$.])" + Regex.Escape(identifier) + @"(?![\w$]|\s*:(?!:))", Options); // `key:` names an object member

        private static List<(SecretText.Kind kind, string variable)> SecretsRead(string text) =>
            VariableGet.Matches(text).Cast<Match>()
                .Select(m => (kind: SecretText.Of(m.Groups[1].Value), variable: m.Groups[1].Value))
                .Where(r => r.kind != SecretText.Kind.None).ToList();

        private static int? FirstSink(string line, params Regex[] sinks)
        {
            int? first = null;
            foreach (Regex sink in sinks)
            {
                Match m = sink.Match(line);
                if (m.Success && (first == null || m.Index < first)) first = m.Index;
            }
            return first;
        }

        private static string Noun(SecretText.Kind kind) => kind == SecretText.Kind.Secret ? "secret" : "API key";
    }
}
