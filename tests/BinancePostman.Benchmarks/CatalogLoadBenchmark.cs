using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BinancePostman.Catalog;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// Loading every fixture collection (both generations, 1,274 requests) into the catalog, against the floor of
    /// JsonDocument.Parse over the same bytes. Goal: within 2x of the floor.
    /// </summary>
    [MemoryDiagnoser]
    public class CatalogLoadBenchmark
    {
        private List<(string path, byte[] bytes)> _files = new List<(string, byte[])>();

        [GlobalSetup]
        public void Setup()
        {
            _files = Directory.EnumerateFiles(RepoPaths.Fixtures, "*.json", SearchOption.AllDirectories)
                .Where(f => f.Contains(Path.DirectorySeparatorChar + "collections" + Path.DirectorySeparatorChar))
                .OrderBy(f => f)
                .Select(f => (f, File.ReadAllBytes(f)))
                .ToList();
        }

        [Benchmark(Baseline = true, Description = "JsonDocument.Parse (floor)")]
        public int ParseOnly()
        {
            int n = 0;
            foreach (var (_, bytes) in _files)
            {
                using JsonDocument doc = JsonDocument.Parse(bytes);
                n += doc.RootElement.GetArrayLength2();
            }
            return n;
        }

        [Benchmark(Description = "PostmanCollectionReader (catalog load)")]
        public int LoadCatalog()
        {
            var catalog = new EndpointCatalog();
            foreach (var (path, bytes) in _files)
                catalog.AddCollection(PostmanCollectionReader.Parse(bytes, path));
            return catalog.Endpoints.Count;
        }
    }

    internal static class JsonElementExtensions
    {
        /// <summary>Touches the root so the parse cannot be skipped.</summary>
        public static int GetArrayLength2(this JsonElement root) =>
            root.TryGetProperty("item", out JsonElement items) ? items.GetArrayLength() : 0;
    }
}
