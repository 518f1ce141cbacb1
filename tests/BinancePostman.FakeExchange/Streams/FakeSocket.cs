using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>A server-side WebSocket with one writer at a time (events, answers and pushed order events share it).</summary>
    public sealed class FakeSocket
    {
        private readonly SemaphoreSlim _sending = new SemaphoreSlim(1, 1);

        public FakeSocket(WebSocket socket, ConnectionRecord record)
        {
            Socket = socket;
            Record = record;
        }

        public WebSocket Socket { get; }
        public ConnectionRecord Record { get; }
        /// <summary>User data: which API and key this connection carries events of.</summary>
        public string? Api { get; set; }
        public string? ApiKey { get; set; }
        /// <summary>WebSocket API: the subscription id events are sent under.</summary>
        public long? SubscriptionId { get; set; }
        /// <summary>Set by the "silent" fault: nothing more is sent (events, answers), yet the connection stays open, as a
        /// connection whose far end died without closing looks to the client.</summary>
        public bool Silenced { get; set; }

        public Task SendAsync(string text, CancellationToken cancel = default) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancel);

        public async Task SendAsync(byte[] bytes, WebSocketMessageType type, CancellationToken cancel = default)
        {
            await _sending.WaitAsync(cancel);
            try
            {
                if (!Silenced && (Socket.State == WebSocketState.Open || Socket.State == WebSocketState.CloseReceived))
                    await Socket.SendAsync(bytes, type, true, cancel);
            }
            catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is ObjectDisposedException || ex is System.IO.IOException)
            {
                // the client went away
            }
            finally
            {
                _sending.Release();
            }
        }

        /// <summary>A close frame from the server, as Binance sends at the 24-hour mark or a drop.</summary>
        public async Task CloseAsync(WebSocketCloseStatus status, string reason)
        {
            Record.ClosedBy ??= "server";
            Record.CloseReason ??= reason;
            Record.ClosedMs ??= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await _sending.WaitAsync();
            try
            {
                if (Socket.State == WebSocketState.Open || Socket.State == WebSocketState.CloseReceived)
                {
                    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await Socket.CloseOutputAsync(status, reason, limit.Token);
                }
            }
            catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is ObjectDisposedException || ex is System.IO.IOException)
            {
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
