using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BinancePostman.CollectionGenerator.Output
{
    /// <summary>Writes JSON the same way on every machine: two-space indent, "\n" line ends, readable characters, final newline.</summary>
    public static class JsonText
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static string Write(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, Options))
                write(writer);
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }
}
