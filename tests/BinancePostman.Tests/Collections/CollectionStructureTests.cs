using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace BinancePostman.Tests.Collections
{
    /// <summary>Shape and conventions of the bundled collections, request by request.</summary>
    public class CollectionStructureTests
    {
        public static IEnumerable<object[]> CollectionFiles() =>
            BundledFiles.CollectionFiles().Select(f => new object[] { Path.GetFileName(f) });

        private static string FullPath(string fileName) => Path.Combine(BundledFiles.CollectionsDir, fileName);

        [Theory]
        [MemberData(nameof(CollectionFiles))]
        public void IsPostmanV21WithOurInfoAndSigningScript(string fileName)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(FullPath(fileName)));
            var root = document.RootElement;
            var info = root.GetProperty("info");
            Assert.Equal("https://schema.getpostman.com/json/collection/v2.1.0/collection.json", info.GetProperty("schema").GetString());
            Assert.Contains(info.GetProperty("name").GetString(), BundledFiles.CollectionNames);
            Assert.True(Guid.TryParse(info.GetProperty("_postman_id").GetString(), out _));
            Assert.False(string.IsNullOrWhiteSpace(info.GetProperty("description").GetString()));
            Assert.Equal(JsonValueKind.Array, root.GetProperty("item").ValueKind);

            var preRequest = root.GetProperty("event").EnumerateArray().Single(e => e.GetProperty("listen").GetString() == "prerequest");
            string script = string.Join("\n", preRequest.GetProperty("script").GetProperty("exec").EnumerateArray().Select(l => l.GetString()));
            Assert.Contains("CryptoJS.HmacSHA256", script);
            Assert.Contains("binance-api-secret", script);
        }

        [Theory]
        [MemberData(nameof(CollectionFiles))]
        public void RequestNamesAreUnique(string fileName)
        {
            var duplicates = PostmanFile.Read(FullPath(fileName)).Requests
                .GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, "Repeated names: " + string.Join(", ", duplicates));
        }

        [Theory]
        [MemberData(nameof(CollectionFiles))]
        public void EveryRequestHasDescriptionUrlAndQueryInPostmanShape(string fileName)
        {
            var problems = new List<string>();
            foreach (var request in PostmanFile.Read(FullPath(fileName)).Requests)
            {
                if (string.IsNullOrWhiteSpace(request.Description)) problems.Add($"{request.Name}: no description");
                if (!new[] { "GET", "POST", "PUT", "DELETE" }.Contains(request.Method)) problems.Add($"{request.Name}: method {request.Method}");
                if (!request.Host.SequenceEqual(new[] { "{{url}}" })) problems.Add($"{request.Name}: host is not {{{{url}}}}");
                if (!request.Raw.StartsWith("{{url}}" + request.Path, StringComparison.Ordinal)) problems.Add($"{request.Name}: raw URL does not match path");
                foreach (var key in request.Query.GroupBy(q => q.Key).Where(g => g.Count() > 1).Select(g => g.Key))
                    problems.Add($"{request.Name}: query key {key} repeated");
                if (request.Description.Contains("Weight") &&
                    !System.Text.RegularExpressions.Regex.IsMatch(request.Description, @"\n\nWeight\((IP|UID)\): \S"))
                    problems.Add($"{request.Name}: weight line not in the form 'Weight(IP): N'");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(CollectionFiles))]
        public void SigningAndApiKeyFollowTheSecuritySuffix(string fileName)
        {
            var problems = new List<string>();
            foreach (var request in PostmanFile.Read(FullPath(fileName)).Requests)
            {
                string security = SecuritySuffix.Of(request.Name);
                bool hasKey = request.Headers.TryGetValue("X-MBX-APIKEY", out var key) && key == "{{binance-api-key}}";
                var timestamp = request.Query.FirstOrDefault(q => q.Key == "timestamp");
                var signature = request.Query.FirstOrDefault(q => q.Key == "signature");
                var recvWindow = request.Query.FirstOrDefault(q => q.Key == "recvWindow");
                bool signed = signature != null;

                if (security == "NONE" && (hasKey || signed)) problems.Add($"{request.Name}: unmarked (NONE) but keyed or signed");
                if (security != "NONE" && !hasKey) problems.Add($"{request.Name}: {security} without the X-MBX-APIKEY header");
                if (SecuritySuffix.IsSignedType(security) && !signed) problems.Add($"{request.Name}: {security} without signature");
                if (!signed) continue;

                if (timestamp == null || timestamp.Value != "{{timestamp}}" || timestamp.Disabled) problems.Add($"{request.Name}: timestamp entry missing or disabled");
                if (signature!.Value != "{{signature}}" || signature.Disabled) problems.Add($"{request.Name}: signature entry not {{{{signature}}}} or disabled");
                if (request.Query[request.Query.Count - 1].Key != "signature") problems.Add($"{request.Name}: signature is not the last query entry");
                if (recvWindow == null || !recvWindow.Disabled) problems.Add($"{request.Name}: recvWindow missing or enabled");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void SpotHoldsTheNamesTheDocumentationUses()
        {
            Assert.True(BundledFiles.Collections.TryGetValue("Spot", out var spot), "no Spot collection");
            var names = spot!.Select(r => r.Name).ToHashSet();
            foreach (string name in new[] { "Order Book", "Kline/Candlestick Data", "New Order (TRADE)", "Account Information (USER_DATA)" })
                Assert.Contains(name, names);
        }
    }
}
