using System;
using System.Collections.Generic;
using System.Linq;
using BinancePostman.Catalog.Scripts;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// Reads a Postman script as data (it is never run) and follows where the values of key-named variables go
    /// (TaintTracker): the secret as the key of an HMAC or sign call whose result is the signature is what a signing
    /// script does; a key or secret copied into another variable, a header, a URL, a body, the console or a request of
    /// the script's own is a finding, and so are requests of its own, code built from text, hidden names, and hosts
    /// that are not Binance's.
    /// </summary>
    internal static class ScriptAuditor
    {
        /// <summary>What the audit of one script found, and the facts the collection's audit combines across scripts.</summary>
        internal sealed class Report
        {
            public List<AuditFinding> Findings { get; } = new List<AuditFinding>();
            /// <summary>The Info line: a signing script, or a script of N lines.</summary>
            public string Description { get; set; } = "";
            public bool ReadsKeyMaterial { get; set; }
            /// <summary>Script line (0-based) of the first request of its own, or -1.</summary>
            public int FirstRequestLine { get; set; } = -1;
            /// <summary>The script puts the API key in X-MBX-APIKEY: every request it runs for carries the key.</summary>
            public bool SetsKeyHeader { get; set; }
        }

        /// <param name="lineInFile">the file line of a script line (0-based index), where known</param>
        /// <param name="scriptGlobals">globals that the file's scripts define (calls to them are the scripts' own, not a library's)</param>
        /// <param name="collectionVariables">the collection's own variables (a script that reads them reads these values)</param>
        public static Report Audit(string file, string location, IReadOnlyList<string> lines, Func<int, int?> lineInFile, ISet<string>? scriptGlobals = null,
            IReadOnlyDictionary<string, string>? collectionVariables = null)
        {
            var report = new Report();
            string script = string.Join("\n", lines);
            ScriptFacts facts = TaintTracker.Run(script, scriptGlobals, collectionVariables);
            int Clamp(int i) => Math.Max(0, Math.Min(i, lines.Count - 1));
            void Add(AuditSeverity severity, int line, string finding, string advice) =>
                report.Findings.Add(new AuditFinding(severity, file, $"{location}, script line {Clamp(line) + 1}", lineInFile(Clamp(line)), finding, advice));

            foreach (var (line, api) in facts.OwnRequests)
                Add(AuditSeverity.Warning, line, $"The script sends a request of its own ({api}).",
                    "Binance's scripts only sign requests. Find out where this request goes and why before you use the collection in Postman.");
            foreach (var (line, how) in facts.Hidden)
                Add(AuditSeverity.Warning, line, $"The script hides what it does ({how}: decoded text or names built at run time).",
                    "Signing needs nothing hidden. Find out what the decoded text is before you run the collection in Postman.");
            foreach (var (line, api) in facts.CodeFromText)
                Add(AuditSeverity.Error, line, $"The script runs code built from text ({api}).",
                    "Code assembled at run time can do anything and hides what it does. Do not run this collection in Postman; use the bundled collections or Binance's own download.");
            foreach (var (line, host) in facts.Hosts)
            {
                if (BinanceHosts.IsBinanceHost(host)) continue;
                if (BinanceHosts.IsLoopback(host))
                    Add(AuditSeverity.Info, line, $"The script names the local host {host}.", "Fine for a local test exchange; nothing leaves the machine.");
                else
                    Add(AuditSeverity.Warning, line, $"The script names {host}, which is not a Binance host.",
                        "A signing script needs no other host. Check what the script does with it before you run the collection in Postman.");
            }
            foreach (var (line, host) in facts.Redirects)
                Add(BinanceHosts.IsLoopback(host) ? AuditSeverity.Warning : AuditSeverity.Error, line, $"The script points the request at {host}, which is not a Binance host.",
                    "In Postman the request would take your API key and its signature there. Do not use this collection unless the host is yours.");
            foreach (Flow flow in facts.Flows) AddFlow(flow, Add);
            foreach (var (line, scope, target) in facts.KeyVariableWrites)
                Add(AuditSeverity.Warning, line, $"The script writes the {Noun(SecretText.Of(target))} variable '{target}' ({scope}).",
                    scope == "globals" ? "Globals are readable by every collection in the workspace: keep keys out of them." : "A script has no reason to change a key. Check where the value comes from.");
            foreach (int line in facts.Unreadable.Distinct().Take(3))
                Add(AuditSeverity.Warning, line, "The audit cannot read this line as JavaScript, so what the script does there is not known.",
                    "The script may be broken, or written to hide what it does. Read it before you run the collection in Postman.");
            if (facts.TooComplex)
                Add(AuditSeverity.Warning, 0, "The script is too big, too nested or too unusual for the audit to follow to the end.",
                    "What it does past that point is not known. Read it before you run the collection in Postman.");

            report.ReadsKeyMaterial = facts.ReadsKeyMaterial;
            report.SetsKeyHeader = facts.SetsKeyHeader;
            report.FirstRequestLine = facts.OwnRequests.Count == 0 ? -1 : facts.OwnRequests.Min(r => r.line);
            if (report.ReadsKeyMaterial && report.FirstRequestLine >= 0)
                Add(AuditSeverity.Error, report.FirstRequestLine, "The script reads the API key or secret and sends requests of its own.",
                    "A script that has your key and talks to the network can send the key anywhere. Do not run this collection; replace the key if it has been run.");

            // the signing pattern: the secret keyed an HMAC or sign call, and the result became the signature
            bool signs = facts.SignsWithSecret && facts.SignsRequest;
            report.Description = signs
                ? "The collection carries a request-signing script (" + (script.IndexOf("timestamp", StringComparison.OrdinalIgnoreCase) >= 0 ? "timestamp and signature" : "signature")
                  + (facts.SetsKeyHeader ? ", API-key header" : "") + ")."
                : $"The collection carries a script of {lines.Count} line(s).";
            report.Findings.Sort((a, b) => (a.Line ?? 0).CompareTo(b.Line ?? 0));
            return report;
        }

        private static void AddFlow(Flow flow, Action<AuditSeverity, int, string, string> add)
        {
            Taint t = flow.Taint;
            string what = $"{Noun(t)} '{t.Variable}'";
            switch (flow.Sink)
            {
                case SinkKind.Variable:
                    add(AuditSeverity.Error, flow.Line, $"The script copies the {what} into the {flow.Scope} variable '{flow.Target}'.",
                        "Keys belong in one place only (a vault, for the module). Remove this line, or do not use the collection.");
                    break;
                case SinkKind.Header:
                    add(AuditSeverity.Error, flow.Line, $"The script puts the {what} into the header '{flow.Target}'.",
                        "Only the API key goes in a header, and only in X-MBX-APIKEY; a secret is never sent. Do not use this collection.");
                    break;
                case SinkKind.Url:
                    add(AuditSeverity.Error, flow.Line, $"The script puts the {what} into a URL.",
                        "Keys never go in a URL: they end up in logs and proxies. Do not use this collection.");
                    break;
                case SinkKind.Body:
                    add(AuditSeverity.Error, flow.Line, $"The script puts the {what} into the request body.",
                        "Keys are never request parameters: the API key goes in X-MBX-APIKEY and the secret only signs. Do not use this collection.");
                    break;
                case SinkKind.Request:
                    add(AuditSeverity.Error, flow.Line, $"The script puts the {what} into the request ({flow.Target}).",
                        "Keys are never part of a request but for X-MBX-APIKEY; the secret only signs. Do not use this collection.");
                    break;
                case SinkKind.OwnRequest when t.Kind == TaintKind.Signature:
                    add(AuditSeverity.Error, flow.Line, $"The script sends a signature made with the secret '{t.Variable}' in a request of its own.",
                        "Whoever receives a signature can send the signed request themselves. Do not use this collection, and replace the key if it has been run.");
                    break;
                case SinkKind.OwnRequest:
                    add(AuditSeverity.Error, flow.Line, $"The script sends the {what} in a request of its own.",
                        "This is how keys are stolen. Do not use this collection, and replace the key if it has been run.");
                    break;
                case SinkKind.Console:
                    add(AuditSeverity.Warning, flow.Line, $"The script writes the {what} to the Postman console.",
                        "The console keeps what it is given; remove the line so the key stays out of it.");
                    break;
                default:
                    add(AuditSeverity.Warning, flow.Line, $"The script hands the {what} to {flow.Via}, which the audit cannot follow.",
                        "A signing script needs nothing but an HMAC or sign call. Find out what that code does with the key before you run the collection in Postman.");
                    break;
            }
        }

        private static string Noun(Taint t) => t.Kind == TaintKind.Key ? "API key" : "secret";

        private static string Noun(SecretText.Kind kind) => kind == SecretText.Kind.Secret ? "secret" : "API key";
    }
}
