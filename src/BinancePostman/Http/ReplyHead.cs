using System;
using System.Collections.Generic;
using System.Net.Http;

namespace BinancePostman.Http
{
    /// <summary>
    /// What came back before the body: the HTTP status and every response header with all its values (content headers
    /// included, names case-insensitive), as Invoke-RestMethod's header dictionary holds them.
    /// </summary>
    public sealed class ReplyHead
    {
        public ReplyHead(int status, IReadOnlyDictionary<string, string[]> headers)
        {
            Status = status;
            Headers = headers;
        }

        public int Status { get; }
        public IReadOnlyDictionary<string, string[]> Headers { get; }

        internal static ReplyHead Of(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in response.Headers) headers[h.Key] = ToArray(h.Value);
            foreach (var h in response.Content.Headers) headers[h.Key] = ToArray(h.Value);
            return new ReplyHead((int)response.StatusCode, headers);
        }

        /// <summary>Each header's values joined by commas, as the rate-limit reader and the verbose lines read them.</summary>
        internal Dictionary<string, string> Joined()
        {
            var joined = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in Headers) joined[h.Key] = string.Join(",", h.Value);
            return joined;
        }

        // .NET hands each header's values over as a string array already; copied only when it does not
        private static string[] ToArray(IEnumerable<string> values) => values as string[] ?? new List<string>(values).ToArray();
    }
}
