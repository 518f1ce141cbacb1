using System;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Streams
{
    /// <summary>
    /// Where one channel's connections put what they read: events once each (while a second connection takes over,
    /// an event both deliver is written once), notices, verbose lines (only when asked for); and a flag a connection
    /// raises when it should be replaced before it is cut (the server announced its shutdown).
    /// </summary>
    public sealed class StreamSink
    {
        private readonly StreamQueue _queue;
        private readonly EventFingerprints _seen = new EventFingerprints();
        private TaskCompletionSource<bool> _renewal = NewSignal();
        private int _overlaps;
        private int _matchUntil = Environment.TickCount;

        public StreamSink(StreamQueue queue, bool verbose)
        {
            _queue = queue;
            Verbose = verbose;
        }

        public bool Verbose { get; }
        /// <summary>Events delivered twice (by two connections at once) and written once.</summary>
        public long Repeats { get; private set; }
        public long Events { get; private set; }

        /// <summary>
        /// While two connections deliver at once (a new one taking over), and for a while after the old one closed (the
        /// new one may trail it), events are matched against those seen since the overlap began; at other times one
        /// connection delivers, and nothing it sends can be a repeat (Binance repeats an unchanged partial book, which is
        /// written each time).
        /// </summary>
        public void BeginOverlap() => Interlocked.Increment(ref _overlaps);

        /// <summary>The old connection is gone; the new one's events are still matched for <paramref name="lag"/> (it may trail the old one).</summary>
        public void EndOverlap(TimeSpan lag)
        {
            Volatile.Write(ref _matchUntil, Environment.TickCount + (int)Math.Min(lag.TotalMilliseconds, int.MaxValue / 2));
            Interlocked.Decrement(ref _overlaps);
        }

        private bool Matching => Volatile.Read(ref _overlaps) > 0 || Environment.TickCount - Volatile.Read(ref _matchUntil) < 0;

        /// <summary>Copies the event out of the connection's buffer into the queue, unless it was delivered already.</summary>
        public void Deliver(string? stream, string? eventType, byte[] buffer, int offset, int count)
        {
            if (Matching && !_seen.FirstTime(stream, buffer, offset, count))
            {
                Repeats++;
                return;
            }
            var data = new byte[count];
            Buffer.BlockCopy(buffer, offset, data, 0, count);
            Events++;
            _queue.Add(StreamItem.Event(stream, eventType, data, DateTimeOffset.UtcNow));
        }

        public void Report(StreamItem item) => _queue.Add(item);

        /// <summary>Reports a frame that is not text (binary, or too large to read: count 0) as malformed; true when it was text.</summary>
        public bool IsText(string source, int count, bool text)
        {
            if (text) return true;
            Report(StreamItem.Malformed(source, null, count == 0 ? "" : "(binary)", count == 0 ? "a message larger than the module reads" : "a binary frame"));
            return false;
        }

        public void Log(string line)
        {
            if (Verbose) _queue.Add(StreamItem.Log(line));
        }

        /// <summary>Completes when a connection asks to be replaced.</summary>
        public Task RenewalRequested => Volatile.Read(ref _renewal).Task;

        public void RequestRenewal() => Volatile.Read(ref _renewal).TrySetResult(true);

        public void ResetRenewal()
        {
            if (Volatile.Read(ref _renewal).Task.IsCompleted) Volatile.Write(ref _renewal, NewSignal());
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
