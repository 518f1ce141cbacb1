using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using BinancePostman.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>
    /// Compare-BinanceCollection's core on the real downloads: 2025-03 against 2026-07, and each against the bundled
    /// collections. The expected counts come from a reading of the raw JSON written here, not from the module's reader.
    /// </summary>
    public class CollectionComparerTests
    {
        private readonly ITestOutputHelper _out;

        public CollectionComparerTests(ITestOutputHelper output) => _out = output;

        private static string Bundle => Path.Combine(Fixtures.RepoRoot, "collections");

        [Theory]
        [InlineData("2025-03", "2026-07")]
        [InlineData("bundle", "2025-03")]
        [InlineData("bundle", "2026-07")]
        public void CountsMatchAnIndependentReadingOfTheFiles(string reference, string difference)
        {
            var expected = Expected(Folder(reference), Folder(difference));
            var actual = CollectionComparer.Compare(Load(reference), Load(difference));
            int added = actual.Count(d => d.Change == CollectionChange.Added);
            int removed = actual.Count(d => d.Change == CollectionChange.Removed);
            int changed = actual.Count(d => d.Change == CollectionChange.Changed);
            _out.WriteLine($"{reference} -> {difference}: {added} added, {removed} removed, {changed} changed (independent reading: {expected.Added.Count}, {expected.Removed.Count}, {expected.Changed.Count})");

            Assert.Equal(expected.Added.OrderBy(k => k).ToList(), actual.Where(d => d.Change == CollectionChange.Added).Select(Key).OrderBy(k => k).ToList());
            Assert.Equal(expected.Removed.OrderBy(k => k).ToList(), actual.Where(d => d.Change == CollectionChange.Removed).Select(Key).OrderBy(k => k).ToList());
            Assert.Equal(expected.Changed.OrderBy(k => k).ToList(), actual.Where(d => d.Change == CollectionChange.Changed).Select(Key).OrderBy(k => k).ToList());
            if (reference == "2025-03") Assert.Equal((310, 93, 84), (added, removed, changed));
        }

        [Fact]
        public void AChangedEndpointSaysWhatChanged()
        {
            var differences = CollectionComparer.Compare(Load("2025-03"), Load("2026-07"));
            var depth = differences.Single(d => d.Method == "GET" && d.Path == "/api/v3/depth");
            Assert.Equal(CollectionChange.Changed, depth.Change);
            Assert.Equal("<>", depth.SideIndicator);
            Assert.Contains("symbolStatus", depth.ParametersAdded.Split(new[] { ", " }, StringSplitOptions.None));
            Assert.Equal("Spot", depth.Api);
            var gone = differences.Single(d => d.Method == "POST" && d.Path == "/api/v3/userDataStream");
            Assert.Equal(CollectionChange.Removed, gone.Change);
            Assert.Equal("<=", gone.SideIndicator);
            Assert.Equal("Binance Spot API", gone.Collection);

            // against the bundle, the reference knows which removed endpoints Binance retired
            var bundleToNew = CollectionComparer.Compare(Load("bundle"), Load("2026-07"));
            Assert.Equal(EndpointStatus.Retired, bundleToNew.Single(d => d.Method == "POST" && d.Path == "/api/v3/userDataStream").Status);
            Assert.Equal(EndpointStatus.Active, bundleToNew.Single(d => d.Method == "GET" && d.Path == "/sapi/v1/blvt/tokenInfo").Status);
            Assert.Equal(bundleToNew.Count + CollectionComparer.Compare(Load("bundle"), Load("2026-07"), includeEqual: true).Count(d => d.Change == CollectionChange.Equal),
                CollectionComparer.Compare(Load("bundle"), Load("2026-07"), includeEqual: true).Count);
        }

        [Fact]
        public void AZipWithItsTopFolderReadsLikeTheFolder()
        {
            string zip = Path.Combine(Path.GetTempPath(), "bp-compare-" + Guid.NewGuid().ToString("N") + ".zip");
            try
            {
                using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
                    foreach (string file in Directory.GetFiles(Fixtures.Postman2026, "*", SearchOption.AllDirectories))
                        archive.CreateEntryFromFile(file, "binance-api-postman-master/" + Path.GetRelativePath(Fixtures.Postman2026, file).Replace('\\', '/'));
                var fromZip = CollectionDownload.Open(zip);
                Assert.Empty(fromZip.Failures);
                Assert.Equal(25, fromZip.Collections.Count);
                Assert.Empty(CollectionComparer.Compare(Load("2026-07"), fromZip.Collections));
            }
            finally { File.Delete(zip); }
        }

        [Fact]
        public void ABrokenFileIsOneFailureAndTheRestStillCompare()
        {
            string folder = Path.Combine(Path.GetTempPath(), "bp-compare-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(Path.Combine(folder, "collections"));
                foreach (string file in Directory.GetFiles(Path.Combine(Fixtures.Postman2026, "collections")))
                    File.Copy(file, Path.Combine(folder, "collections", Path.GetFileName(file)));
                File.WriteAllText(Path.Combine(folder, "collections", "Binance Alpha API.json"), "{ \"info\": { \"name\": \"Alpha\", ");
                var download = CollectionDownload.Open(folder);
                var failure = Assert.Single(download.Failures);
                Assert.Equal(CollectionLoadError.InvalidJson, failure.Error);
                Assert.EndsWith("Binance Alpha API.json", failure.File);
                Assert.Equal(24, download.Collections.Count);
                var differences = CollectionComparer.Compare(Load("2026-07"), download.Collections);
                Assert.Equal(6, differences.Count(d => d.Change == CollectionChange.Removed && d.Api == "Alpha"));
                Assert.Equal(6, differences.Count);
            }
            finally { Directory.Delete(folder, recursive: true); }
        }

        [Fact]
        public void AZipThatIsNotBinancesLayoutSaysSo()
        {
            string zip = Path.Combine(Path.GetTempPath(), "bp-compare-" + Guid.NewGuid().ToString("N") + ".zip");
            string notZip = zip + ".txt";
            try
            {
                using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
                    archive.CreateEntry("docs/readme.md");
                var ex = Assert.Throws<CollectionLoadException>(() => CollectionDownload.Open(zip));
                Assert.Equal(CollectionLoadError.NotBinanceDownload, ex.Error);
                Assert.Contains("not a download of Binance's binance-api-postman", ex.Message);
                File.WriteAllText(notZip, "hello");
                Assert.Equal(CollectionLoadError.NotBinanceDownload, Assert.Throws<CollectionLoadException>(() => CollectionDownload.Open(notZip)).Error);
                Assert.Equal(CollectionLoadError.FileNotFound, Assert.Throws<CollectionLoadException>(() => CollectionDownload.Open(zip + ".missing")).Error);
            }
            finally { File.Delete(zip); File.Delete(notZip); }
        }

        private static string Key(CollectionDifference d) => $"{d.Api}|{d.Method}|{d.Path}";

        private static string Folder(string which) => which == "bundle" ? Bundle
            : Path.Combine(which == "2025-03" ? Fixtures.Postman2025 : Fixtures.Postman2026, "collections");

        private static List<PostmanCollection> Load(string which) =>
            CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(Folder(which)), PostmanCollectionReader.ReadFile).loaded;

        // ---- the independent reading: raw JSON, its own walk, its own idea of the API and the parameters

        private static (List<string> Added, List<string> Removed, List<string> Changed) Expected(string referenceFolder, string differenceFolder)
        {
            var r = Read(referenceFolder);
            var d = Read(differenceFolder);
            var added = d.Keys.Where(k => !r.ContainsKey(k)).ToList();
            var removed = r.Keys.Where(k => !d.ContainsKey(k)).ToList();
            var changed = d.Keys.Where(k => r.ContainsKey(k) && !SameParameters(r[k], d[k])).ToList();
            return (added, removed, changed);
        }

        private static bool SameParameters(Dictionary<string, bool> a, Dictionary<string, bool> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out bool required) && required == p.Value);

        /// <summary>"Api|METHOD|/path" to parameter name -> required (union over repeated listings, required if any listing requires it).</summary>
        private static Dictionary<string, Dictionary<string, bool>> Read(string folder)
        {
            var endpoints = new Dictionary<string, Dictionary<string, bool>>();
            foreach (string file in Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith(".postman_environment.json")))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                bool coinFile = Path.GetFileName(file).IndexOf("coin", StringComparison.OrdinalIgnoreCase) >= 0;
                Walk(doc.RootElement.GetProperty("item"), coinFile, endpoints);
            }
            return endpoints;
        }

        private static void Walk(JsonElement items, bool coinFile, Dictionary<string, Dictionary<string, bool>> into)
        {
            foreach (JsonElement item in items.EnumerateArray())
            {
                if (item.TryGetProperty("item", out JsonElement children)) { Walk(children, coinFile, into); continue; }
                JsonElement request = item.GetProperty("request");
                JsonElement url = request.GetProperty("url");
                string path = "/" + string.Join("/", url.GetProperty("path").EnumerateArray().Select(s => s.GetString()));
                string key = ApiOf(path, coinFile) + "|" + request.GetProperty("method").GetString()!.ToUpperInvariant() + "|" + path;
                if (!into.TryGetValue(key, out var parameters)) into[key] = parameters = new Dictionary<string, bool>();
                var lists = new List<JsonElement>();
                if (url.TryGetProperty("query", out JsonElement query)) lists.Add(query);
                if (request.TryGetProperty("body", out JsonElement body) && body.ValueKind == JsonValueKind.Object)
                    foreach (string mode in new[] { "urlencoded", "formdata" })
                        if (body.TryGetProperty(mode, out JsonElement list) && list.ValueKind == JsonValueKind.Array) lists.Add(list);
                foreach (JsonElement entry in lists.SelectMany(l => l.EnumerateArray()))
                {
                    string name = entry.GetProperty("key").GetString()!;
                    if (name == "timestamp" || name == "signature" || name == "recvWindow") continue;
                    bool required = !(entry.TryGetProperty("disabled", out JsonElement disabled) && disabled.ValueKind == JsonValueKind.True);
                    parameters[name] = (parameters.TryGetValue(name, out bool before) && before) || required;
                }
            }
        }

        private static string ApiOf(string path, bool coinFile)
        {
            switch (path.Split('/')[1])
            {
                case "api": case "sapi": return "Spot";
                case "fapi": return "USDs-M Futures";
                case "dapi": return "Coin-M Futures";
                case "eapi": return "European Options";
                case "papi": return "Portfolio Margin";
                case "bapi": return "Alpha";
                case "futures": return coinFile ? "Coin-M Futures" : "USDs-M Futures";
                default: return "?";
            }
        }
    }
}
