using System;
using System.Globalization;

namespace BinancePostman.FakeExchange
{
    /// <summary>Binance's checks: API key, then signature over the raw query plus the raw body (less the `signature` that ends either), then time.</summary>
    public static class SecurityCheck
    {
        public static void Apply(ExchangeRequest request, string security, ExchangeState state)
        {
            if (security == "NONE") return;
            if (string.IsNullOrEmpty(request.ApiKey)) throw ApiError.KeyFormat();
            FakeKey key = state.Keys.Find(request.ApiKey!) ?? throw ApiError.KeyRejected();
            request.Key = key;
            if (security == "USER_DATA" || security == "TRADE" || security == "MARGIN")
                CheckSigned(request, key, state);
        }

        public static void CheckSigned(ExchangeRequest request, FakeKey key, ExchangeState state)
        {
            // Binance signs "totalParams": the query string and then the body, as sent; `signature` travels last in either
            string query = request.RawQuery, body = request.RawBody;
            string? signature = TakeSignature(ref body) ?? TakeSignature(ref query);
            if (signature == null) throw ApiError.Mandatory("signature");
            if (!key.Verify(query + body, signature)) throw ApiError.BadSignature();

            long timestamp = request.Long("timestamp") ?? throw ApiError.Mandatory("timestamp");
            decimal recvWindow = 5000;
            string? rw = request.Get("recvWindow");
            if (rw != null && (!decimal.TryParse(rw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out recvWindow) || recvWindow > 60000 || decimal.Round(recvWindow, 3) != recvWindow))
                throw new ApiError(400, -1131, "recvWindow must be less than 60000");
            long now = state.Now;
            if (timestamp > now + 1000 || now - timestamp > recvWindow) throw ApiError.Timestamp();
        }

        /// <summary>Cuts a trailing `signature=` field off raw form text; null when the text carries none.</summary>
        private static string? TakeSignature(ref string raw)
        {
            int at = raw.StartsWith("signature=", StringComparison.Ordinal) ? 0 : raw.LastIndexOf("&signature=", StringComparison.Ordinal);
            if (at < 0) return null;
            string field = raw.Substring(at == 0 ? 0 : at + 1);
            if (field.IndexOf('&') >= 0) throw new ApiError(400, -1022, "Signature for this request is not valid.");
            raw = raw.Substring(0, at);
            return Uri.UnescapeDataString(field.Substring("signature=".Length));
        }
    }
}
