using System;
using System.Collections.Generic;
using System.Threading;

namespace BinancePostman.Streams
{
    /// <summary>
    /// Between the connections' readers and the pipeline thread: at most <see cref="Capacity"/> events wait here. When a
    /// slow pipeline lets it fill, the oldest event is let go (the connection goes on being read, so it answers Binance's
    /// pings and is not cut), and the reader is told how many and from when to when before the next event it takes.
    /// Notices (gaps, refusals, failures) are never let go; verbose lines and malformed-frame reports past a cap are.
    /// </summary>
    public sealed class StreamQueue
    {
        private const int NoticeCap = 10000;

        private readonly struct Entry
        {
            public Entry(long seq, StreamItem item)
            {
                Seq = seq;
                Item = item;
            }

            public long Seq { get; }
            public StreamItem Item { get; }
        }

        private readonly object _lock = new object();
        private readonly Queue<Entry> _events = new Queue<Entry>();
        private readonly Queue<Entry> _notices = new Queue<Entry>();
        private long _seq;
        private bool _waiting;
        private bool _completed;
        private long _dropped;
        private DateTimeOffset _dropFirst, _dropLast;

        public StreamQueue(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            Capacity = capacity;
        }

        public int Capacity { get; }
        /// <summary>Events let go in all, since the start.</summary>
        public long DroppedTotal { get; private set; }
        /// <summary>The most events that waited at once.</summary>
        public int PeakEvents { get; private set; }
        public bool IsCompleted
        {
            get { lock (_lock) return _completed && _events.Count == 0 && _notices.Count == 0 && _dropped == 0; }
        }

        public void Add(StreamItem item)
        {
            lock (_lock)
            {
                if (_completed) return;
                if (item.Kind == StreamItemKind.Event)
                {
                    if (_events.Count >= Capacity)
                    {
                        StreamItem oldest = _events.Dequeue().Item;
                        if (_dropped == 0) _dropFirst = oldest.Start;
                        _dropLast = oldest.Start;
                        _dropped++;
                        DroppedTotal++;
                    }
                    _events.Enqueue(new Entry(_seq++, item));
                    if (_events.Count > PeakEvents) PeakEvents = _events.Count;
                }
                else
                {
                    if ((item.Kind == StreamItemKind.Log || item.Kind == StreamItemKind.Malformed) && _notices.Count >= NoticeCap) return;
                    _notices.Enqueue(new Entry(_seq++, item));
                }
                if (_waiting) Monitor.Pulse(_lock);
            }
        }

        /// <summary>No more items will come; the reader takes what is left, then sees the end.</summary>
        public void Complete()
        {
            lock (_lock)
            {
                _completed = true;
                Monitor.PulseAll(_lock);
            }
        }

        /// <summary>
        /// Moves what waits into <paramref name="into"/>, in arrival order (a report of dropped events first), waiting up to
        /// <paramref name="wait"/> when nothing does. False once the queue is completed and empty, or on cancellation.
        /// </summary>
        public bool Take(List<StreamItem> into, TimeSpan wait, CancellationToken cancel)
        {
            using CancellationTokenRegistration registration = cancel.Register(() => { lock (_lock) Monitor.PulseAll(_lock); });
            lock (_lock)
            {
                DateTime deadline = DateTime.UtcNow + wait;
                while (_events.Count == 0 && _notices.Count == 0 && _dropped == 0 && !_completed && !cancel.IsCancellationRequested)
                {
                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero) return true;
                    _waiting = true;
                    Monitor.Wait(_lock, left);
                    _waiting = false;
                }
                if (cancel.IsCancellationRequested) return false;
                if (_dropped > 0)
                {
                    into.Add(StreamItem.Dropped(_dropped, _dropFirst, _dropLast));
                    _dropped = 0;
                }
                while (_events.Count > 0 || _notices.Count > 0)
                {
                    bool notice = _events.Count == 0 || (_notices.Count > 0 && _notices.Peek().Seq < _events.Peek().Seq);
                    into.Add((notice ? _notices : _events).Dequeue().Item);
                }
                return !(_completed && into.Count == 0);
            }
        }
    }
}
