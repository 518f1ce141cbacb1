using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Http;

namespace BinancePostman.Streams
{
    /// <summary>
    /// One WebSocket connection: opened, read by a loop of its own that hands each whole message to a handler, written to
    /// one message at a time, closed. The runtime's WebSocket answers the server's pings (with the ping's payload) while
    /// the loop reads, and the loop always reads: a slow pipeline never stops it (see <see cref="StreamQueue"/>).
    /// </summary>
    public sealed class WebSocketLeg : IDisposable
    {
        /// <summary>One whole message: <paramref name="buffer"/>[0..<paramref name="count"/>), valid only during the call.</summary>
        public delegate void MessageHandler(WebSocketLeg leg, byte[] buffer, int count, bool text);

        private const int MaximumMessageBytes = 32 * 1024 * 1024;

        private readonly ClientWebSocket _socket;
        private readonly MessageHandler _handler;
        private readonly SemaphoreSlim _sending = new SemaphoreSlim(1, 1);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> _ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _replies = new ConcurrentDictionary<string, TaskCompletionSource<byte[]>>(StringComparer.Ordinal);
        private bool _closing;
        private long _lastMessageTicks = DateTimeOffset.UtcNow.UtcTicks;

        private WebSocketLeg(ClientWebSocket socket, Uri url, string safeUrl, MessageHandler handler)
        {
            _socket = socket;
            Url = url;
            SafeUrl = safeUrl;
            _handler = handler;
            OpenedAt = DateTimeOffset.UtcNow;
        }

        public Uri Url { get; }
        /// <summary>The URL as it may be shown (a listenKey masked).</summary>
        public string SafeUrl { get; }
        public DateTimeOffset OpenedAt { get; }
        public DateTimeOffset? EndedAt { get; private set; }
        /// <summary>Why the connection ended: the server's close status and reason, or the error.</summary>
        public string? EndReason { get; private set; }
        /// <summary>True when this side closed it (a rollover, the end of the call): not a drop.</summary>
        public bool ClosedHere => _closing;
        public long Messages { get; private set; }
        /// <summary>When the last whole message arrived (the opening, before the first).</summary>
        public DateTimeOffset LastMessageAt => new DateTimeOffset(Volatile.Read(ref _lastMessageTicks), TimeSpan.Zero);
        /// <summary>Set when the connection was given up for its silence: events are missing from the last message on.</summary>
        public DateTimeOffset? SilentSince { get; private set; }
        /// <summary>Names this connection's reader has seen (used on its thread only).</summary>
        public NameCache Names { get; } = new NameCache();
        public Task Ended => _ended.Task;
        /// <summary>Set by the protocol when a message says the connection is ending (serverShutdown) or its subscription is gone.</summary>
        public string? Ending { get; set; }

        /// <param name="proxy">the call's proxy setting; null for the system's proxy</param>
        public static async Task<WebSocketLeg> ConnectAsync(Uri url, string safeUrl, TimeSpan timeout, ProxySetting? proxy, MessageHandler handler, CancellationToken cancel)
        {
            var socket = new ClientWebSocket();
            if (proxy != null && proxy.TryGetWebSocketProxy(out IWebProxy? via)) socket.Options.Proxy = via;
            string through = proxy?.Mode == ProxyMode.Explicit ? " (through " + proxy.Describe() + ")" : "";
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                limit.CancelAfter(timeout);
                try
                {
                    await socket.ConnectAsync(url, limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    socket.Dispose();
                    throw new StreamConnectException(safeUrl, $"no connection within {timeout.TotalSeconds:0.#} s{through}", null);
                }
                catch (Exception ex) when (ex is WebSocketException || ex is System.Net.Http.HttpRequestException || ex is System.IO.IOException
                    || ex is System.Net.Sockets.SocketException || ex is InvalidOperationException)
                {
                    socket.Dispose();
                    throw new StreamConnectException(safeUrl, Innermost(ex) + through, ex);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
            var leg = new WebSocketLeg(socket, url, safeUrl, handler);
            _ = Task.Run(leg.ReadLoopAsync, CancellationToken.None);
            return leg;
        }

        private async Task ReadLoopAsync()
        {
            byte[] buffer = new byte[16 * 1024];
            string? reason = null;
            try
            {
                while (true)
                {
                    int count = 0;
                    bool oversize = false;
                    WebSocketReceiveResult result;
                    do
                    {
                        if (count == buffer.Length)
                        {
                            if (buffer.Length >= MaximumMessageBytes) { oversize = true; count = 0; }
                            else Array.Resize(ref buffer, buffer.Length * 2);
                        }
                        result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), _stop.Token).ConfigureAwait(false);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            string status = result.CloseStatus?.ToString() ?? "no status";
                            reason = string.IsNullOrEmpty(result.CloseStatusDescription) ? $"closed by the server ({status})" : $"closed by the server ({status}: {result.CloseStatusDescription})";
                            await AnswerCloseAsync().ConfigureAwait(false);
                            return;
                        }
                        count += result.Count;
                    } while (!result.EndOfMessage);
                    Messages++;
                    Volatile.Write(ref _lastMessageTicks, DateTimeOffset.UtcNow.UtcTicks);
                    if (oversize)
                    {
                        _handler(this, Array.Empty<byte>(), 0, false);
                        continue;
                    }
                    _handler(this, buffer, count, result.MessageType == WebSocketMessageType.Text);
                }
            }
            catch (OperationCanceledException)
            {
                reason = _closing ? "closed" : "aborted";
            }
            catch (Exception ex) when (ex is WebSocketException || ex is System.IO.IOException || ex is ObjectDisposedException || ex is System.Net.Sockets.SocketException)
            {
                reason = _closing ? "closed" : "connection lost: " + Innermost(ex);
            }
            finally
            {
                EndedAt = DateTimeOffset.UtcNow;
                EndReason = Ending ?? reason ?? "ended";
                foreach (var pending in _replies.Values) pending.TrySetException(new StreamConnectException(SafeUrl, EndReason, null));
                _ended.TrySetResult(true);
            }
        }

