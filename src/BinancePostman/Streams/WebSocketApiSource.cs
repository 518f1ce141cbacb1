using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Http;
using BinancePostman.Signing;

namespace BinancePostman.Streams
{
    /// <summary>
    /// Spot and margin user data on the WebSocket API (the spot and margin listenKey endpoints answer 410 Gone since
    /// 2026-02-20). Spot: userDataStream.subscribe.signature, signed with the account's key (HMAC, RSA or Ed25519) over
    /// its parameters sorted by name. Margin: a listen token from POST /sapi/v1/userListenToken (valid up to 24 hours),
    /// then userDataStream.subscribe.listenToken; a new token and connection take over before it expires. Events come as
    /// {"subscriptionId":n,"event":{...}}; eventStreamTerminated ends the subscription (a new one is made, the time
    /// between is a gap).
    /// </summary>
    public sealed class WebSocketApiSource : IStreamSource
    {
        private const string ListenTokenPath = "/sapi/v1/userListenToken";
        private const int TimestampOutsideWindow = -1021;
        private const int InvalidListenToken = -1209;

        private readonly Uri _url;
        private readonly string _apiKey;
        private readonly IRequestSigner? _signer;
        private readonly string? _recvWindow;
        private readonly IStreamRest _rest;
        private readonly StreamTimings _timings;
        private readonly ProxySetting? _proxy;
        private readonly string? _isolatedSymbol;
        private readonly bool _margin;
        private long _nextId;
        private StreamSink? _sink;
        private string? _token;
        private DateTimeOffset? _tokenExpires;

        /// <summary>Spot: subscribes with a signature.</summary>
        public static WebSocketApiSource Spot(StreamHosts hosts, string apiKey, IRequestSigner signer, string? recvWindow, IStreamRest rest, StreamTimings timings,
            ProxySetting? proxy = null) =>
            new WebSocketApiSource(hosts, apiKey, signer, recvWindow, rest, timings, margin: false, null, proxy);

        /// <summary>Margin: subscribes with a listen token (cross margin, or isolated for <paramref name="isolatedSymbol"/>).</summary>
        public static WebSocketApiSource Margin(StreamHosts hosts, string apiKey, string? isolatedSymbol, IStreamRest rest, StreamTimings timings,
            ProxySetting? proxy = null) =>
            new WebSocketApiSource(hosts, apiKey, null, null, rest, timings, margin: true, isolatedSymbol, proxy);

        private WebSocketApiSource(StreamHosts hosts, string apiKey, IRequestSigner? signer, string? recvWindow, IStreamRest rest, StreamTimings timings, bool margin, string? isolatedSymbol, ProxySetting? proxy)
        {
            _url = new Uri(hosts.WebSocketApi ?? throw new ArgumentException("This API has no WebSocket API.", nameof(hosts)));
            _apiKey = apiKey;
            _signer = signer;
            _recvWindow = recvWindow;
            _rest = rest;
            _timings = timings;
            _proxy = proxy;
            _margin = margin;
            _isolatedSymbol = isolatedSymbol;
        }

        public string Description => (_margin ? (_isolatedSymbol == null ? "Cross margin" : "Isolated margin " + _isolatedSymbol) : "Spot") + " user data (" + _url.GetLeftPart(UriPartial.Path) + ")";

        public DateTimeOffset? RenewBy => _margin && _tokenExpires != null ? _tokenExpires - _timings.ListenTokenRenewBefore : null;

