using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BinancePostman.Catalog;
using BinancePostman.CollectionGenerator.Source;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>Endpoint statuses: written by the generator into the description, read back by the loader, sourced in collections/source.</summary>
    public class EndpointLifecycleTests
    {
        private readonly ITestOutputHelper _out;

        public EndpointLifecycleTests(ITestOutputHelper output) => _out = output;

        private static IReadOnlyList<PostmanCollection> Bundled() =>
            CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(Path.Combine(Fixtures.RepoRoot, "collections")), PostmanCollectionReader.ReadFile).loaded;

        [Theory]
        [InlineData("Status: Retired on 2026-02-20. Replacement: POST /sapi/v1/userListenToken.\n\nText.", EndpointStatus.Retired, "2026-02-20", "POST /sapi/v1/userListenToken")]
        [InlineData("Some text.\nStatus: Deprecated on 2024-06-28.", EndpointStatus.Deprecated, "2024-06-28", null)]
        [InlineData("Status: Retired.", EndpointStatus.Retired, null, null)]
        [InlineData("The order status: Retired means nothing here.", EndpointStatus.Active, null, null)]
        [InlineData("Status: Sleeping on 2026-01-01.", EndpointStatus.Active, null, null)]
        [InlineData(null, EndpointStatus.Active, null, null)]
        public void TheLoaderReadsTheStatusLine(string? description, EndpointStatus status, string? since, string? replacement)
        {
            var lifecycle = EndpointLifecycle.Read(description);
            Assert.Equal(status, lifecycle.Status);
            Assert.Equal(since, lifecycle.Since?.ToString("yyyy-MM-dd"));
            Assert.Equal(replacement, lifecycle.Replacement);
        }

        [Theory]
        [InlineData("Retired 2026-02-20 -> POST /sapi/v1/userListenToken")]
        [InlineData("Deprecated 2024-06-28")]
        [InlineData("Retired")]
        public void WhatTheGeneratorWritesTheLoaderReadsBack(string source)
        {
            var written = StatusSource.Parse(source, m => new FormatException(m));
            var read = EndpointLifecycle.Read("Description.\n" + written.DescriptionLine + "\nMore.");
            Assert.Equal(written.Status, read.Status.ToString());
            Assert.Equal(written.Since, read.Since);
            Assert.Equal(written.Replacement, read.Replacement);
            Assert.Equal(written.DescriptionLine, read.ToDescriptionLine());
        }

        [Theory]
        [InlineData("Retired 2026-13-40")]
        [InlineData("Gone 2026-02-20")]
        [InlineData("Retired 2026-02-20 ->")]
        public void TheGeneratorRefusesAMalformedStatus(string source) =>
            Assert.Throws<FormatException>(() => StatusSource.Parse(source, m => new FormatException(m)));

        [Fact]
        public void TheBundledCollectionsCarryTheSourcedStatuses()
        {
            var all = Bundled().SelectMany(c => c.Endpoints).ToList();
            Endpoint Find(string method, string path) => all.Single(e => e.Method == method && e.Path == path);

            foreach (string method in new[] { "POST", "PUT", "DELETE" })
            {
                var spot = Find(method, "/api/v3/userDataStream");
                Assert.Equal(EndpointStatus.Retired, spot.Status);
                Assert.Equal(new DateTime(2026, 2, 20), spot.RetiredOn);
                Assert.Contains("userDataStream.subscribe", spot.Replacement);
                var margin = Find(method, "/sapi/v1/userDataStream");
                Assert.Equal(EndpointStatus.Retired, margin.Status);
                Assert.Contains("POST /sapi/v1/userListenToken", margin.Replacement);
            }
            Assert.Equal(EndpointStatus.Active, Find("POST", "/sapi/v1/userListenToken").Status);
            Assert.Equal(EndpointStatus.Deprecated, Find("GET", "/sapi/v1/broker/subAccount/futuresSummary").Status);
            Assert.Null(Find("GET", "/sapi/v1/broker/subAccount/futuresSummary").RetiredOn);

            // a status rests on Binance's changelogs, not on presence in a download: still in the 2026-07 files, yet retired ...
            var in2026 = new HashSet<(string, string)>(Directory.GetFiles(Path.Combine(Fixtures.Postman2026, "collections"), "*.json")
                .SelectMany(f => Collections.PostmanFile.Read(f).Requests.Select(r => r.Endpoint)));
            Assert.Contains(("GET", "/sapi/v1/margin/leverageBracket"), in2026);
            Assert.Equal(EndpointStatus.Retired, Find("GET", "/sapi/v1/margin/leverageBracket").Status);
            Assert.Contains(("GET", "/papi/v1/um/conditional/orderHistory"), in2026);
            Assert.Equal(EndpointStatus.Retired, Find("GET", "/papi/v1/um/conditional/orderHistory").Status);
            // ... and missing from them, yet active when no changelog says otherwise
            Assert.DoesNotContain(("GET", "/sapi/v1/blvt/tokenInfo"), in2026);
            Assert.Equal(EndpointStatus.Active, Find("GET", "/sapi/v1/blvt/tokenInfo").Status);

            var flagged = all.Where(e => e.Status != EndpointStatus.Active).ToList();
            foreach (var e in flagged) _out.WriteLine($"{e.Status,-11}{(e.RetiredOn ?? e.DeprecatedOn):yyyy-MM-dd}  {e.Method,-7}{e.Path,-48}{e.Replacement}");
            _out.WriteLine($"{flagged.Count(e => e.IsRetired)} retired, {flagged.Count(e => !e.IsRetired)} deprecated of {all.Count} bundled requests");
            Assert.Equal(20, flagged.Count(e => e.IsRetired));
        }

        [Fact]
        public void EveryStatusInTheSourcesNamesItsSource()
        {
            var problems = new List<string>();
            int statuses = 0;
            foreach (string file in Directory.GetFiles(Path.Combine(Fixtures.RepoRoot, "collections", "source"), "*.collection.txt"))
            {
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    if (!lines[i].TrimStart().StartsWith("! ", StringComparison.Ordinal)) continue;
                    statuses++;
                    string previous = i > 0 ? lines[i - 1].Trim() : "";
                    if (!Regex.IsMatch(previous, @"^# source: https://\S+ .+"))
                        problems.Add($"{Path.GetFileName(file)}({i + 1}): status without a '# source: <url> <what it says>' line above it");
                }
            }
            Assert.True(statuses > 0);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
