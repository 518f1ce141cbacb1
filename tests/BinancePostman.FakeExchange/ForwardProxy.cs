using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.FakeExchange
{
    /// <summary>One request the proxy saw: what it asked for, whether it carried the proxy's credentials, and what became of it.</summary>
    public sealed class ProxiedRequest
    {
        public ProxiedRequest(string method, string target, bool authorized, string outcome, int connection)
        {
            Method = method;
            Target = target;
            Authorized = authorized;
            Outcome = outcome;
            Connection = connection;
        }

        public string Method { get; }
        /// <summary>The absolute URI the client asked for (a forward proxy's request target).</summary>
        public string Target { get; }
        public bool Authorized { get; }
        /// <summary>"forwarded", or "407" when the proxy answered itself for want of credentials.</summary>
        public string Outcome { get; }
        /// <summary>The client connection's number: requests on one kept-alive connection share it.</summary>
        public int Connection { get; }
    }

    /// <summary>
    /// A plain HTTP forward proxy on 127.0.0.1 for the tests: it takes absolute-URI requests (GET http://host:port/path),
    /// checks Basic Proxy-Authorization when told to (407 otherwise), and forwards each request in origin form over one
    /// upstream connection per client connection. Replies are relayed byte for byte; when the upstream closes, the client
    /// connection is closed the same way (a graceful close stays graceful), so the send-once tests hold through it.
    /// CONNECT host:port opens a tunnel (what .NET asks of a proxy for a WebSocket, ws:// included), under the same
    /// credential check, logged with the outcome "tunnel". Its own control requests are origin-form: GET /__proxy/log,
    /// POST /__proxy/reset (?auth=user:password to require those credentials).
    /// </summary>
    public sealed class ForwardProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<ProxiedRequest> _log = new List<ProxiedRequest>();
        private readonly Task _accepting;
        private string? _requiredAuthorization;
        private int _connections;

        private ForwardProxy(TcpListener listener)
        {
            _listener = listener;
            Address = new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture));
            _accepting = AcceptAsync();
        }

        public Uri Address { get; }

        public static ForwardProxy Start(int port = 0)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return new ForwardProxy(listener);
        }

        /// <summary>Forgets what it saw; from now on requires these credentials ("user:password"), or none when null.</summary>
        public void Reset(string? credentials)
        {
            lock (_log)
            {
                _log.Clear();
                _requiredAuthorization = credentials == null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
            }
        }

        public IReadOnlyList<ProxiedRequest> Log
        {
            get { lock (_log) return _log.ToArray(); }
        }

        private void Record(ProxiedRequest request)
        {
            lock (_log) _log.Add(request);
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                _ = Task.Run(() => ServeAsync(client, Interlocked.Increment(ref _connections)));
            }
        }

        private async Task ServeAsync(TcpClient client, int connection)
        {
            using (client)
            {
                NetworkStream toClient = client.GetStream();
                var reader = new HeadReader(toClient);
                var writeLock = new SemaphoreSlim(1, 1);
                TcpClient? upstream = null;
                string? upstreamAuthority = null;
                try
                {
                    while (true)
                    {
                        string? head = await reader.ReadHeadAsync(_stop.Token);
                        if (head == null) return;
                        string[] lines = head.Split("\r\n");
                        string[] requestLine = lines[0].Split(' ');
                        if (requestLine.Length != 3) return;
                        string method = requestLine[0], target = requestLine[1], version = requestLine[2];
                        var headers = new List<(string name, string value)>();
                        for (int i = 1; i < lines.Length; i++)
                        {
                            int colon = lines[i].IndexOf(':');
                            if (colon > 0) headers.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
                        }
                        long length = 0;
                        foreach (var h in headers)
                            if (h.name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = long.Parse(h.value, CultureInfo.InvariantCulture);
                        byte[] body = await reader.ReadExactAsync((int)length, _stop.Token);

                        if (target.StartsWith('/'))
                        {
                            await AnswerControlAsync(toClient, method, target);
                            return;
                        }
                        string? required;
                        lock (_log) required = _requiredAuthorization;
                        bool authorized = required != null && headers.Exists(h => h.name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase) && h.value == required);
                        if (required != null && !authorized)
                        {
                            Record(new ProxiedRequest(method, target, false, "407", connection));
                            await WriteLockedAsync(writeLock, toClient, Encoding.ASCII.GetBytes(
                                "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"loopback\"\r\nContent-Length: 0\r\n\r\n"));
                            continue;
                        }

                        if (method == "CONNECT")
                        {
                            Record(new ProxiedRequest(method, target, authorized, "tunnel", connection));
                            await TunnelAsync(client, toClient, reader.TakeBuffered(), target);
                            return;
                        }

                        var uri = new Uri(target);
                        if (upstream == null || upstreamAuthority != uri.Authority || !upstream.Connected)
                        {
                            upstream?.Dispose();
                            upstream = new TcpClient();
                            await upstream.ConnectAsync(uri.Host, uri.Port, _stop.Token);
                            upstreamAuthority = uri.Authority;
                            // the exchange's replies as they come; its close becomes the client connection's close
                            _ = PumpAsync(upstream.GetStream(), bytes => WriteLockedAsync(writeLock, toClient, bytes), client.Client);
                        }
                        var forwarded = new StringBuilder();
                        forwarded.Append(method).Append(' ').Append(uri.PathAndQuery).Append(' ').Append(version).Append("\r\n");
                        foreach (var h in headers)
                            if (!h.name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)) forwarded.Append(h.name).Append(": ").Append(h.value).Append("\r\n");
                        forwarded.Append("\r\n");
                        Record(new ProxiedRequest(method, target, authorized, "forwarded", connection));
                        NetworkStream toUpstream = upstream.GetStream();
                        await toUpstream.WriteAsync(Encoding.ASCII.GetBytes(forwarded.ToString()), _stop.Token);
                        if (body.Length > 0) await toUpstream.WriteAsync(body, _stop.Token);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
                {
                    // a connection that ends: nothing to report
                }
                finally
                {
                    upstream?.Dispose();
                }
            }
        }

        /// <summary>Bytes both ways until either side ends; the end is passed on the way it came.</summary>
        private async Task TunnelAsync(TcpClient client, NetworkStream toClient, byte[] early, string authority)
        {
            int colon = authority.LastIndexOf(':');
            using var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(authority[..colon], int.Parse(authority[(colon + 1)..], CultureInfo.InvariantCulture), _stop.Token);
            }
            catch (SocketException)
            {
                await toClient.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"), _stop.Token);
                return;
            }
            await toClient.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection Established\r\n\r\n"), _stop.Token);
            NetworkStream toUpstream = upstream.GetStream();
            if (early.Length > 0) await toUpstream.WriteAsync(early, _stop.Token);
            Task up = PumpAsync(toClient, bytes => toUpstream.WriteAsync(bytes, _stop.Token).AsTask(), upstream.Client);
            Task down = PumpAsync(toUpstream, bytes => toClient.WriteAsync(bytes, _stop.Token).AsTask(), client.Client);
            await Task.WhenAll(up, down);
        }

        /// <summary>
        /// One direction of a connection, as it comes: read until <paramref name="from"/> ends, each read written on; the end
        /// is passed on to <paramref name="toSocket"/> the way it came (a graceful close stays graceful, a reset closes it).
        /// </summary>
        private async Task PumpAsync(NetworkStream from, Func<ReadOnlyMemory<byte>, Task> write, Socket toSocket)
        {
            var buffer = new byte[16384];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0) await write(buffer.AsMemory(0, read));
                toSocket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                try { toSocket.Close(); } catch (ObjectDisposedException) { }
            }
        }

        private static async Task WriteLockedAsync(SemaphoreSlim writeLock, NetworkStream stream, ReadOnlyMemory<byte> bytes)
        {
            await writeLock.WaitAsync();
            try { await stream.WriteAsync(bytes); }
            finally { writeLock.Release(); }
        }

        private async Task AnswerControlAsync(NetworkStream stream, string method, string target)
        {
            string body = "{}";
            if (method == "GET" && target == "/__proxy/log")
            {
                body = JsonSerializer.Serialize(Log, new JsonSerializerOptions { PropertyNamingPolicy = null });
            }
            else if (method == "POST" && target.StartsWith("/__proxy/reset", StringComparison.Ordinal))
            {
                int auth = target.IndexOf("auth=", StringComparison.Ordinal);
                Reset(auth < 0 ? null : Uri.UnescapeDataString(target[(auth + 5)..]));
            }
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"), _stop.Token);
            await stream.WriteAsync(bytes, _stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try { await _accepting; } catch (OperationCanceledException) { }
            _stop.Dispose();
        }

        /// <summary>Reads request heads (up to the blank line) and bodies from a connection, keeping what it read ahead.</summary>
        private sealed class HeadReader
        {
            private readonly Stream _stream;
            private byte[] _buffer = new byte[16384];
            private int _start;
            private int _end;

            public HeadReader(Stream stream) => _stream = stream;

            /// <summary>The head as text, without the blank line; null when the connection closed before one began.</summary>
            public async Task<string?> ReadHeadAsync(CancellationToken cancel)
            {
                while (true)
                {
                    int at = IndexOfBlankLine();
                    if (at >= 0)
                    {
                        string head = Encoding.ASCII.GetString(_buffer, _start, at - _start);
                        _start = at + 4;
                        return head;
                    }
                    if (!await FillAsync(cancel)) return null;
                }
            }

            /// <summary>What was read past the last head, handed over (a tunnel's first bytes).</summary>
            public byte[] TakeBuffered()
            {
                byte[] bytes = _buffer.AsSpan(_start, _end - _start).ToArray();
                _start = _end;
                return bytes;
            }

            public async Task<byte[]> ReadExactAsync(int count, CancellationToken cancel)
            {
                while (_end - _start < count)
                    if (!await FillAsync(cancel)) throw new IOException("The connection closed inside a request body.");
                byte[] bytes = _buffer.AsSpan(_start, count).ToArray();
                _start += count;
                return bytes;
            }

            private int IndexOfBlankLine()
            {
                for (int i = _start; i + 3 < _end; i++)
                    if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n') return i;
                return -1;
            }

            private async Task<bool> FillAsync(CancellationToken cancel)
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancel);
                if (read == 0) return false;
                _end += read;
                return true;
            }
        }
    }
}
