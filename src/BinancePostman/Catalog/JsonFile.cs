using System;
using System.IO;
using System.Text.Json;

namespace BinancePostman.Catalog
{
    /// <summary>Reads a JSON file into a document, turning every failure into a CollectionLoadException that names the file.</summary>
    internal static class JsonFile
    {
        private static readonly JsonDocumentOptions Options = new JsonDocumentOptions
        {
            MaxDepth = 256,
        };

        public static JsonDocument Read(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (FileNotFoundException ex)
            {
                throw new CollectionLoadException(path, CollectionLoadError.FileNotFound, "The file does not exist.", inner: ex);
            }
            catch (DirectoryNotFoundException ex)
            {
                throw new CollectionLoadException(path, CollectionLoadError.FileNotFound, "The folder of the file does not exist.", inner: ex);
            }
            return Parse(bytes, path);
        }

        public static JsonDocument Parse(byte[] bytes, string? path)
        {
            ReadOnlyMemory<byte> json = bytes;
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) json = json.Slice(3);
            if (IsBlank(json.Span))
                throw new CollectionLoadException(path, CollectionLoadError.EmptyFile, "The file is empty. Export the collection from Postman again (Collection v2.1).");
            try
            {
                return JsonDocument.Parse(json, Options);
            }
            catch (JsonException ex)
            {
                long? line = ex.LineNumber + 1;
                long? position = ex.BytePositionInLine + 1;
                throw new CollectionLoadException(path, CollectionLoadError.InvalidJson,
                    "The file is not valid JSON: " + FirstSentence(ex.Message) + " Fix or re-export the file.", line, position, ex);
            }
        }

        private static bool IsBlank(ReadOnlySpan<byte> span)
        {
            foreach (byte b in span)
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n') return false;
            return true;
        }

        // System.Text.Json appends "Path: $ | LineNumber: ..." which the exception's own fields already say.
        private static string FirstSentence(string message)
        {
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            string text = cut > 0 ? message.Substring(0, cut) : message;
            return text.TrimEnd().EndsWith(".", StringComparison.Ordinal) ? text.TrimEnd() : text.TrimEnd() + ".";
        }
    }
}
