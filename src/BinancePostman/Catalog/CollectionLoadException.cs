using System;
using System.IO;

namespace BinancePostman.Catalog
{
    /// <summary>A collection or environment file that could not be loaded: names the file, the reason and, for JSON, where.</summary>
    public sealed class CollectionLoadException : Exception
    {
        public CollectionLoadException(string? file, CollectionLoadError error, string reason, long? line = null, long? position = null, Exception? inner = null)
            : base(Compose(file, reason, line, position), inner)
        {
            File = file;
            Error = error;
            Reason = reason;
            Line = line;
            Position = position;
        }

        public string? File { get; }
        public CollectionLoadError Error { get; }
        public string Reason { get; }
        /// <summary>1-based line of a JSON error.</summary>
        public long? Line { get; }
        /// <summary>1-based byte position within that line.</summary>
        public long? Position { get; }

        private static string Compose(string? file, string reason, long? line, long? position)
        {
            string where = file == null ? "" : Path.GetFileName(file);
            if (line != null) where += $" (line {line}, position {position})";
            return where.Length == 0 ? reason : where + ": " + reason;
        }
    }

    /// <summary>The class of failure: each has its own error id in the cmdlets.</summary>
    public enum CollectionLoadError
    {
        FileNotFound,
        EmptyFile,
        InvalidJson,
        NotACollection,
        EnvironmentGivenAsCollection,
        CollectionGivenAsEnvironment,
        PostmanV1Collection,
        UnknownSchema,
        NotAnEnvironment,
        /// <summary>A folder or zip that holds no collections/ folder of Postman collections, as Binance's download does.</summary>
        NotBinanceDownload,
    }
}
