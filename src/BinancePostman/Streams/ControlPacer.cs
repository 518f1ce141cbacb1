using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Streams
{
    /// <summary>Spaces control messages (subscriptions) so that no more than a set number go out in any second.</summary>
    public sealed class ControlPacer
    {
        private readonly int _perSecond;
        private readonly Queue<DateTime> _sent = new Queue<DateTime>();

        public ControlPacer(int perSecond) => _perSecond = Math.Max(1, perSecond);

        public async Task WaitTurnAsync(CancellationToken cancel)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_sent)
                {
                    DateTime now = DateTime.UtcNow;
                    while (_sent.Count > 0 && now - _sent.Peek() >= TimeSpan.FromSeconds(1)) _sent.Dequeue();
                    if (_sent.Count < _perSecond)
                    {
                        _sent.Enqueue(now);
                        return;
                    }
                    wait = _sent.Peek() + TimeSpan.FromSeconds(1) - now;
                }
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }
        }
    }
}