        private async Task AnswerCloseAsync()
        {
            if (_socket.State != WebSocketState.CloseReceived) return;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", limit.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is ObjectDisposedException || ex is System.IO.IOException)
            {
                // the server has gone already
            }
        }

        public async Task SendTextAsync(string text, CancellationToken cancel)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            await _sending.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, cancel).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }

        /// <summary>Sends a request and waits for the message that answers it (matched by id through <see cref="TryCompleteReply"/>).</summary>
        public async Task<byte[]> RequestAsync(string id, string text, TimeSpan timeout, CancellationToken cancel, string what = "the subscription")
        {
            var reply = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            _replies[id] = reply;
            try
            {
                if (Ended.IsCompleted) throw new StreamConnectException(SafeUrl, EndReason ?? "ended", null);
                await SendTextAsync(text, cancel).ConfigureAwait(false);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                limit.CancelAfter(timeout);
                using (limit.Token.Register(() => reply.TrySetCanceled()))
                {
                    try
                    {
                        return await reply.Task.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                    {
                        throw new StreamConnectException(SafeUrl, $"no answer to {what} within {timeout.TotalSeconds:0.#} s", null);
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException || ex is System.IO.IOException || ex is ObjectDisposedException)
            {
                throw new StreamConnectException(SafeUrl, Innermost(ex), ex);
            }
            finally
            {
                _replies.TryRemove(id, out _);
            }
        }

        /// <summary>
        /// Gives the connection up because it went silent and did not answer a check: it ends with <paramref name="reason"/>,
        /// and the gap is counted from the last message that arrived.
        /// </summary>
        public void AbandonSilent(string reason)
        {
            SilentSince = LastMessageAt;
            Ending = reason;
            _socket.Abort();
        }

        /// <summary>Hands a reply to the request waiting for it; false when none waits for this id.</summary>
        public bool TryCompleteReply(string id, byte[] reply) => _replies.TryGetValue(id, out var waiting) && waiting.TrySetResult(reply);

        /// <summary>Sends a close frame and waits (up to <paramref name="timeout"/>) for the server's; then lets go of the connection.</summary>
        public async Task CloseAsync(TimeSpan timeout)
        {
            _closing = true;
            if (_socket.State == WebSocketState.Open)
            {
                using var limit = new CancellationTokenSource(timeout);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", limit.Token).ConfigureAwait(false);
                    await Task.WhenAny(Ended, Task.Delay(timeout, limit.Token)).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is ObjectDisposedException || ex is System.IO.IOException)
                {
                    // gone already
                }
            }
            Dispose();
        }

        public void Dispose()
        {
            _closing = true;
            _socket.Abort();
            _stop.Cancel();
            _socket.Dispose();
        }

        internal static string Innermost(Exception ex)
        {
            Exception inner = ex;
            while (inner.InnerException != null) inner = inner.InnerException;
            return ReferenceEquals(inner, ex) || inner.Message.Length == 0 ? ex.Message : ex.Message + " (" + inner.Message + ")";
        }
    }

    /// <summary>A connection that could not be opened, or a subscription that got no answer: worth trying again.</summary>
    public sealed class StreamConnectException : Exception
    {
        public StreamConnectException(string url, string reason, Exception? inner)
            : base($"{url}: {reason}", inner)
        {
            Url = url;
            Reason = reason;
        }

        public string Url { get; }
        public string Reason { get; }
    }
}
