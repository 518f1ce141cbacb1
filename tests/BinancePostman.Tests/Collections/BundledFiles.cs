using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace BinancePostman.Tests.Collections
{
    /// <summary>The project's own committed collections and environments, and the seven collections it promises.</summary>
    internal static class BundledFiles
    {
        public static readonly IReadOnlyList<string> CollectionNames =
            new[] { "Spot", "USDs-M Futures", "Coin-M Futures", "European Options", "Broker", "Portfolio Margin", "Alpha" };

        /// <summary>Our collection name for each 2025-generation fixture file.</summary>
        public static readonly IReadOnlyDictionary<string, string> Fixture2025ToOurs = new Dictionary<string, string>
        {
            ["Binance Spot API.postman_collection.json"] = "Spot",
            ["Binance USDs-M Futures API.postman_collection.json"] = "USDs-M Futures",
            ["Binance Coin-M Futures API.postman_collection.json"] = "Coin-M Futures",
            ["Binance European Options API.postman_collection.json"] = "European Options",
            ["Binance Broker API.postman_collection.json"] = "Broker",
        };

        public static string CollectionsDir => Path.Combine(Fixtures.RepoRoot, "collections");
        public static string EnvironmentsDir => Path.Combine(Fixtures.RepoRoot, "environments");

        public static IEnumerable<string> CollectionFiles() =>
            Directory.Exists(CollectionsDir)
                ? Directory.GetFiles(CollectionsDir, "*.postman_collection.json").OrderBy(f => f)
                : Enumerable.Empty<string>();

        public static IEnumerable<string> EnvironmentFiles() =>
            Directory.Exists(EnvironmentsDir)
                ? Directory.GetFiles(EnvironmentsDir, "*.postman_environment.json", SearchOption.AllDirectories).OrderBy(f => f)
                : Enumerable.Empty<string>();

        /// <summary>Our committed collections, read once, by info.name.</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<PostmanRequest>> Collections { get; } =
            CollectionFiles().Select(PostmanFile.Read).ToDictionary(c => c.Name, c => c.Requests);

        public static string RelativePath(string file) =>
            Path.GetRelativePath(Fixtures.RepoRoot, file).Replace(Path.DirectorySeparatorChar, '/');
    }
}
