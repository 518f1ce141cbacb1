using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Http;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Runs client work for a cmdlet and waits for it on the pipeline thread, where WriteVerbose and WriteProgress are
    /// allowed: the client's verbose lines and rate-limit waits (as progress) are written as they come. While the work
    /// has not had to wait, it runs on this thread, which it then blocks (<see cref="SendOptions.WaitingThreadId"/>);
    /// a call that completes that way costs no thread switch.
    /// </summary>
    internal sealed class ClientPump
    {
        private readonly PSCmdlet _cmdlet;
        private readonly bool _verbose;

        public ClientPump(PSCmdlet cmdlet, bool verbose)
        {
            _cmdlet = cmdlet;
            _verbose = verbose;
        }

        public T Run<T>(SendOptions template, Func<SendOptions, CancellationToken, Task<T>> work, CancellationToken cancel)
        {
            // a queue and a semaphore, not a BlockingCollection: ending one of those throws inside, on every call
            var events = new ConcurrentQueue<object>();
            SemaphoreSlim? signal = null;
            void Post(object item)
            {
                events.Enqueue(item);
                Volatile.Read(ref signal)?.Release();
            }
            var options = new SendOptions
            {
                Timeout = template.Timeout,
                Retry = template.Retry,
                MaximumRateLimitWait = template.MaximumRateLimitWait,
                TrustedHosts = template.TrustedHosts,
                OnUnnamedHost = decision => Post(decision),
                Log = _verbose ? line => Post(line) : (Action<string>?)null,
                OnWait = notice => Post(notice),
                WaitingThreadId = Environment.CurrentManagedThreadId,
                Proxy = template.Proxy,
                OnReply = template.OnReply,
            };
            Task<T> task = work(options, cancel);
            ProgressRecord? progress = null;
            if (!task.IsCompleted)
            {
                // not disposed: the task's continuation may release it after the loop below has ended (it holds no handle)
                var waiting = new SemaphoreSlim(0);
                Volatile.Write(ref signal, waiting);
                task.ContinueWith(_ => waiting.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (true)
                {
                    // what was posted before the semaphore existed is written first
                    progress = Drain(events, progress);
                    if (task.IsCompleted && events.IsEmpty) break;
                    // the work observes Ctrl+C itself and then ends, which releases this wait
                    waiting.Wait(CancellationToken.None);
                }
            }
            progress = Drain(events, progress);
            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                _cmdlet.WriteProgress(progress);
            }
            return task.GetAwaiter().GetResult();
        }

        private ProgressRecord? Drain(ConcurrentQueue<object> events, ProgressRecord? progress)
        {
            while (events.TryDequeue(out object? item))
            {
                if (item is string line) _cmdlet.WriteVerbose(line);
                else if (item is WaitNotice notice) progress = ShowWait(notice, progress);
                else if (item is HostTrustDecision unnamed && ModuleSession.WarnedHosts.TryAdd(unnamed.Host, true))
                    _cmdlet.WriteWarning(HostTrustText.UnnamedHostWarning(unnamed));
            }
            return progress;
        }

        private ProgressRecord? ShowWait(WaitNotice notice, ProgressRecord? progress)
        {
            if (notice.Done)
            {
                if (progress != null)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    _cmdlet.WriteProgress(progress);
                }
                return null;
            }
            progress ??= new ProgressRecord(7106, "Waiting for " + notice.Host, "waiting");
            progress.RecordType = ProgressRecordType.Processing;
            progress.StatusDescription = $"{notice.Reason}: until {notice.Until.UtcDateTime:HH:mm:ss} UTC";
            progress.SecondsRemaining = (int)Math.Ceiling(notice.Wait.TotalSeconds);
            _cmdlet.WriteProgress(progress);
            return progress;
        }
    }
}
