using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// The line each value of a JSON file starts on, by its path (`item[2].event[0].script.exec[4]`), so findings
    /// can say where in the file they are. JsonDocument keeps no positions; one reader pass does, on the first
    /// question, and keeps only the places findings point at (scripts, URLs, headers, parameters, variables).
    /// </summary>
    internal sealed class JsonLineMap
    {
        private static readonly HashSet<string> Lists = new HashSet<string>(StringComparer.Ordinal)
            { ".exec", ".values", ".variable", ".header", ".query", ".urlencoded", ".formdata" };

        private readonly ReadOnlyMemory<byte> _json;
        private Dictionary<string, int>? _lines;

        public JsonLineMap(ReadOnlyMemory<byte> json) => _json = json;

        public int? LineOf(string path)
        {
            if (_lines == null)
            {
                _lines = new Dictionary<string, int>(StringComparer.Ordinal);
                try
                {
                    Build(_json.Span);
                }
                catch (JsonException)
                {
                    // the document itself was read already; a map that stops early only means fewer line numbers
                }
            }
            return _lines.TryGetValue(path, out int line) ? line : (int?)null;
        }

        private static bool Wanted(List<string> path)
        {
            int n = path.Count;
            if (n == 0) return false;
            string last = path[n - 1];
            if (last == ".url" || last == ".exec") return true;
            if (last[0] != '[' || n < 2) return false;
            return Lists.Contains(path[n - 2]) || (n >= 3 && path[n - 3] == ".auth");
        }

        private void Build(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
            var path = new List<string>();       // segments: ".name" or "[i]"
            var index = new List<int>();         // per open container: next array index, or -1 for an object
            string? pendingName = null;
            int line = 1;
            long counted = 0;

            while (reader.Read())
            {
                long start = reader.TokenStartIndex;
                for (long i = counted; i < start; i++)
                    if (json[(int)i] == (byte)'\n') line++;
                counted = start;

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingName = reader.GetString();
                    continue;
                }
                if (reader.TokenType == JsonTokenType.EndObject || reader.TokenType == JsonTokenType.EndArray)
                {
                    index.RemoveAt(index.Count - 1);
                    if (index.Count > 0) path.RemoveAt(path.Count - 1); // every container but the root has a segment
                    continue;
                }
                // a value: name it from its parent
                if (index.Count > 0)
                {
                    int top = index.Count - 1;
                    string segment = index[top] >= 0 ? "[" + index[top]++ + "]" : "." + pendingName;
                    path.Add(segment);
                }
                if (Wanted(path)) _lines![Join(path)] = line;
                if (reader.TokenType == JsonTokenType.StartObject) index.Add(-1);
                else if (reader.TokenType == JsonTokenType.StartArray) index.Add(0);
                else if (path.Count > 0) path.RemoveAt(path.Count - 1);
            }
        }

        private static string Join(List<string> segments)
        {
            var sb = new StringBuilder();
            foreach (string s in segments) sb.Append(s);
            return sb.Length > 0 && sb[0] == '.' ? sb.ToString(1, sb.Length - 1) : sb.ToString();
        }
    }
}
