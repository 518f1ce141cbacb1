using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// One JSON value to PowerShell, straight from the reader (no DOM): objects become PSObjects with note properties
    /// in Binance's order (or ordered hashtables), arrays object[], integral numbers Int64 (decimal when larger),
    /// other numbers decimal, never double, so prices keep their digits.
    /// </summary>
    internal static class JsonToPSObject
    {
        private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions { MaxDepth = 256 };

        public static object? Convert(ReadOnlySpan<byte> json, bool asHashtable)
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read()) return null;
            return ReadValue(ref reader, asHashtable);
        }

        /// <summary>For small replies held as text (the -Raw path's callers, tests).</summary>
        public static IEnumerable<object?> Emit(string json, bool asHashtable = false)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
            var streamer = new JsonValueStreamer(new System.IO.MemoryStream(bytes));
            var items = new List<object?>();
            foreach (ReadOnlyMemory<byte> value in streamer.Values()) items.Add(Convert(value.Span, asHashtable));
            return items;
        }

        private static object? ReadValue(ref Utf8JsonReader reader, bool asHashtable)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    return asHashtable ? ReadDictionary(ref reader) : ReadObject(ref reader);
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader, asHashtable));
                    return list.ToArray();
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out long l)) return l;
                    if (reader.TryGetDecimal(out decimal d)) return d;
                    throw new JsonException("The number " + System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) + " is too large for decimal; use -Raw to read it as text.");
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                default:
                    return null;
            }
        }

        private static PSObject ReadObject(ref Utf8JsonReader reader)
        {
            var obj = new PSObject();
            PSMemberInfoCollection<PSPropertyInfo> properties = obj.Properties;
            HashSet<string>? seen = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                object? value = ReadValue(ref reader, false);
                // preValidated skips PowerShell's costly member lookup; a repeated name keeps its first value
                seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (seen.Add(name)) properties.Add(new PSNoteProperty(name, value), true);
            }
            return obj;
        }

        private static OrderedDictionary ReadDictionary(ref Utf8JsonReader reader)
        {
            var table = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                object? value = ReadValue(ref reader, true);
                if (!table.Contains(name)) table[name] = value;
            }
            return table;
        }
    }
}
