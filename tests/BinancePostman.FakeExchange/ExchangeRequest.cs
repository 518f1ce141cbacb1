using System;
using System.Collections.Generic;
using System.Globalization;

namespace BinancePostman.FakeExchange
{
    /// <summary>A request as the exchange reads it: raw query and body for the signature, decoded parameters for the rest.</summary>
    public sealed class ExchangeRequest
    {
        public ExchangeRequest(string method, string path, string rawQuery, string rawBody, string? apiKey)
        {
            Method = method;
            Path = path;
            RawQuery = rawQuery;
            RawBody = rawBody;
            ApiKey = apiKey;
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            Parse(rawQuery);
            Parse(rawBody);
        }

        public string Method { get; }
        public string Path { get; }
        public string RawQuery { get; }
        public string RawBody { get; }
        public string? ApiKey { get; }
        public Dictionary<string, string> Parameters { get; }
        public FakeKey? Key { get; set; }
        /// <summary>A fault the handler itself plays (short, repeat, stale pages), taken for this request.</summary>
        public Fault? Fault { get; set; }

        public string? Get(string name) => Parameters.TryGetValue(name, out string? v) ? v : null;

        public string Require(string name) => Get(name) ?? throw ApiError.Mandatory(name);

        public long? Long(string name)
        {
            string? v = Get(name);
            if (v == null) return null;
            return long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : throw new ApiError(400, -1100, $"Illegal characters found in parameter '{name}'; legal range is '^[0-9]{{1,20}}$'.");
        }

        private void Parse(string raw)
        {
            if (string.IsNullOrEmpty(raw)) return;
            foreach (string pair in raw.Split('&'))
            {
                if (pair.Length == 0) continue;
                int eq = pair.IndexOf('=');
                string key = Uri.UnescapeDataString((eq < 0 ? pair : pair.Substring(0, eq)).Replace('+', ' '));
                string value = eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
                if (value.Length == 0) throw ApiError.Empty(key);
                Parameters[key] = value;
            }
        }
    }
}
