using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Streams
{
    /// <summary>
    /// One call's streams: a channel per source, all putting into one queue that the caller drains. Stop ends every
    /// channel (connections closed, a listenKey given back) and waits for them, within a bound.
    /// </summary>
    public sealed class StreamRun : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly List<StreamChannel> _channels = new List<StreamChannel>();
        private Task[] _tasks = Array.Empty<Task>();
        private bool _stopped;

        public StreamRun(IReadOnlyList<IStreamSource> sources, int bufferSize, bool verbose, StreamTimings timings)
        {
            Queue = new StreamQueue(bufferSize);
            Timings = timings;
            foreach (IStreamSource source in sources)
                _channels.Add(new StreamChannel(source, new StreamSink(Queue, verbose), timings));
        }

        public StreamQueue Queue { get; }
        public StreamTimings Timings { get; }
        public IReadOnlyList<StreamChannel> Channels => _channels;

        public void Start()
        {
            var tasks = new Task[_channels.Count];
            for (int i = 0; i < tasks.Length; i++)
            {
                StreamChannel channel = _channels[i];
                tasks[i] = Task.Run(() => channel.RunAsync(_cancel.Token));
            }
            _tasks = tasks;
            Task.WhenAll(tasks).ContinueWith(_ => Queue.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>Ends every channel and waits for them to close their connections and give back their keys.</summary>
        public void Stop()
        {
            if (_stopped) return;
            _stopped = true;
            _cancel.Cancel();
            TimeSpan bound = Timings.CloseTimeout + Timings.CloseTimeout + Timings.CloseTimeout + TimeSpan.FromSeconds(1);
            try
            {
                Task.WaitAll(_tasks, bound);
            }
            catch (AggregateException)
            {
                // a channel's failure was reported as it happened
            }
        }

        /// <remarks>The cancellation source is left to the collector: a channel that outlived the bound may still link to it.</remarks>
        public void Dispose() => Stop();
    }
}
