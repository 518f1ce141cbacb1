using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Http
{
    /// <summary>
    /// A reply body whose reads must each bring data within the timeout: a reply that stalls mid-body (a slow drip
    /// that stops) becomes an IOException saying so, instead of a read that never returns.
    /// </summary>
    internal sealed class IdleTimeoutStream : Stream
    {
        private readonly Stream _inner;
        private readonly TimeSpan _timeout;
        private readonly Action _abort;
        private readonly Timer _timer;
        private int _timedOut;

        public IdleTimeoutStream(Stream inner, TimeSpan timeout, Action abort)
        {
            _inner = inner;
            _timeout = timeout;
            _abort = abort;
            _timer = new Timer(_ => { Interlocked.Exchange(ref _timedOut, 1); _abort(); }, null, Timeout.Infinite, Timeout.Infinite);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
            try
            {
                return _inner.Read(buffer, offset, count);
            }
            catch (Exception ex) when (_timedOut == 1 && (ex is IOException || ex is ObjectDisposedException || ex is System.Net.Http.HttpRequestException))
            {
                throw Stalled(ex);
            }
            finally
            {
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
            try
            {
                return await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (_timedOut == 1 && (ex is IOException || ex is ObjectDisposedException || ex is OperationCanceledException || ex is System.Net.Http.HttpRequestException))
            {
                throw Stalled(ex);
            }
            finally
            {
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }

        private IOException Stalled(Exception inner) =>
            new IOException($"the reply stalled: no data for {_timeout.TotalSeconds:0.#} s", inner);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _timer.Dispose();
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
    }
}
