using System;
using System.Collections.Generic;
using System.Text.Json;

namespace BinancePostman.Http
{
    /// <summary>Reads the "rateLimits" array of an exchangeInfo reply (REQUEST_WEIGHT, ORDERS, RAW_REQUESTS).</summary>
    public static class ExchangeInfoLimits
    {
        public static bool IsExchangeInfoPath(string path) => path.EndsWith("/exchangeInfo", StringComparison.OrdinalIgnoreCase);

        /// <returns>the rules found, or null when the body has no readable rateLimits</returns>
        public static List<RateLimitRule>? TryRead(ReadOnlySpan<byte> json)
        {
            try
            {
                var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isLimits = reader.ValueTextEquals("rateLimits");
                    if (!reader.Read()) return null;
                    if (!isLimits)
                    {
                        reader.Skip();
                        continue;
                    }
                    if (reader.TokenType != JsonTokenType.StartArray) return null;
                    using JsonDocument doc = JsonDocument.ParseValue(ref reader);
                    return Rules(doc.RootElement);
                }
                return null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static List<RateLimitRule> Rules(JsonElement array)
        {
            var rules = new List<RateLimitRule>();
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                string? type = Text(item, "rateLimitType");
                RateLimitKind kind;
                switch (type)
                {
                    case "REQUEST_WEIGHT": kind = RateLimitKind.Weight; break;
                    case "ORDERS": kind = RateLimitKind.Orders; break;
                    case "RAW_REQUESTS": kind = RateLimitKind.RawRequests; break;
                    default: continue;
                }
                if (!Number(item, "intervalNum", out long n) || !Number(item, "limit", out long limit) || limit <= 0) continue;
                if (!RateInterval.TryFromExchangeInfo(Text(item, "interval"), n, out RateInterval interval)) continue;
                rules.Add(new RateLimitRule(kind, interval, limit));
            }
            return rules;
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static bool Number(JsonElement e, string name, out long value)
        {
            value = 0;
            return e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value);
        }
    }
}
