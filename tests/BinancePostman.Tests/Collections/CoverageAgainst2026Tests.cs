using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Collections
{
    /// <summary>
    /// Endpoints of Binance's 2026-07 collections that belong to the bundled APIs (/api, /sapi, /fapi, /dapi, /eapi,
    /// /futures/data, Portfolio Margin's /papi and Alpha's /bapi) are in the bundled collections too: all of them.
    /// </summary>
    public class CoverageAgainst2026Tests
    {
        private static readonly string[] OurPrefixes = { "/api/", "/sapi/", "/fapi/", "/dapi/", "/eapi/", "/futures/data/", "/papi/", "/bapi/" };

        private readonly ITestOutputHelper _output;

        public CoverageAgainst2026Tests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void BundledCollectionsCoverThe2026EndpointsOfTheirApis()
        {
            var ours = new HashSet<(string, string)>(BundledFiles.Collections.Values.SelectMany(c => c).Select(r => r.Endpoint));
            var missing = new List<string>();
            int total = 0;
            foreach (string file in Directory.GetFiles(Path.Combine(Fixtures.Postman2026, "collections"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                var theirs = PostmanFile.Read(file).Requests.Select(r => r.Endpoint)
                    .Where(e => OurPrefixes.Any(p => e.Path.StartsWith(p, StringComparison.Ordinal))).Distinct().ToList();
                if (theirs.Count == 0) continue;
                var notCovered = theirs.Where(e => !ours.Contains(e)).ToList();
                _output.WriteLine($"{Path.GetFileNameWithoutExtension(file),-55} {theirs.Count - notCovered.Count,4} / {theirs.Count}");
                total += theirs.Count;
                missing.AddRange(notCovered.Select(e => $"{Path.GetFileName(file)}: {e.Method} {e.Path}"));
            }
            _output.WriteLine($"{"Total",-55} {total - missing.Count,4} / {total}");
            Assert.True(missing.Count == 0, "Not in the bundled collections:\n  " + string.Join("\n  ", missing));
        }
    }
}
