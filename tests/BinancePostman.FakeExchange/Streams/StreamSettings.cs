using System;
using System.Collections.Generic;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>
    /// How the exchange streams, set through /__fake/config { "streams": { ... } }: Binance's numbers by default, scaled
    /// down by tests. EventIntervalMs 0 sends as fast as the connection takes (benchmarks).
    /// </summary>
    public sealed class StreamSettings
    {
        /// <summary>One event per stream every this many ms, at times that are multiples of it: two connections send the same events.</summary>
        public int EventIntervalMs { get; set; } = 100;
        /// <summary>User data: one generated event every this many ms (0: only events that orders cause).</summary>
        public int UserEventIntervalMs { get; set; }
        public int PingIntervalMs { get; set; } = 20000;
        /// <summary>Binance cuts a connection that has not answered a ping within a minute.</summary>
        public int PongTimeoutMs { get; set; } = 60000;
        /// <summary>Binance's 24-hour cut.</summary>
        public long MaxConnectionAgeMs { get; set; } = 24L * 3600 * 1000;
        public long ListenKeyValidityMs { get; set; } = 3600 * 1000;
        /// <summary>Incoming control messages per second before the connection is cut (Binance spot: 5).</summary>
        public int MaxControlMessagesPerSecond { get; set; } = 5;
        /// <summary>Bytes of filler in each market event (benchmarks of larger frames).</summary>
        public int PaddingBytes { get; set; }
    }

    /// <summary>
    /// A one-off misbehaviour of stream connections, set through /__fake/config { "wsFaults": [ ... ] }: after AfterEvents
    /// events on a connection whose path contains PathContains, Count times in all. Kinds: drop (a close frame, 1001),
    /// reset (the TCP connection aborted), malformed (a text frame that is not JSON), binary (a binary frame),
    /// shutdown (a serverShutdown event, then a close DelayMs later), expireListenKey (the key expires: listenKeyExpired,
    /// then a close), terminate (eventStreamTerminated on a WebSocket API subscription), refuse (the next handshakes
    /// answered with HTTP 503, AfterEvents ignored), stall (no events for DelayMs), silent (nothing
    /// more is sent on that connection, answers included, and it stays open).
    /// </summary>
    public sealed class StreamFault
    {
        public string Kind { get; set; } = "";
        public int AfterEvents { get; set; }
        public int Count { get; set; } = 1;
        public string? PathContains { get; set; }
        public int DelayMs { get; set; } = 200;
    }
}
