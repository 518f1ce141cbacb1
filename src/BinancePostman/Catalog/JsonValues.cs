using System.Text.Json;

namespace BinancePostman.Catalog
{
    /// <summary>Lenient reads of the loosely typed values Postman files hold.</summary>
    internal static class JsonValues
    {
        public static string? String(JsonElement parent, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out JsonElement value)) return null;
            return AsString(value);
        }

        public static string? AsString(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False: return value.GetRawText();
                default: return null;
            }
        }

        /// <summary>Postman writes `disabled` as a boolean, sometimes as a string.</summary>
        public static bool IsTrue(JsonElement parent, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out JsonElement value)) return false;
            return value.ValueKind == JsonValueKind.True
                || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", System.StringComparison.OrdinalIgnoreCase));
        }

        public static bool TryArray(JsonElement parent, string name, out JsonElement array)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out array) && array.ValueKind == JsonValueKind.Array)
                return true;
            array = default;
            return false;
        }

        /// <summary>A description is a string or an object { content, type }.</summary>
        public static string? Description(JsonElement parent)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty("description", out JsonElement d)) return null;
            if (d.ValueKind == JsonValueKind.String) return d.GetString();
            if (d.ValueKind == JsonValueKind.Object) return String(d, "content");
            return null;
        }
    }
}
