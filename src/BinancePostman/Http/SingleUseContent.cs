using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Http
{
    /// <summary>
    /// The body of a state change, which can be written to a connection once only. Should any layer of the HTTP stack
    /// try to send the request again (a re-send after a dropped connection), the second write fails and the request
    /// ends as a connection failure, reported as an unknown outcome, instead of reaching the exchange twice.
    /// </summary>
    internal sealed class SingleUseContent : HttpContent
    {
        private readonly byte[] _bytes;
        private int _written;

        /// <param name="contentType">a media type, with or without parameters; UTF-8 unless it names a charset</param>
        public SingleUseContent(byte[] bytes, string contentType)
        {
            _bytes = bytes;
            MediaTypeHeaderValue type = MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed) && parsed != null
                ? parsed
                : new MediaTypeHeaderValue("application/octet-stream");
            if (string.IsNullOrEmpty(type.CharSet)) type.CharSet = "utf-8";
            Headers.ContentType = type;
        }

        /// <summary>True once the body has been handed to a connection.</summary>
        public bool Written => Volatile.Read(ref _written) != 0;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            if (Interlocked.Exchange(ref _written, 1) != 0)
                throw new InvalidOperationException("The HTTP stack tried to send a state-changing request a second time; it was stopped.");
            return stream.WriteAsync(_bytes, 0, _bytes.Length);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
