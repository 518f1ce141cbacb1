using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Http
{
    /// <summary>
    /// A reply body whose reads must each bring data within the timeout: a reply that stalls mid-body (a slow drip
    /// that stops) becomes an IOException saying so, instead of a read that never returns. One watch for the whole
    /// process looks at the reads in progress a few times a second, so a read costs two clock reads, not a timer.
    /// </summary>
    internal sealed class IdleTimeoutStream : Stream
    {
        private readonly Stream _inner;
        private readonly TimeSpan _timeout;
        private readonly long _timeoutTicks;
        private readonly Action _abort;
        private long _readSince; // Stopwatch ticks when the read in progress began; 0 between reads
        private int _timedOut;

        public IdleTimeoutStream(Stream inner, TimeSpan timeout, Action abort)
        {
            _inner = inner;
            _timeout = timeout;
            _timeoutTicks = (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            _abort = abort;
            StallWatch.Add(this);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Interlocked.Exchange(ref _readSince, Stopwatch.GetTimestamp());
            try
            {
                return _inner.Read(buffer, offset, count);
            }
            catch (Exception ex) when (Volatile.Read(ref _timedOut) == 1 && (ex is IOException || ex is ObjectDisposedException || ex is System.Net.Http.HttpRequestException))
            {
                throw Stalled(ex);
            }
            finally
            {
                Interlocked.Exchange(ref _readSince, 0);
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _readSince, Stopwatch.GetTimestamp());
            try
            {
                return await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Volatile.Read(ref _timedOut) == 1 && (ex is IOException || ex is ObjectDisposedException || ex is OperationCanceledException || ex is System.Net.Http.HttpRequestException))
            {
                throw Stalled(ex);
            }
            finally
            {
                Interlocked.Exchange(ref _readSince, 0);
            }
        }

        /// <summary>Called by the watch: aborts the reply when a read has waited longer than the timeout.</summary>
        internal void Check(long now)
        {
            long since = Interlocked.Read(ref _readSince);
            if (since == 0 || now - since < _timeoutTicks) return;
            if (Interlocked.Exchange(ref _timedOut, 1) == 0) _abort();
        }

        private IOException Stalled(Exception inner) =>
            new IOException($"the reply stalled: no data for {_timeout.TotalSeconds:0.#} s", inner);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                StallWatch.Remove(this);
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>The process's one watch over reply bodies being read.</summary>
        private static class StallWatch
        {
            private static readonly ConcurrentDictionary<IdleTimeoutStream, byte> Watched = new ConcurrentDictionary<IdleTimeoutStream, byte>();
            // started on first use and kept: it looks at what is being read, four times a second
            private static readonly Lazy<Timer> Ticker = new Lazy<Timer>(() => new Timer(_ => Tick(), null, 250, 250), LazyThreadSafetyMode.ExecutionAndPublication);

            public static void Add(IdleTimeoutStream stream)
            {
                Watched.TryAdd(stream, 0);
                _ = Ticker.Value;
            }

            public static void Remove(IdleTimeoutStream stream) => Watched.TryRemove(stream, out _);

            private static void Tick()
            {
                long now = Stopwatch.GetTimestamp();
                foreach (IdleTimeoutStream stream in Watched.Keys) stream.Check(now);
            }
        }
    }
}
