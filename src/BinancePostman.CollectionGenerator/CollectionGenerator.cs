using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BinancePostman.CollectionGenerator.Output;
using BinancePostman.CollectionGenerator.Source;

namespace BinancePostman.CollectionGenerator
{
    /// <summary>
    /// Builds every bundled collection and environment from collections/source/, in memory.
    /// The same sources always give byte-identical texts.
    /// </summary>
    public static class CollectionGenerator
    {
        public const string SourceFolder = "collections/source";
        public const string RegenerateCommand = "dotnet run --project src/BinancePostman.CollectionGenerator -- .";

        /// <summary>Relative path ('/' separated, e.g. "collections/spot.postman_collection.json") to file text, in ordinal order.</summary>
        public static SortedDictionary<string, string> Generate(string repoRoot)
        {
            string sourceDir = Path.Combine(repoRoot, "collections", "source");
            var glossary = ParameterGlossary.Parse(Read(sourceDir, "parameters.txt"), "parameters.txt");
            string script = Read(sourceDir, "prerequest.js");
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);

            foreach (var collection in ReadCollections(sourceDir))
            {
                string path = $"collections/{collection.FileSlug}.postman_collection.json";
                if (files.ContainsKey(path)) throw new FormatException($"{collection.SourceFile}: a second collection named '{collection.Name}'");
                files.Add(path, CollectionJsonWriter.Write(collection, glossary, script));
            }
            foreach (var environment in EnvironmentSource.ParseAll(Read(sourceDir, "environments.txt"), "environments.txt"))
            {
                if (files.ContainsKey(environment.RelativePath)) throw new FormatException($"environments.txt: '{environment.Name}' appears twice");
                files.Add(environment.RelativePath, EnvironmentJsonWriter.Write(environment));
            }
            return files;
        }

        /// <summary>The parsed collection sources (*.collection.txt), in file-name order.</summary>
        public static IReadOnlyList<CollectionSource> ReadCollections(string sourceDir) =>
            Directory.GetFiles(sourceDir, "*.collection.txt")
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                .Select(f => CollectionSourceParser.Parse(File.ReadAllText(f), Path.GetFileName(f)))
                .ToList();

        private static string Read(string sourceDir, string fileName) => File.ReadAllText(Path.Combine(sourceDir, fileName));
    }
}
