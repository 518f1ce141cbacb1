using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// The collections of a binance-api-postman download as the user has it: the repository folder (or its collections
    /// folder), or the zip GitHub serves, with or without its top folder. Both generations' layouts: collections/*.json
    /// (2026) and collections/*.postman_collection.json (2025); environments are not compared. Each file loads on its
    /// own: a broken one is a failure, the others still load.
    /// </summary>
    public sealed class CollectionDownload
    {
        private CollectionDownload(string source, List<PostmanCollection> collections, List<CollectionLoadException> failures)
        {
            Source = source;
            Collections = collections;
            Failures = failures;
        }

        public string Source { get; }
        public IReadOnlyList<PostmanCollection> Collections { get; }
        public IReadOnlyList<CollectionLoadException> Failures { get; }

        /// <exception cref="CollectionLoadException">the path is missing, or is not a download of Binance's layout</exception>
        public static CollectionDownload Open(string path)
        {
            if (Directory.Exists(path)) return OpenFolder(path);
            if (!File.Exists(path))
                throw new CollectionLoadException(path, CollectionLoadError.FileNotFound, "The path does not exist. Give the folder or zip of Binance's binance-api-postman download.");
            return OpenZip(path);
        }

        /// <summary>The collections folder: path/collections, path/&lt;top folder&gt;/collections, or path itself when it holds collection files.</summary>
        private static CollectionDownload OpenFolder(string path)
        {
            string? folder = Path.Combine(path, "collections");
            if (!Directory.Exists(folder))
                folder = Directory.GetDirectories(path).Select(d => Path.Combine(d, "collections")).Where(Directory.Exists).OrderBy(d => d, StringComparer.Ordinal).FirstOrDefault();
            if (folder == null && string.Equals(Path.GetFileName(path.TrimEnd('/', '\\')), "collections", StringComparison.OrdinalIgnoreCase))
                folder = path;
            if (folder == null || !Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Any())
                throw NotBinance(path, "The folder holds no collections folder of Postman collections (*.json), as Binance's binance-api-postman download does.");
            var (loaded, failed) = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(folder), PostmanCollectionReader.ReadFile);
            return new CollectionDownload(path, loaded, failed);
        }

        private static CollectionDownload OpenZip(string path)
        {
            var loaded = new List<PostmanCollection>();
            var failed = new List<CollectionLoadException>();
            ZipArchive zip;
            try { zip = ZipFile.OpenRead(path); }
            catch (InvalidDataException)
            {
                throw NotBinance(path, "The file is neither a folder nor a zip archive. Give the folder or zip of Binance's binance-api-postman download.");
            }
            using (zip)
            {
                var entries = zip.Entries
                    .Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                        && !e.Name.EndsWith(".postman_environment.json", StringComparison.OrdinalIgnoreCase)
                        && IsUnderCollections(e.FullName))
                    .OrderBy(e => e.FullName, StringComparer.Ordinal)
                    .ToList();
                if (entries.Count == 0)
                    throw NotBinance(path, "The zip holds no collections/ folder of Postman collections (*.json): it is not a download of Binance's binance-api-postman repository.");
                foreach (ZipArchiveEntry entry in entries)
                {
                    string name = path + "!/" + entry.FullName;
                    try
                    {
                        byte[] bytes;
                        using (Stream s = entry.Open())
                        using (var copy = new MemoryStream())
                        {
                            s.CopyTo(copy);
                            bytes = copy.ToArray();
                        }
                        loaded.Add(PostmanCollectionReader.Parse(bytes, name));
                    }
                    catch (CollectionLoadException ex) { failed.Add(ex); }
                    catch (InvalidDataException ex) { failed.Add(new CollectionLoadException(name, CollectionLoadError.FileNotFound, "The zip entry cannot be read: " + ex.Message, inner: ex)); }
                }
            }
            return new CollectionDownload(path, loaded, failed);
        }

        /// <summary>"collections/x.json" or "binance-api-postman-1.2/collections/x.json" (at most one folder above).</summary>
        private static bool IsUnderCollections(string fullName)
        {
            string[] parts = fullName.Replace('\\', '/').Split('/');
            int at = Array.FindIndex(parts, p => string.Equals(p, "collections", StringComparison.OrdinalIgnoreCase));
            return at >= 0 && at <= 1 && at < parts.Length - 1;
        }

        private static CollectionLoadException NotBinance(string path, string reason) =>
            new CollectionLoadException(path, CollectionLoadError.NotBinanceDownload, reason);
    }
}
