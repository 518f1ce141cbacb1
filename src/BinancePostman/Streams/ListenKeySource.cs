using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Http;

namespace BinancePostman.Streams
{
    /// <summary>
    /// User data of USDs-M, Coin-M, options and portfolio margin: a listenKey from REST (POST), its raw stream
    /// (/ws/&lt;listenKey&gt;), a keep-alive (PUT) on schedule, and DELETE at the end. A key the exchange no longer knows
    /// (-1125 on PUT, or a listenKeyExpired event) is replaced by a new one on a new connection; the time between is a gap.
    /// </summary>
    public sealed class ListenKeySource : IStreamSource
    {
        private const int ListenKeyDoesNotExist = -1125;

        private readonly StreamHosts _hosts;
        private readonly IStreamRest _rest;
        private readonly StreamTimings _timings;
        private readonly ProxySetting? _proxy;
        private readonly string _path;
        private readonly object _lock = new object();
        private string? _key;
        private string? _created;
        private StreamSink? _sink;
        private int _opened;

        public ListenKeySource(StreamHosts hosts, IStreamRest rest, StreamTimings timings, ProxySetting? proxy = null)
        {
            _hosts = hosts;
            _rest = rest;
            _timings = timings;
            _proxy = proxy;
            _path = hosts.Api.ListenKeyPath() ?? throw new ArgumentException("This API has no listenKey.", nameof(hosts));
        }

        /// <summary>A listenKey's stream takes no requests: its silence cannot be told from a quiet account.</summary>
        public Task<bool> ProbeAsync(WebSocketLeg leg, TimeSpan timeout, CancellationToken cancel) => Task.FromResult(false);

        public string Description => _hosts.Api.DisplayName() + " user data (" + _hosts.UserDataBase + "/ws/<listenKey>)";
        public DateTimeOffset? RenewBy => null;
        /// <summary>Keep-alives sent and answered.</summary>
        public int KeepAlives { get; private set; }

        public async Task<WebSocketLeg> OpenAsync(StreamSink sink, CancellationToken cancel)
        {
            _sink = sink;
            string key = await KeyAsync(sink, cancel).ConfigureAwait(false);
            WebSocketLeg leg = await WebSocketLeg.ConnectAsync(_hosts.UserDataUrl(key), _hosts.UserDataBase + "/ws/" + Mask(key), _timings.HandshakeTimeout, _proxy, Handle, cancel).ConfigureAwait(false);
            Interlocked.Increment(ref _opened);
            return leg;
        }

        private async Task<string> KeyAsync(StreamSink sink, CancellationToken cancel)
        {
            string? held;
            lock (_lock) held = _key;
            if (held != null && _opened == 0) return held;
            if (held != null)
            {
                // connecting again: the key may have gone meanwhile (expired, closed elsewhere), and a dead key's stream connects and stays silent
                try
                {
                    await _rest.SendAsync("PUT", _path, KeyParameter(held), cancel).ConfigureAwait(false);
                    KeepAlives++;
                    return held;
                }
                catch (BinanceApiException ex) when (ex.Code == ListenKeyDoesNotExist)
                {
                    lock (_lock)
                        if (_key == held) _key = null;
                    sink.Log($"PUT {_path}: {ex.Message} A new listenKey is made.");
                }
            }
            string reply = await _rest.SendAsync("POST", _path, Array.Empty<KeyValuePair<string, string>>(), cancel).ConfigureAwait(false);
            string key = ReadKey(reply, "listenKey") ?? throw new StreamRefusedException(_path, null, null, "The exchange's answer to POST " + _path + " has no listenKey: " + Clip(reply));
            lock (_lock)
            {
                _key = key;
                _created = key;
            }
            sink.Log($"listenKey {Mask(key)} from POST {_path}.");
            return key;
        }

