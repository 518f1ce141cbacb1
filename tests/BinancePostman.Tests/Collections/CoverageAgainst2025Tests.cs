using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Collections
{
    /// <summary>Every (method, path) of Binance's 2025-03 collections is in the matching bundled collection.</summary>
    public class CoverageAgainst2025Tests
    {
        private readonly ITestOutputHelper _output;

        public CoverageAgainst2025Tests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void BundledCollectionsCoverEvery2025Endpoint()
        {
            var missing = new List<string>();
            int total = 0, covered = 0;
            foreach (var fixture in BundledFiles.Fixture2025ToOurs)
            {
                var theirs = PostmanFile.Read(Path.Combine(Fixtures.Postman2025, "collections", fixture.Key)).Requests
                    .Select(r => r.Endpoint).Distinct().ToList();
                var ours = BundledFiles.Collections.TryGetValue(fixture.Value, out var requests)
                    ? new HashSet<(string, string)>(requests.Select(r => r.Endpoint))
                    : new HashSet<(string, string)>();

                var notCovered = theirs.Where(e => !IsCovered(fixture.Value, e, ours)).ToList();
                int hit = theirs.Count - notCovered.Count;
                _output.WriteLine($"{fixture.Value,-18} {hit,4} / {theirs.Count,-4} unique endpoints ({Percent(hit, theirs.Count)}), {ours.Count} in ours");
                total += theirs.Count;
                covered += hit;
                missing.AddRange(notCovered.Select(e => $"{fixture.Value}: {e.Method} {e.Path}"));
            }
            _output.WriteLine($"{"Total",-18} {covered,4} / {total,-4} unique endpoints ({Percent(covered, total)})");

            Assert.True(missing.Count == 0, $"{missing.Count} endpoints of the 2025 fixtures are missing:\n  " + string.Join("\n  ", missing));
        }

        private static bool IsCovered(string collection, (string Method, string Path) endpoint, HashSet<(string, string)> ours) =>
            ours.Contains(endpoint) ||
            (Fixture2025Errata.Corrections.TryGetValue((collection, endpoint.Method, endpoint.Path), out var corrected) && ours.Contains(corrected));

        private static string Percent(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0") + "%";
    }
}
