using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>
    /// Market streams: /stream (combined: {"stream","data"}) or /ws/&lt;name&gt; (raw), under /public and /market too;
    /// streams from the URL (?streams=a/b) or subscribed with SUBSCRIBE. Binance's answers: {"result":null,"id":n}, and
    /// for an unknown name {"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":n}.
    /// </summary>
    internal sealed class MarketSession : SocketSession
    {
        private readonly bool _combined;
        private readonly ConcurrentDictionary<string, long> _next = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private readonly List<string> _initial;
        private long _counter;

        public MarketSession(HttpContext context, ExchangeState state, bool combined, IEnumerable<string> streams)
            : base(context, state)
        {
            _combined = combined;
            _initial = streams.ToList();
        }

        protected override Task OpenedAsync()
        {
            foreach (string s in _initial) Add(s);
            return Task.CompletedTask;
        }

        private void Add(string stream)
        {
            int interval = Hub.Settings.EventIntervalMs;
            long first = interval > 0 ? State.Now / interval + 1 : 0;
            if (_next.TryAdd(stream, first))
                lock (Socket.Record.Streams) Socket.Record.Streams.Add(stream);
        }

        protected override async Task OnMessageAsync(string text)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                await Socket.SendAsync("{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}");
                return;
            }
            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out JsonElement idElement) || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetUInt64(out ulong id))
                {
                    await Socket.SendAsync("{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\"}");
                    return;
                }
                string method = root.TryGetProperty("method", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
                string[] names = root.TryGetProperty("params", out JsonElement p) && p.ValueKind == JsonValueKind.Array
                    ? p.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "").ToArray()
                    : Array.Empty<string>();
                switch (method)
                {
                    case "SUBSCRIBE":
                        if (names.Length == 0 || names.Any(n => !StreamEvents.Known(n)))
                        {
                            await Socket.SendAsync($"{{\"error\":{{\"code\":2,\"msg\":\"Invalid request: invalid stream\"}},\"id\":{id}}}");
                            return;
                        }
                        foreach (string n in names) Add(n);
                        await Socket.SendAsync($"{{\"result\":null,\"id\":{id}}}");
                        return;
                    case "UNSUBSCRIBE":
                        foreach (string n in names) _next.TryRemove(n, out _);
                        await Socket.SendAsync($"{{\"result\":null,\"id\":{id}}}");
                        return;
                    case "LIST_SUBSCRIPTIONS":
                        await Socket.SendAsync($"{{\"result\":{JsonSerializer.Serialize(_next.Keys.OrderBy(k => k, StringComparer.Ordinal))},\"id\":{id}}}");
                        return;
                    default:
                        await Socket.SendAsync($"{{\"error\":{{\"code\":2,\"msg\":\"Invalid request: unknown variant `{method}`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`\"}},\"id\":{id}}}");
                        return;
                }
            }
        }

        protected override async Task SendLoopAsync()
        {
            while (!Stopping.IsCancellationRequested)
            {
                if (await TooOldAsync() || await ShutdownDueAsync()) return;
                int interval = Hub.Settings.EventIntervalMs;
                KeyValuePair<string, long>[] streams = _next.ToArray();
                if (streams.Length == 0)
                {
                    await DelayAsync(Math.Min(20, UntilCutMs()), Stopping);
                    continue;
                }
                if (interval == 0)
                {
                    // as fast as the connection takes: a counter per connection
                    foreach (var s in streams)
                    {
                        long k = _counter++;
                        if (await SendEventAsync(s.Key, k, State.Now)) return;
                    }
                    continue;
                }
                long due = State.Now / interval;
                foreach (var s in streams)
                {
                    long k = s.Value;
                    for (; k <= due; k++)
                        if (await SendEventAsync(s.Key, k, k * interval)) return;
                    _next.TryUpdate(s.Key, k, s.Value);
                }
                long wait = (due + 1) * interval - State.Now;
                await DelayAsync(Math.Min(Math.Max(wait, 1), Math.Max(UntilCutMs(), 1)), Stopping);
            }
        }

        /// <returns>true when a fault ended the connection</returns>
        private async Task<bool> SendEventAsync(string stream, long k, long timeMs)
        {
            string? payload = stream.StartsWith("!", StringComparison.Ordinal) ? StreamEvents.AllMarket(stream, k, timeMs) : StreamEvents.Market(stream, k, timeMs, Hub.Settings.PaddingBytes);
            if (payload == null) return false;
            string frame = _combined ? "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}" : payload;
            await Socket.SendAsync(frame, Stopping);
            EventsSent++;
            Socket.Record.EventsSent = EventsSent;
            return await FaultAsync(now => _combined
                ? "{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":" + now + "}}"
                : "{\"e\":\"serverShutdown\",\"E\":" + now + "}");
        }
    }
}
