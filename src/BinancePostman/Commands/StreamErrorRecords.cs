using System;
using System.Management.Automation;
using BinancePostman.Http;
using BinancePostman.Session;
using BinancePostman.Streams;

namespace BinancePostman.Commands
{
    /// <summary>The stream cmdlets' error records: refused streams, malformed frames, channels that cannot go on.</summary>
    internal static class StreamErrorRecords
    {
        public static ErrorRecord Refused(StreamItem item)
        {
            string code = item.Code != null ? $" (code {item.Code})" : "";
            var ex = new InvalidOperationException(item.Stream != null
                ? $"The exchange refused the stream '{item.Stream}'{code}: {item.Message}"
                : $"The exchange answered with an error{code} on {item.Source}: {item.Message}");
            return Make(ex, "BinancePostman.StreamRefused", ErrorCategory.InvalidArgument, item.Stream ?? item.Source,
                "Check the stream's name: <symbol>@trade, @aggTrade, @kline_<interval>, @depth, @depth<5|10|20>, @bookTicker, @miniTicker, @ticker, and for futures @markPrice; symbols in lower case. The other streams of the call go on.");
        }

        public static ErrorRecord Malformed(string? source, string? stream, string preview, string reason)
        {
            var ex = new FormatException($"A frame{(stream != null ? $" of '{stream}'" : "")}{(source != null ? $" on {source}" : "")} could not be read: {reason}. It began: {preview}");
            return Make(ex, "BinancePostman.StreamFrameMalformed", ErrorCategory.InvalidData, stream ?? source,
                "The frame was skipped and the stream goes on. If this repeats, something between you and Binance (a proxy) may be changing the frames: check -BaseUri and the proxy.");
        }

        public static ErrorRecord Failed(StreamItem item)
        {
            Exception error = item.Error ?? new InvalidOperationException(item.Message);
            if (error is BinanceApiException api && ErrorRecords.TryFromRequestFailure(api, out ErrorRecord? record)) return record!;
            if (error is StreamRefusedException refused)
                return Make(refused, "BinancePostman.StreamRefused", ErrorCategory.InvalidOperation, refused.Stream ?? item.Source,
                    "Check what the stream asks for (-Stream names, -Api, the key's permissions for user data). Nothing more is received on this connection.");
            if (error is StreamConnectException connect)
                return Make(connect, "BinancePostman.StreamConnection", ErrorCategory.ConnectionError, connect.Url,
                    "Check the network, the proxy and -BaseUri (a WebSocket connection to it must be allowed), then run the command again. Once connected, the stream reconnects by itself.");
            return Make(error, "BinancePostman.StreamFailed", ErrorCategory.NotSpecified, item.Source, "Run the command again; -Verbose shows each connection and subscription.");
        }

        public static ErrorRecord NotServed(StreamNotServedException ex) =>
            Make(ex, "BinancePostman.StreamNotServed", ErrorCategory.InvalidArgument, ex.Api,
                ex.Offered.Count > 0 ? $"Use -Network {ex.Offered[0]}, or -BaseUri for a gateway or local exchange of your own." : "Pick another -Api, or pass -BaseUri.");

        public static ErrorRecord InvalidStreamName(string name) =>
            Make(new ArgumentException($"'{name}' cannot be a stream name: it is empty or holds a character Binance's stream names never have (/, space, ?, &, #)."),
                "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, name,
                "Give each stream as <symbol>@<stream>, e.g. btcusdt@trade or btcusdt@kline_1m, one per array element.");

        public static ErrorRecord TooManyStreams(TooManyStreamsException ex) =>
            Make(ex, "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, ex.Count,
                "Split the streams over several calls (e.g. in ForEach-Object -Parallel), each with at most 1,024.");

        public static ErrorRecord NoKeys() =>
            Make(new InvalidOperationException("User data needs the account's API key (and, for spot, its secret or private key), and none is set."),
                "BinancePostman.Credential.NoApiKey", ErrorCategory.AuthenticationError, null,
                "Give keys with Connect-Binance, -Credential, -ApiKey with -ApiSecret or -PrivateKeyPath, or the BINANCE_API_KEY environment variables.");

        private static ErrorRecord Make(Exception ex, string id, ErrorCategory category, object? target, string action)
        {
            var record = new ErrorRecord(ex, id, category, target);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = action };
            return record;
        }
    }
}
