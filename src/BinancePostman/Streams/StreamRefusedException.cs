using System;

namespace BinancePostman.Streams
{
    /// <summary>The exchange refused what the stream asks for (a subscription, a key): trying again would not help.</summary>
    public sealed class StreamRefusedException : Exception
    {
        public StreamRefusedException(string source, string? stream, int? code, string reason, Exception? inner = null)
            : base(reason, inner)
        {
            Where = source;
            Stream = stream;
            Code = code;
        }

        /// <summary>Where: the connection's URL or the REST call.</summary>
        public string Where { get; }
        public string? Stream { get; }
        public int? Code { get; }
    }
}
