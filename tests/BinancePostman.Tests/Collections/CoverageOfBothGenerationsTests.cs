using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Collections
{
    /// <summary>
    /// Every distinct (method, path) of Binance's two Postman generations together is in some bundled collection: 829 of
    /// 829. The four 2025-03 errata (Fixture2025Errata) count as covered by the endpoint Binance actually serves.
    /// </summary>
    public class CoverageOfBothGenerationsTests
    {
        private const int UnionOfBothGenerations = 829;

        private readonly ITestOutputHelper _output;

        public CoverageOfBothGenerationsTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void BundledCollectionsCoverTheUnionOfBothGenerations()
        {
            var union = new HashSet<(string Method, string Path)>();
            var errata = new Dictionary<(string, string), (string, string)>();
            foreach (string file in Directory.GetFiles(Path.Combine(Fixtures.Postman2025, "collections"), "*.json"))
                union.UnionWith(PostmanFile.Read(file).Requests.Select(r => r.Endpoint));
            foreach (string file in Directory.GetFiles(Path.Combine(Fixtures.Postman2026, "collections"), "*.json"))
                union.UnionWith(PostmanFile.Read(file).Requests.Select(r => r.Endpoint));
            foreach (var correction in Fixture2025Errata.Corrections)
                errata[(correction.Key.Method, correction.Key.Path)] = correction.Value;

            var ours = new HashSet<(string, string)>(BundledFiles.Collections.Values.SelectMany(c => c).Select(r => r.Endpoint));
            var missing = union.Where(e => !ours.Contains(e) && !(errata.TryGetValue(e, out var fixedEndpoint) && ours.Contains(fixedEndpoint)))
                .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
            int covered = union.Count - missing.Count;

            _output.WriteLine($"Coverage of both Binance generations (2025-03 and 2026-07), distinct (method, path): {covered} of {union.Count}");
            _output.WriteLine($"  of which 2025-03 errata covered by their corrected endpoints: {errata.Keys.Count(union.Contains)}");
            _output.WriteLine($"  bundled requests: {BundledFiles.Collections.Values.Sum(c => c.Count)} in {BundledFiles.Collections.Count} collections, {ours.Count} distinct (method, path)");

            Assert.Equal(UnionOfBothGenerations, union.Count);
            Assert.True(missing.Count == 0, "Not bundled:\n  " + string.Join("\n  ", missing.Select(e => e.Method + " " + e.Path)));
            Assert.Equal(UnionOfBothGenerations, covered);
        }
    }
}
