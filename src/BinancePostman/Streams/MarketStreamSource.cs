using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Http;

namespace BinancePostman.Streams
{
    /// <summary>
    /// Market streams on one combined connection (/stream): subscribed with one SUBSCRIBE of every stream; when Binance
    /// refuses it ("invalid stream"), the list is halved until each refused stream is known (reported with Binance's
    /// reason) and the rest stands. A new connection subscribes the streams that stood. Binance accepts any well-formed
    /// name, an unknown symbol included, and then sends nothing for it.
    /// </summary>
    public sealed class MarketStreamSource : IStreamSource
    {
        private readonly Uri _url;
        private readonly StreamTimings _timings;
        private readonly ProxySetting? _proxy;
        private readonly ControlPacer _pacer;
        private readonly Dictionary<string, string> _names = new Dictionary<string, string>(StringComparer.Ordinal);
        private List<string> _streams;
        private long _nextId;
        private StreamSink? _sink;

        public MarketStreamSource(Uri url, IReadOnlyList<string> streams, StreamTimings timings, ProxySetting? proxy = null)
        {
            _url = url;
            _streams = new List<string>(streams);
            foreach (string s in streams) _names[s] = s;
            _timings = timings;
            _proxy = proxy;
            _pacer = new ControlPacer(timings.ControlMessagesPerSecond);
        }

        public string Description => _url.GetLeftPart(UriPartial.Path);
        /// <summary>The streams that the exchange accepted (all, until it refuses one).</summary>
        public IReadOnlyList<string> Streams => _streams;
        public DateTimeOffset? RenewBy => null;

        public async Task<WebSocketLeg> OpenAsync(StreamSink sink, CancellationToken cancel)
        {
            _sink = sink;
            WebSocketLeg leg = await WebSocketLeg.ConnectAsync(_url, Description, _timings.HandshakeTimeout, _proxy, Handle, cancel).ConfigureAwait(false);
            try
            {
                var accepted = new List<string>();
                await SubscribeAsync(leg, _streams, accepted, sink, cancel).ConfigureAwait(false);
                if (accepted.Count == 0)
                    throw new StreamRefusedException(Description, null, null, "The exchange refused every stream asked for.");
                _streams = accepted;
                return leg;
            }
            catch
            {
                leg.Dispose();
                throw;
            }
        }

        private async Task SubscribeAsync(WebSocketLeg leg, List<string> streams, List<string> accepted, StreamSink sink, CancellationToken cancel)
        {
            await _pacer.WaitTurnAsync(cancel).ConfigureAwait(false);
            long id = Interlocked.Increment(ref _nextId);
            byte[] reply = await leg.RequestAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), Subscribe(id, streams), _timings.HandshakeTimeout, cancel).ConfigureAwait(false);
            StreamMessage answer = StreamMessage.Read(reply, reply.Length, rawEvents: false);
            if (answer.Succeeded)
            {
                accepted.AddRange(streams);
                return;
            }
            if (streams.Count == 1)
            {
                sink.Report(StreamItem.Refused(Description, streams[0], answer.Code, answer.Text ?? "refused"));
                return;
            }
            int half = streams.Count / 2;
            await SubscribeAsync(leg, streams.GetRange(0, half), accepted, sink, cancel).ConfigureAwait(false);
            await SubscribeAsync(leg, streams.GetRange(half, streams.Count - half), accepted, sink, cancel).ConfigureAwait(false);
        }

        /// <summary>LIST_SUBSCRIPTIONS: the cheapest request a market stream connection answers.</summary>
        public async Task<bool> ProbeAsync(WebSocketLeg leg, TimeSpan timeout, CancellationToken cancel)
        {
            await _pacer.WaitTurnAsync(cancel).ConfigureAwait(false);
            long id = Interlocked.Increment(ref _nextId);
            string text = "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
            await leg.RequestAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), text, timeout, cancel, "a check of the connection").ConfigureAwait(false);
            return true;
        }

        /// <summary>{"method":"SUBSCRIBE","params":[...],"id":n}</summary>
        public static string Subscribe(long id, IReadOnlyList<string> streams)
        {
            using var text = new MemoryStream();
            using (var json = new Utf8JsonWriter(text))
            {
                json.WriteStartObject();
                json.WriteString("method", "SUBSCRIBE");
                json.WriteStartArray("params");
                foreach (string s in streams) json.WriteStringValue(s);
                json.WriteEndArray();
                json.WriteNumber("id", id);
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(text.ToArray());
        }

        private void Handle(WebSocketLeg leg, byte[] buffer, int count, bool text)
        {
            StreamSink? sink = _sink;
            if (sink == null || !sink.IsText(Description, count, text)) return;
            StreamMessage message = StreamMessage.Read(buffer, count, rawEvents: false, leg.Names);
            switch (message.Shape)
            {
                case MessageShape.Event:
                    if (message.EventType == "serverShutdown")
                    {
                        leg.Ending = "the server announced its shutdown";
                        sink.RequestRenewal();
                        return;
                    }
                    string? name = message.Stream;
                    if (name != null && _names.TryGetValue(name, out string? known)) name = known;
                    sink.Deliver(name, message.EventType, buffer, message.DataStart, message.DataLength);
                    return;
                case MessageShape.Reply:
                    var reply = new byte[count];
                    Buffer.BlockCopy(buffer, 0, reply, 0, count);
                    if ((message.Id == null || !leg.TryCompleteReply(message.Id, reply)) && !message.Succeeded)
                        sink.Report(StreamItem.Refused(Description, null, message.Code, message.Text ?? "an answer to no request"));
                    return;
                default:
                    sink.Report(StreamItem.Malformed(Description, message.Stream, Preview(buffer, count), message.Text ?? "unreadable"));
                    return;
            }
        }

        public Task RunBesideAsync(StreamSink sink, Func<WebSocketLeg?> current, CancellationToken cancel) => Task.CompletedTask;

        public Task CloseAsync(StreamSink sink, TimeSpan timeout) => Task.CompletedTask;

        internal static string Preview(byte[] buffer, int count)
        {
            int n = Math.Min(count, 200);
            string text = Encoding.UTF8.GetString(buffer, 0, n);
            return count > n ? text + "..." : text;
        }
    }
}
