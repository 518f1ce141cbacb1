using System;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Streams
{
    /// <summary>What one channel of a stream connects to and how: opening and subscribing, work on the side, cleanup.</summary>
    public interface IStreamSource
    {
        /// <summary>What the channel carries and where, for messages (no secrets).</summary>
        string Description { get; }

        /// <summary>Opens a connection and subscribes; from then on its events go to <paramref name="sink"/>.</summary>
        /// <exception cref="StreamRefusedException">the exchange refused the subscription: retrying would not help</exception>
        /// <exception cref="StreamConnectException">no connection, or no answer: worth trying again</exception>
        Task<WebSocketLeg> OpenAsync(StreamSink sink, CancellationToken cancel);

        /// <summary>When the connection should be replaced at the latest for reasons of the source (a listen token expiring); null: no such time.</summary>
        DateTimeOffset? RenewBy { get; }

        /// <summary>
        /// Asks the exchange for an answer on <paramref name="leg"/> (after a silence), completing when it comes; false when
        /// this kind of connection has nothing to ask (a listenKey stream takes no requests).
        /// </summary>
        /// <exception cref="StreamConnectException">no answer within <paramref name="timeout"/></exception>
        Task<bool> ProbeAsync(WebSocketLeg leg, TimeSpan timeout, CancellationToken cancel);

        /// <summary>Runs beside the connections until cancelled (a listenKey's keep-alive); completes at once when there is nothing to do.</summary>
        Task RunBesideAsync(StreamSink sink, Func<WebSocketLeg?> current, CancellationToken cancel);

        /// <summary>Gives back what was opened at the exchange (closes the listenKey); best effort, within <paramref name="timeout"/>.</summary>
        Task CloseAsync(StreamSink sink, TimeSpan timeout);
    }
}
