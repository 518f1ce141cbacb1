using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>What the exchange's stream side remembers: its settings and faults, listenKeys and listen tokens, every connection.</summary>
    public sealed class StreamHub
    {
        private readonly object _lock = new object();
        private readonly List<StreamFault> _faults = new List<StreamFault>();
        private readonly ConcurrentQueue<ConnectionRecord> _connections = new ConcurrentQueue<ConnectionRecord>();
        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();
        private readonly ConcurrentDictionary<FakeSocket, byte> _userSockets = new ConcurrentDictionary<FakeSocket, byte>();
        private int _faultCount;
        private int _nextConnection;

        public StreamSettings Settings { get; set; } = new StreamSettings();
        public ConcurrentDictionary<string, ListenKeyRecord> ListenKeys { get; } = new ConcurrentDictionary<string, ListenKeyRecord>(StringComparer.Ordinal);
        public ConcurrentDictionary<string, ListenTokenRecord> ListenTokens { get; } = new ConcurrentDictionary<string, ListenTokenRecord>(StringComparer.Ordinal);

        public IReadOnlyList<ConnectionRecord> Connections => _connections.ToArray();
        /// <summary>listenKey and listen token lifecycle, in order: "POST fapi k...", "PUT fapi k...", "DELETE fapi k...", "EXPIRED fapi k...".</summary>
        public IReadOnlyList<string> Log => _log.ToArray();

        public void Record(string line) => _log.Enqueue(line);

        public ConnectionRecord Open(string path)
        {
            var record = new ConnectionRecord(Interlocked.Increment(ref _nextConnection), path, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            _connections.Enqueue(record);
            return record;
        }

        public void AddFault(StreamFault fault)
        {
            lock (_lock)
            {
                _faults.Add(fault);
                _faultCount = _faults.Count;
            }
        }

        /// <summary>Takes a fault for this connection now that it has sent <paramref name="events"/> events, if one is due.</summary>
        public StreamFault? TakeFault(string path, long events, string? kind = null)
        {
            if (Volatile.Read(ref _faultCount) == 0) return null;
            lock (_lock)
            {
                StreamFault? due = _faults.FirstOrDefault(f => f.Count > 0 && (kind == null ? f.Kind != "refuse" : f.Kind == kind)
                    && events >= f.AfterEvents && (f.PathContains == null || path.Contains(f.PathContains, StringComparison.Ordinal)));
                if (due == null) return null;
                if (--due.Count == 0) _faults.Remove(due);
                _faultCount = _faults.Count;
                return due;
            }
        }

        public string NewKey(int length)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            return new string(chars);
        }

        public void AddUserSocket(FakeSocket socket) => _userSockets[socket] = 0;

        public void RemoveUserSocket(FakeSocket socket) => _userSockets.TryRemove(socket, out _);

        /// <summary>Sends an event caused by a REST call (an order) to the user-data connections of that API key and API.</summary>
        public void Publish(string api, string apiKey, Func<FakeSocket, string> frame)
        {
            foreach (FakeSocket socket in _userSockets.Keys)
                if (socket.Api == api && socket.ApiKey == apiKey) _ = socket.SendAsync(frame(socket));
        }

        public void Reset()
        {
            lock (_lock)
            {
                _faults.Clear();
                _faultCount = 0;
            }
            Settings = new StreamSettings();
            while (_connections.TryDequeue(out _)) { }
            while (_log.TryDequeue(out _)) { }
            ListenKeys.Clear();
            ListenTokens.Clear();
        }
    }

    /// <summary>One WebSocket connection as the exchange saw it.</summary>
    public sealed class ConnectionRecord
    {
        public ConnectionRecord(int id, string path, long openedMs)
        {
            Id = id;
            Path = path;
            OpenedMs = openedMs;
        }

        public int Id { get; }
        public string Path { get; }
        public long OpenedMs { get; }
        public long? ClosedMs { get; set; }
        /// <summary>client (its close frame), server (a close frame from here), aborted (no close handshake: reset, ping timeout).</summary>
        public string? ClosedBy { get; set; }
        public string? CloseReason { get; set; }
        public long EventsSent { get; set; }
        public List<string> Streams { get; } = new List<string>();
        public string? ApiKey { get; set; }
        public int ControlMessages { get; set; }
    }

    public sealed class ListenKeyRecord
    {
        public ListenKeyRecord(string key, string api, string apiKey, long expiresMs)
        {
            Key = key;
            Api = api;
            ApiKey = apiKey;
            ExpiresMs = expiresMs;
        }

        public string Key { get; }
        /// <summary>fapi, dapi, eapi or papi.</summary>
        public string Api { get; }
        public string ApiKey { get; }
        public long ExpiresMs { get; set; }
        public bool Deleted { get; set; }
        public int KeepAlives { get; set; }
    }

    public sealed class ListenTokenRecord
    {
        public ListenTokenRecord(string token, string apiKey, long expiresMs, string? symbol)
        {
            Token = token;
            ApiKey = apiKey;
            ExpiresMs = expiresMs;
            Symbol = symbol;
        }

        public string Token { get; }
        public string ApiKey { get; }
        public long ExpiresMs { get; }
        public string? Symbol { get; }
    }
}
