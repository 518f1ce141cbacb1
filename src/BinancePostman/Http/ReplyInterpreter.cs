using System;
using System.Text.Json;

namespace BinancePostman.Http
{
    /// <summary>Turns a non-success reply into a BinanceApiException: Binance's {"code","msg"}, or whatever else came.</summary>
    public static class ReplyInterpreter
    {
        private const int ExcerptLength = 200;

        public static BinanceApiException ToException(int status, string? contentType, string body, string method, string safeUrl, string path)
        {
            if (TryReadBinanceError(body, out int code, out string? msg))
            {
                return new BinanceApiException(FailureClassifier.ForCode(code, status), $"Binance error {code} (HTTP {status}): {msg}", status, code, msg, method, safeUrl) { Path = path };
            }
            string what = string.IsNullOrWhiteSpace(body) ? "an empty body" : $"a {Describe(contentType)} body: {Excerpt(body)}";
            return new BinanceApiException(FailureClassifier.ForStatus(status), $"HTTP {status} from {method} {safeUrl} with {what}", status, null, null, method, safeUrl) { Path = path };
        }

        /// <summary>A 2xx reply that is not JSON (a captive portal or proxy page) is reported, never parsed.</summary>
        public static BinanceApiException? CheckSuccessBody(int status, string? contentType, string body, string method, string safeUrl)
        {
            string trimmed = body.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '"' || char.IsDigit(trimmed[0]) || trimmed[0] == '-'
                || trimmed.StartsWith("true", StringComparison.Ordinal) || trimmed.StartsWith("false", StringComparison.Ordinal) || trimmed.StartsWith("null", StringComparison.Ordinal))
                return null;
            return new BinanceApiException(FailureKind.NotJson, $"HTTP {status} from {method} {safeUrl} is not JSON but a {Describe(contentType)} body: {Excerpt(body)}",
                status, null, null, method, safeUrl) { Detail = FailureDetail.SomethingElseAnswered };
        }

        public static bool TryReadBinanceError(string body, out int code, out string? msg)
        {
            code = 0;
            msg = null;
            string t = body.TrimStart();
            if (t.Length == 0 || t[0] != '{') return false;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(body);
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out JsonElement c) || c.ValueKind != JsonValueKind.Number) return false;
                if (!c.TryGetInt32(out code)) return false;
                msg = root.TryGetProperty("msg", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return code != 0 && code != 200;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static string Describe(string? contentType) => string.IsNullOrEmpty(contentType) ? "non-JSON" : contentType!.Split(';')[0].Trim();

        private static string Excerpt(string body)
        {
            string flat = System.Text.RegularExpressions.Regex.Replace(body, @"\s+", " ").Trim();
            return flat.Length <= ExcerptLength ? "'" + flat + "'" : "'" + flat.Substring(0, ExcerptLength) + "…'";
        }
    }
}