        public async Task<WebSocketLeg> OpenAsync(StreamSink sink, CancellationToken cancel)
        {
            _sink = sink;
            string? token = _margin ? await TokenAsync(sink, fresh: false, cancel).ConfigureAwait(false) : null;
            WebSocketLeg leg = await WebSocketLeg.ConnectAsync(_url, _url.GetLeftPart(UriPartial.Path), _timings.HandshakeTimeout, _proxy, Handle, cancel).ConfigureAwait(false);
            try
            {
                StreamMessage answer = _margin
                    ? await SubscribeTokenAsync(leg, token!, cancel).ConfigureAwait(false)
                    : await SubscribeSignedAsync(leg, resync: false, cancel).ConfigureAwait(false);
                if (!_margin && answer.Code == TimestampOutsideWindow)
                    answer = await SubscribeSignedAsync(leg, resync: true, cancel).ConfigureAwait(false);
                if (_margin && answer.Code == InvalidListenToken)
                    answer = await SubscribeTokenAsync(leg, await TokenAsync(sink, fresh: true, cancel).ConfigureAwait(false), cancel).ConfigureAwait(false);
                if (!answer.Succeeded)
                {
                    // Binance's own codes (-1022 signature, -2015 key...) become the failure every request has
                    if (answer.Code is int code && code < 0)
                        throw new BinanceApiException(FailureClassifier.ForCode(code, answer.Status ?? 400), $"The exchange refused the user-data subscription ({code}: {answer.Text})",
                            answer.Status, code, answer.Text, _margin ? "userDataStream.subscribe.listenToken" : "userDataStream.subscribe.signature", _url.GetLeftPart(UriPartial.Path));
                    throw new StreamRefusedException(Description, null, answer.Code, answer.Text ?? "The subscription was refused.");
                }
                sink.Log($"{Description}: subscribed ({(_margin ? "listen token" : _signer!.Describe() + " signature")}).");
                return leg;
            }
            catch
            {
                leg.Dispose();
                throw;
            }
        }

        private async Task<StreamMessage> SubscribeSignedAsync(WebSocketLeg leg, bool resync, CancellationToken cancel)
        {
            long timestamp = await _rest.ServerTimeAsync(resync, cancel).ConfigureAwait(false);
            string id = NextId();
            byte[] reply = await leg.RequestAsync(id, SignedSubscription(id, _apiKey, timestamp, _recvWindow, _signer!), _timings.HandshakeTimeout, cancel).ConfigureAwait(false);
            return StreamMessage.Read(reply, reply.Length, rawEvents: false);
        }

        private async Task<StreamMessage> SubscribeTokenAsync(WebSocketLeg leg, string token, CancellationToken cancel)
        {
            string id = NextId();
            byte[] reply = await leg.RequestAsync(id, Request(id, "userDataStream.subscribe.listenToken", new[] { new KeyValuePair<string, object>("listenToken", token) }), _timings.HandshakeTimeout, cancel).ConfigureAwait(false);
            return StreamMessage.Read(reply, reply.Length, rawEvents: false);
        }

