using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// JSON to PowerShell objects: objects become PSObjects with note properties in Binance's order, integral numbers
    /// Int64, other numbers decimal (never double: prices keep their digits), a top-level array one object per element.
    /// </summary>
    internal static class JsonToPSObject
    {
        /// <summary>The objects to write for a reply: the elements of a top-level array, or the single value.</summary>
        public static IEnumerable<object?> Emit(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            JsonElement root = doc.RootElement;
            var items = new List<object?>();
            if (root.ValueKind == JsonValueKind.Array)
                foreach (JsonElement e in root.EnumerateArray()) items.Add(Convert(e));
            else
                items.Add(Convert(root));
            return items;
        }

        public static object? Convert(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new PSObject();
                    PSMemberInfoCollection<PSPropertyInfo> properties = obj.Properties;
                    HashSet<string>? seen = null;
                    foreach (JsonProperty p in e.EnumerateObject())
                    {
                        // preValidated skips PowerShell's costly member lookup; duplicates are caught here instead
                        seen ??= new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                        if (seen.Add(p.Name)) properties.Add(new PSNoteProperty(p.Name, Convert(p.Value)), true);
                    }
                    return obj;
                case JsonValueKind.Array:
                    var list = new object?[e.GetArrayLength()];
                    int i = 0;
                    foreach (JsonElement x in e.EnumerateArray()) list[i++] = Convert(x);
                    return list;
                case JsonValueKind.String:
                    return e.GetString();
                case JsonValueKind.Number:
                    if (e.TryGetInt64(out long l)) return l;
                    if (e.TryGetDecimal(out decimal d)) return d;
                    throw new JsonException("The number " + e.GetRawText() + " is too large for decimal.");
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