        private void Handle(WebSocketLeg leg, byte[] buffer, int count, bool text)
        {
            StreamSink? sink = _sink;
            if (sink == null || !sink.IsText(Description, count, text)) return;
            StreamMessage message = StreamMessage.Read(buffer, count, rawEvents: true);
            if (message.Shape == MessageShape.Unknown)
            {
                sink.Report(StreamItem.Malformed(Description, null, MarketStreamSource.Preview(buffer, count), message.Text ?? "unreadable"));
                return;
            }
            if (message.Shape == MessageShape.Reply) return;
            if (message.EventType == "listenKeyExpired")
            {
                lock (_lock) _key = null;
                leg.Ending = "the listenKey expired";
                sink.Log($"{Description}: the listenKey expired; a new one is made.");
                // the server stops sending on this key: end the connection now so that a new key takes over
                _ = Task.Run(leg.Dispose);
                return;
            }
            if (message.EventType == "serverShutdown")
            {
                leg.Ending = "the server announced its shutdown";
                sink.RequestRenewal();
                return;
            }
            sink.Deliver(null, message.EventType, buffer, message.DataStart, message.DataLength);
        }

        /// <summary>PUT every keep-alive interval; a key the exchange no longer knows is dropped (the connection ends and a new key is made).</summary>
        public async Task RunBesideAsync(StreamSink sink, Func<WebSocketLeg?> current, CancellationToken cancel)
        {
            TimeSpan wait = _timings.ListenKeyKeepAlive;
            while (!cancel.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(wait, cancel).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                string? key;
                lock (_lock) key = _key;
                if (key == null)
                {
                    wait = _timings.ListenKeyRetry;
                    continue;
                }
                try
                {
                    await _rest.SendAsync("PUT", _path, KeyParameter(key), cancel).ConfigureAwait(false);
                    KeepAlives++;
                    sink.Log($"listenKey {Mask(key)} kept alive (PUT {_path}).");
                    wait = _timings.ListenKeyKeepAlive;
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    return;
                }
                catch (BinanceApiException ex) when (ex.Code == ListenKeyDoesNotExist)
                {
                    lock (_lock)
                        if (_key == key) _key = null;
                    WebSocketLeg? leg = current();
                    if (leg != null && leg.Url.AbsolutePath.EndsWith(Uri.EscapeDataString(key), StringComparison.Ordinal))
                    {
                        leg.Ending = "the exchange no longer knows the listenKey";
                        leg.Dispose();
                    }
                    sink.Log($"PUT {_path}: {ex.Message} A new listenKey is made.");
                    wait = _timings.ListenKeyKeepAlive;
                }
                catch (Exception ex) when (ex is BinanceApiException || ex is System.Net.Http.HttpRequestException)
                {
                    sink.Log($"PUT {_path} failed ({ex.Message}); trying again in {_timings.ListenKeyRetry.TotalSeconds:0.###} s.");
                    wait = _timings.ListenKeyRetry;
                }
            }
        }

        /// <summary>DELETE the listenKey this stream made, so the exchange stops the stream.</summary>
        public async Task CloseAsync(StreamSink sink, TimeSpan timeout)
        {
            string? key;
            lock (_lock)
            {
                key = _created;
                _created = null;
                _key = null;
            }
            if (key == null) return;
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await _rest.SendAsync("DELETE", _path, KeyParameter(key), limit.Token).ConfigureAwait(false);
                sink.Log($"listenKey {Mask(key)} closed (DELETE {_path}).");
            }
            catch (Exception ex) when (ex is BinanceApiException || ex is OperationCanceledException || ex is System.Net.Http.HttpRequestException)
            {
                sink.Log($"DELETE {_path} failed ({ex.Message}); the exchange ends the listenKey itself 60 minutes after its last keep-alive.");
            }
        }

        /// <summary>USDs-M, Coin-M and portfolio margin take no parameter (the API key tells the key); options takes the listenKey (optional there).</summary>
        private IReadOnlyList<KeyValuePair<string, string>> KeyParameter(string key) =>
            _hosts.Api == StreamApi.Options
                ? new[] { new KeyValuePair<string, string>("listenKey", key) }
                : Array.Empty<KeyValuePair<string, string>>();

        internal static string? ReadKey(string json, string property)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(json);
                return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(property, out JsonElement value)
                    && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0 ? value.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        internal static string Clip(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";

        /// <summary>A listenKey as it may be shown: its first and last four characters.</summary>
        public static string Mask(string key) => key.Length <= 12 ? "****" : key.Substring(0, 4) + "..." + key.Substring(key.Length - 4);
    }
}
