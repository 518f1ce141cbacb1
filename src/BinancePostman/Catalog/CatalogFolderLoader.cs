using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace BinancePostman.Catalog
{
    /// <summary>Expands files and folders into collection or environment files, and loads each on its own.</summary>
    public static class CatalogFolderLoader
    {
        /// <summary>Collection files in a folder (recursive): *.json that are not environments by name.</summary>
        public static IEnumerable<string> CollectionFiles(string folder) =>
            Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".postman_environment.json", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal);

        public static IEnumerable<string> EnvironmentFiles(string folder) =>
            Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);

        /// <summary>Loads every file; failures are returned, not thrown, so one broken file does not stop the rest.</summary>
        public static (List<T> loaded, List<CollectionLoadException> failed) LoadEach<T>(IEnumerable<string> files, Func<string, T> read)
        {
            var loaded = new List<T>();
            var failed = new List<CollectionLoadException>();
            foreach (string file in files)
            {
                try { loaded.Add(read(file)); }
                catch (CollectionLoadException ex) { failed.Add(ex); }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    failed.Add(new CollectionLoadException(file, CollectionLoadError.FileNotFound, "The file cannot be read: " + ex.Message, inner: ex));
                }
            }
            return (loaded, failed);
        }
    }
}