        /// <summary>The current listen token, or a new one when asked, when none is held, or when it is within its renewal window.</summary>
        private async Task<string> TokenAsync(StreamSink sink, bool fresh, CancellationToken cancel)
        {
            // a timer may fire a hair before the wall clock says the renewal time has come: such a token counts as due
            TimeSpan slack = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, _timings.ListenTokenRenewBefore.Ticks / 10));
            if (!fresh && _token != null && _tokenExpires != null && DateTimeOffset.UtcNow + slack < _tokenExpires.Value - _timings.ListenTokenRenewBefore)
                return _token;
            var parameters = new List<KeyValuePair<string, string>>();
            if (_isolatedSymbol != null)
            {
                parameters.Add(new KeyValuePair<string, string>("symbol", _isolatedSymbol));
                parameters.Add(new KeyValuePair<string, string>("isIsolated", "TRUE"));
            }
            parameters.Add(new KeyValuePair<string, string>("validity", ((long)_timings.ListenTokenValidity.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
            string reply = await _rest.SendAsync("POST", ListenTokenPath, parameters, cancel).ConfigureAwait(false);
            string token = ListenKeySource.ReadKey(reply, "token") ?? throw new StreamRefusedException(ListenTokenPath, null, null, "The exchange's answer to POST " + ListenTokenPath + " has no token: " + ListenKeySource.Clip(reply));
            long? expires = ReadLong(reply, "expirationTime");
            _token = token;
            _tokenExpires = expires != null ? DateTimeOffset.FromUnixTimeMilliseconds(expires.Value) : DateTimeOffset.UtcNow + _timings.ListenTokenValidity;
            sink.Log($"Listen token {ListenKeySource.Mask(token)} from POST {ListenTokenPath}, valid until {_tokenExpires.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} UTC.");
            return token;
        }

        private void Handle(WebSocketLeg leg, byte[] buffer, int count, bool text)
        {
            StreamSink? sink = _sink;
            if (sink == null || !sink.IsText(Description, count, text)) return;
            StreamMessage message = StreamMessage.Read(buffer, count, rawEvents: false, leg.Names);
            switch (message.Shape)
            {
                case MessageShape.Reply:
                    var reply = new byte[count];
                    Buffer.BlockCopy(buffer, 0, reply, 0, count);
                    if ((message.Id == null || !leg.TryCompleteReply(message.Id, reply)) && !message.Succeeded)
                        sink.Report(StreamItem.Refused(Description, null, message.Code, message.Text ?? "an answer to no request"));
                    return;
                case MessageShape.Event:
                    if (message.EventType == "serverShutdown")
                    {
                        leg.Ending = "the server announced its shutdown";
                        sink.RequestRenewal();
                        return;
                    }
                    if (message.EventType == "eventStreamTerminated")
                    {
                        leg.Ending = "the exchange ended the subscription (eventStreamTerminated)";
                        if (_margin) _token = null;
                        _ = Task.Run(leg.Dispose);
                        return;
                    }
                    sink.Deliver(null, message.EventType, buffer, message.DataStart, message.DataLength);
                    return;
                default:
                    sink.Report(StreamItem.Malformed(Description, null, MarketStreamSource.Preview(buffer, count), message.Text ?? "unreadable"));
                    return;
            }
        }

        public Task RunBesideAsync(StreamSink sink, Func<WebSocketLeg?> current, CancellationToken cancel) => Task.CompletedTask;

        /// <summary>A signed subscription leaves nothing at the exchange; a listen token expires by itself.</summary>
        public Task CloseAsync(StreamSink sink, TimeSpan timeout) => Task.CompletedTask;

        /// <summary>The WebSocket API's ping request (weight 1).</summary>
        public async Task<bool> ProbeAsync(WebSocketLeg leg, TimeSpan timeout, CancellationToken cancel)
        {
            string id = NextId();
            await leg.RequestAsync(id, Request(id, "ping", Array.Empty<KeyValuePair<string, object>>()), timeout, cancel, "a check of the connection").ConfigureAwait(false);
            return true;
        }

        private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// userDataStream.subscribe.signature: the signature is over the other parameters sorted by name as name=value
        /// joined with '&amp;' (apiKey, recvWindow, timestamp), as Binance's WebSocket API documents for signed requests.
        /// </summary>
        public static string SignedSubscription(string id, string apiKey, long timestamp, string? recvWindow, IRequestSigner signer)
        {
            var parameters = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["apiKey"] = apiKey,
                ["timestamp"] = timestamp,
            };
            if (recvWindow != null) parameters["recvWindow"] = recvWindow;
            string payload = SignaturePayload(parameters);
            var signed = new List<KeyValuePair<string, object>>(parameters) { new KeyValuePair<string, object>("signature", signer.Sign(payload)) };
            return Request(id, "userDataStream.subscribe.signature", signed);
        }

        public static string SignaturePayload(SortedDictionary<string, object> parameters)
        {
            var payload = new StringBuilder();
            foreach (var p in parameters)
            {
                if (payload.Length > 0) payload.Append('&');
                payload.Append(p.Key).Append('=').Append(Convert.ToString(p.Value, CultureInfo.InvariantCulture));
            }
            return payload.ToString();
        }

        private static string Request(string id, string method, IEnumerable<KeyValuePair<string, object>> parameters)
        {
            using var text = new MemoryStream();
            using (var json = new Utf8JsonWriter(text))
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("method", method);
                json.WriteStartObject("params");
                foreach (var p in parameters)
                {
                    if (p.Value is long l) json.WriteNumber(p.Key, l);
                    else if (p.Value is string s && p.Key == "recvWindow") json.WriteRawValueOrNumber(p.Key, s);
                    else json.WriteString(p.Key, Convert.ToString(p.Value, CultureInfo.InvariantCulture));
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(text.ToArray());
        }

        private static long? ReadLong(string json, string property)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(json);
                return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(property, out JsonElement value)
                    && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long l) ? l : (long?)null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    internal static class Utf8JsonWriterExtensions
    {
        /// <summary>A decimal given as validated text ("6000.346") written as a JSON number.</summary>
        public static void WriteRawValueOrNumber(this Utf8JsonWriter json, string name, string number)
        {
            json.WritePropertyName(name);
            json.WriteRawValue(number);
        }
    }
}
