using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;

namespace BinancePostman.Http
{
    /// <summary>
    /// A successful reply whose body is read as it arrives: as a stream (for JSON streamed into the pipeline) or
    /// as text (-Raw). Dispose it to release the connection, or to abort a read (Ctrl+C).
    /// </summary>
    public sealed class BinanceReply : IDisposable
    {
        private readonly HttpResponseMessage? _response;
        private Stream? _content;
        private string? _text;

        public BinanceReply(int status, string? contentType, HttpResponseMessage? response, Stream? content, string? text,
            IReadOnlyDictionary<string, string> headers, long elapsedMs, string safeUrl, ReplyHead? head = null)
        {
            Status = status;
            ContentType = contentType;
            _response = response;
            _content = content;
            _text = text;
            Headers = headers;
            ElapsedMs = elapsedMs;
            SafeUrl = safeUrl;
            Head = head ?? new ReplyHead(status, SingleValued(headers));
        }

        public int Status { get; }
        public string? ContentType { get; }
        /// <summary>Response headers, names case-insensitive.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
        /// <summary>The status and every header with all its values.</summary>
        public ReplyHead Head { get; }
        /// <summary>Time to the response headers.</summary>
        public long ElapsedMs { get; }
        /// <summary>The URL as sent, with the signature redacted.</summary>
        public string SafeUrl { get; }

        /// <summary>The body as it arrives; read it once.</summary>
        public Stream OpenBody() => _content ?? new MemoryStream(Encoding.UTF8.GetBytes(_text ?? ""));

        /// <summary>The whole body as text.</summary>
        public string ReadText()
        {
            if (_text != null) return _text;
            using var reader = new StreamReader(OpenBody(), Encoding.UTF8);
            return _text = reader.ReadToEnd();
        }

        /// <summary>The X-MBX-USED-WEIGHT-* and X-MBX-ORDER-COUNT-* headers, e.g. "1M=20".</summary>
        public IEnumerable<string> UsageHeaders()
        {
            foreach (var h in Headers)
            {
                if (h.Key.StartsWith("X-MBX-USED-WEIGHT-", StringComparison.OrdinalIgnoreCase))
                    yield return "weight " + h.Key.Substring("X-MBX-USED-WEIGHT-".Length) + "=" + h.Value;
                else if (h.Key.StartsWith("X-MBX-ORDER-COUNT-", StringComparison.OrdinalIgnoreCase))
                    yield return "orders " + h.Key.Substring("X-MBX-ORDER-COUNT-".Length) + "=" + h.Value;
            }
        }

        private static Dictionary<string, string[]> SingleValued(IReadOnlyDictionary<string, string> headers)
        {
            var all = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in headers) all[h.Key] = new[] { h.Value };
            return all;
        }

        public void Dispose()
        {
            _content?.Dispose();
            _content = null;
            _response?.Dispose();
        }
    }
}
