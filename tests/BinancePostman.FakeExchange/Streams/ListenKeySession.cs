using System;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>
    /// A listenKey's raw stream (/ws/&lt;key&gt;, /private/ws/&lt;key&gt;, /pm/ws/&lt;key&gt;). An unknown key connects and
    /// delivers nothing, as Binance's do. When the key expires (no keep-alive within its validity): listenKeyExpired,
    /// then a close; when it is deleted: a close.
    /// </summary>
    internal sealed class ListenKeySession : SocketSession
    {
        private readonly string _key;
        private ListenKeyRecord? _record;
        private long _next;

        public ListenKeySession(HttpContext context, ExchangeState state, string key)
            : base(context, state)
        {
            _key = key;
        }

        protected override Task OpenedAsync()
        {
            Hub.ListenKeys.TryGetValue(_key, out _record);
            if (_record != null && !_record.Deleted)
            {
                Socket.Api = _record.Api;
                Socket.ApiKey = _record.ApiKey;
                Socket.Record.ApiKey = _record.ApiKey;
                Hub.AddUserSocket(Socket);
            }
            int interval = Hub.Settings.UserEventIntervalMs;
            _next = interval > 0 ? State.Now / interval + 1 : 0;
            return Task.CompletedTask;
        }

        protected override void Closed() => Hub.RemoveUserSocket(Socket);

        protected override Task OnMessageAsync(string text) => Task.CompletedTask;

        protected override async Task SendLoopAsync()
        {
            while (!Stopping.IsCancellationRequested)
            {
                if (await TooOldAsync() || await ShutdownDueAsync()) return;
                if (_record != null)
                {
                    if (_record.Deleted)
                    {
                        await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "listenKey closed");
                        return;
                    }
                    if (State.Now >= _record.ExpiresMs)
                    {
                        Hub.Record($"EXPIRED {_record.Api} {_record.Key}");
                        await Socket.SendAsync($"{{\"e\":\"listenKeyExpired\",\"E\":{State.Now},\"listenKey\":\"{_record.Key}\"}}");
                        await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "listenKey expired");
                        return;
                    }
                    int interval = Hub.Settings.UserEventIntervalMs;
                    if (interval > 0)
                    {
                        long due = State.Now / interval;
                        for (; _next <= due; _next++)
                        {
                            await Socket.SendAsync(UserEvents.Futures(_next, _next * interval), Stopping);
                            EventsSent++;
                            Socket.Record.EventsSent = EventsSent;
                            if (await FaultAsync(now => $"{{\"e\":\"serverShutdown\",\"E\":{now}}}")) return;
                        }
                    }
                    else if (await FaultAsync(now => $"{{\"e\":\"serverShutdown\",\"E\":{now}}}"))
                    {
                        return;
                    }
                }
                await DelayAsync(Math.Min(Math.Max(Hub.Settings.UserEventIntervalMs, 1), Math.Max(Math.Min(UntilCutMs(), 20), 1)), Stopping);
            }
        }

        protected override Task<bool> OtherFaultAsync(StreamFault fault)
        {
            if (fault.Kind == "expireListenKey" && _record != null) _record.ExpiresMs = State.Now;
            return Task.FromResult(false);
        }
    }
}
