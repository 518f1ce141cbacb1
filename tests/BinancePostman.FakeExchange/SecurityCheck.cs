using System;
using System.Globalization;

namespace BinancePostman.FakeExchange
{
    /// <summary>Binance's checks: API key, then signature over the raw query (less its last `signature`) plus the raw body, then time.</summary>
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
            string query = request.RawQuery;
            int at = query.StartsWith("signature=", StringComparison.Ordinal) ? 0 : query.LastIndexOf("&signature=", StringComparison.Ordinal);
            if (at < 0) throw ApiError.Mandatory("signature");
            string signatureField = query.Substring(at == 0 ? 0 : at + 1);
            if (signatureField.IndexOf('&') >= 0) throw new ApiError(400, -1022, "Signature for this request is not valid.");
            string signature = Uri.UnescapeDataString(signatureField.Substring("signature=".Length));
            string payload = query.Substring(0, at) + request.RawBody;
            if (!key.Verify(payload, signature)) throw ApiError.BadSignature();

            long timestamp = request.Long("timestamp") ?? throw ApiError.Mandatory("timestamp");
            decimal recvWindow = 5000;
            string? rw = request.Get("recvWindow");
            if (rw != null && (!decimal.TryParse(rw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out recvWindow) || recvWindow > 60000 || decimal.Round(recvWindow, 3) != recvWindow))
                throw new ApiError(400, -1131, "recvWindow must be less than 60000");
            long now = state.Now;
            if (timestamp > now + 1000 || now - timestamp > recvWindow) throw ApiError.Timestamp();
        }
    }
}
