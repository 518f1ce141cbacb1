using System;

namespace BinancePostman.Streams
{
    /// <summary>
    /// The clock of a stream: how long a connection may live, how often a listenKey is kept alive, how reconnects back
    /// off. Binance's numbers by default; tests scale them down.
    /// </summary>
    public sealed class StreamTimings
    {
        /// <summary>Binance cuts every connection at 24 hours; a new one is opened before that and the old one closed once the new one delivers.</summary>
        public TimeSpan MaximumConnectionAge { get; set; } = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50);
        /// <summary>How long the old connection stays open once its replacement stands, for what it still has in flight.</summary>
        public TimeSpan OverlapGrace { get; set; } = TimeSpan.FromSeconds(2);
        /// <summary>A listenKey lives 60 minutes after its last keep-alive; Binance recommends one every 30 minutes.</summary>
        public TimeSpan ListenKeyKeepAlive { get; set; } = TimeSpan.FromMinutes(30);
        /// <summary>A failed keep-alive is tried again this much later (the key still has the rest of its hour).</summary>
        public TimeSpan ListenKeyRetry { get; set; } = TimeSpan.FromMinutes(2);
        /// <summary>A listen token (margin) is replaced this long before its expiration time.</summary>
        public TimeSpan ListenTokenRenewBefore { get; set; } = TimeSpan.FromMinutes(10);
        /// <summary>A listen token's validity when one is asked for (Binance's maximum and default: 24 hours).</summary>
        public TimeSpan ListenTokenValidity { get; set; } = TimeSpan.FromHours(24);
        public TimeSpan FirstReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan MaximumReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Opening a connection, and the answer to a subscription.</summary>
        public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);
        /// <summary>
        /// A connection with no message for this long is checked with a request (LIST_SUBSCRIPTIONS, or the WebSocket API's
        /// ping); one that does not answer within <see cref="HandshakeTimeout"/> is given up and opened again, the time since
        /// its last message reported as a gap. A far end that died without closing is otherwise never noticed.
        /// </summary>
        public TimeSpan SilenceBeforeCheck { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>How long a closing connection waits for the server's close frame.</summary>
        public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);
        /// <summary>Control messages (subscriptions) sent per second at most: spot allows 5 incoming messages per second, pongs included.</summary>
        public int ControlMessagesPerSecond { get; set; } = 4;

        /// <summary>What a stream uses unless told otherwise (tests set a scaled copy).</summary>
        public static StreamTimings Default { get; set; } = new StreamTimings();

        /// <summary>Binance's timings multiplied by <paramref name="factor"/> (e.g. 0.0001: a day in under 9 seconds); handshakes keep a usable floor.</summary>
        public static StreamTimings Scaled(double factor)
        {
            var binance = new StreamTimings();
            TimeSpan Scale(TimeSpan t) => TimeSpan.FromTicks(Math.Max(1, (long)(t.Ticks * factor)));
            return new StreamTimings
            {
                MaximumConnectionAge = Scale(binance.MaximumConnectionAge),
                OverlapGrace = Scale(binance.OverlapGrace),
                ListenKeyKeepAlive = Scale(binance.ListenKeyKeepAlive),
                ListenKeyRetry = Scale(binance.ListenKeyRetry),
                ListenTokenRenewBefore = Scale(binance.ListenTokenRenewBefore),
                ListenTokenValidity = Scale(binance.ListenTokenValidity),
                FirstReconnectDelay = Scale(binance.FirstReconnectDelay),
                SilenceBeforeCheck = Scale(binance.SilenceBeforeCheck),
                MaximumReconnectDelay = Scale(binance.MaximumReconnectDelay),
                HandshakeTimeout = binance.HandshakeTimeout,
                CloseTimeout = binance.CloseTimeout,
                ControlMessagesPerSecond = binance.ControlMessagesPerSecond,
            };
        }

        public StreamTimings Copy() => (StreamTimings)MemberwiseClone();
    }
}
