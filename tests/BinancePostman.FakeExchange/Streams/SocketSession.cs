using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>
    /// One accepted WebSocket: a loop that reads what the client sends (Kestrel's WebSocket answers pings and, with a
    /// pong timeout, cuts a client that stops answering its pings, as Binance does) and a loop that sends. Ends at the
    /// client's close, the server's, a fault, or the 24-hour cut (scaled in tests).
    /// </summary>
    internal abstract class SocketSession
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private int _controlInWindow;
        private long _controlWindowStart;

        protected SocketSession(HttpContext context, ExchangeState state)
        {
            Context = context;
            State = state;
            Hub = state.Streams;
            Path = context.Request.Path.Value ?? "/";
        }

        protected HttpContext Context { get; }
        protected ExchangeState State { get; }
        protected StreamHub Hub { get; }
        protected string Path { get; }
        protected FakeSocket Socket { get; private set; } = null!;
        protected CancellationToken Stopping => _stop.Token;
        protected long EventsSent { get; set; }

        public async Task RunAsync()
        {
            if (Hub.TakeFault(Path, 0, "refuse") != null)
            {
                Context.Response.StatusCode = 503;
                await Context.Response.WriteAsync("<html><body>503 Service Temporarily Unavailable</body></html>");
                return;
            }
            StreamSettings settings = Hub.Settings;
            WebSocket ws = await Context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = TimeSpan.FromMilliseconds(settings.PingIntervalMs),
                KeepAliveTimeout = TimeSpan.FromMilliseconds(settings.PongTimeoutMs),
            });
            ConnectionRecord record = Hub.Open(Path + Context.Request.QueryString.Value);
            Socket = new FakeSocket(ws, record);
            try
            {
                await OpenedAsync();
                Task receive = ReceiveLoopAsync(ws, record);
                Task send = SendLoopAsync();
                await Task.WhenAny(receive, send);
                // a close from this side: the client's close frame answers it (up to 2 s) before the connection goes
                if (send.IsCompleted && !receive.IsCompleted && ws.State == WebSocketState.CloseSent)
                    await Task.WhenAny(receive, Task.Delay(2000));
                _stop.Cancel();
                try { await Task.WhenAll(receive, send); } catch (OperationCanceledException) { }
            }
            finally
            {
                record.ClosedBy ??= "aborted";
                record.ClosedMs ??= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                Closed();
                ws.Dispose();
            }
        }

        protected virtual Task OpenedAsync() => Task.CompletedTask;

        protected virtual void Closed()
        {
        }

        /// <summary>A text message from the client (a subscription, a WebSocket API request).</summary>
        protected abstract Task OnMessageAsync(string text);

        /// <summary>Sends until the connection ends; returns to end it.</summary>
        protected abstract Task SendLoopAsync();

        private async Task ReceiveLoopAsync(WebSocket ws, ConnectionRecord record)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    int count = 0;
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), _stop.Token);
                        count += result.Count;
                    } while (!result.EndOfMessage && count < buffer.Length);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        record.ClosedBy ??= "client";
                        record.ClosedMs ??= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                        if (ws.State == WebSocketState.CloseReceived)
                        {
                            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                            await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", limit.Token);
                        }
                        return;
                    }
                    record.ControlMessages++;
                    if (TooMany())
                    {
                        await Socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Too many requests");
                        return;
                    }
                    await OnMessageAsync(Encoding.UTF8.GetString(buffer, 0, count));
                }
            }
            catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is System.IO.IOException || ex is ObjectDisposedException)
            {
                // a reset, a pong timeout, or the end of the session
            }
        }

        /// <summary>Binance cuts a connection that sends more control messages per second than it allows.</summary>
        private bool TooMany()
        {
            long now = Environment.TickCount64;
            if (now - _controlWindowStart >= 1000)
            {
                _controlWindowStart = now;
                _controlInWindow = 0;
            }
            return ++_controlInWindow > Hub.Settings.MaxControlMessagesPerSecond;
        }

        /// <summary>The 24-hour cut: true when the connection has been open longer than the exchange allows (then it is closed).</summary>
        protected async Task<bool> TooOldAsync()
        {
            if (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - Socket.Record.OpenedMs < Hub.Settings.MaxConnectionAgeMs) return false;
            await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Connection exceeded the 24 hour limit");
            return true;
        }

        /// <summary>Milliseconds until the 24-hour cut.</summary>
        protected long UntilCutMs() => Math.Max(0, Socket.Record.OpenedMs + Hub.Settings.MaxConnectionAgeMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        /// <summary>Plays a fault due after the events sent so far; true when it ended the connection.</summary>
        protected async Task<bool> FaultAsync(Func<long, string>? shutdownFrame)
        {
            StreamFault? fault = Hub.TakeFault(Path, EventsSent);
            if (fault == null) return false;
            switch (fault.Kind)
            {
                case "drop":
                    await Socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "going away");
                    return true;
                case "reset":
                    Socket.Record.ClosedBy = "server reset";
                    Context.Abort();
                    return true;
                case "malformed":
                    await Socket.SendAsync("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"p\":");
                    return false;
                case "binary":
                    await Socket.SendAsync(new byte[] { 0x01, 0x02, 0x03 }, WebSocketMessageType.Binary);
                    return false;
                case "silent":
                    Socket.Silenced = true;
                    Socket.Record.CloseReason = "went silent";
                    return false;
                case "stall":
                    await Task.Delay(fault.DelayMs, Stopping);
                    return false;
                case "shutdown":
                    if (shutdownFrame != null) await Socket.SendAsync(shutdownFrame(State.Now));
                    ShutdownAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + fault.DelayMs;
                    return false;
                default:
                    return await OtherFaultAsync(fault);
            }
        }

        /// <summary>When a serverShutdown was announced: the time the connection then closes.</summary>
        protected long? ShutdownAtMs { get; private set; }

        protected async Task<bool> ShutdownDueAsync()
        {
            if (ShutdownAtMs == null || DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() < ShutdownAtMs) return false;
            await Socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutdown");
            return true;
        }

        protected virtual Task<bool> OtherFaultAsync(StreamFault fault) => Task.FromResult(false);

        protected static async Task DelayAsync(long ms, CancellationToken cancel)
        {
            if (ms > 0) await Task.Delay(TimeSpan.FromMilliseconds(ms), cancel);
            else await Task.Yield();
        }
    }
}
