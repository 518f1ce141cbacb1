using System;
using System.Threading;

namespace BinancePostman.Credentials
{
    /// <summary>
    /// The one door into Microsoft.PowerShell.SecretManagement for the whole process. SecretManagement 1.1 runs every
    /// extension vault in a single static runspace and is not thread-safe: a call that arrives while another is running
    /// fails ("Unable to get secret ... from vault ...", inner "a pipeline is already running"; PowerShell/SecretManagement#188).
    /// So every runspace of the process takes turns here.
    /// </summary>
    /// <remarks>
    /// Re-entrant on the thread that holds it: a nested prompt or the vault-name completer running on that thread during a
    /// gated call goes straight through instead of deadlocking. Callers must not write to the pipeline while inside.
    /// </remarks>
    internal static class SecretManagementGate
    {
        private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1, 1);
        private static readonly TimeSpan StopPoll = TimeSpan.FromMilliseconds(100);

        [ThreadStatic]
        private static int _depth;

        /// <summary>True while the calling thread is inside the gate.</summary>
        public static bool HeldByCurrentThread => _depth > 0;

        /// <summary>
        /// Runs <paramref name="call"/> when no other thread is inside. Waiting ends with an
        /// <see cref="OperationCanceledException"/> when <paramref name="cancel"/> is cancelled or <paramref name="stopping"/>
        /// (polled while waiting) says so. <paramref name="onWait"/> is told once, before waiting, that someone else is inside.
        /// </summary>
        public static T Run<T>(Func<T> call, CancellationToken cancel, Func<bool>? stopping = null, Action? onWait = null)
        {
            if (_depth > 0) return Nested(call);
            if (!Gate.Wait(0))
            {
                onWait?.Invoke();
                if (stopping == null) Gate.Wait(cancel);
                else
                {
                    while (!Gate.Wait(StopPoll, cancel))
                        if (stopping()) throw new OperationCanceledException("Stopped while waiting for another runspace's SecretManagement call.");
                }
            }
            return Held(call);
        }

        /// <summary>Runs <paramref name="call"/> if the gate frees up within <paramref name="wait"/>; false (and nothing run) otherwise.</summary>
        public static bool TryRun<T>(Func<T> call, TimeSpan wait, out T result)
        {
            if (_depth > 0)
            {
                result = Nested(call);
                return true;
            }
            if (!Gate.Wait(wait))
            {
                result = default!;
                return false;
            }
            result = Held(call);
            return true;
        }

        private static T Held<T>(Func<T> call)
        {
            _depth = 1;
            try
            {
                return call();
            }
            finally
            {
                _depth = 0;
                Gate.Release();
            }
        }

        private static T Nested<T>(Func<T> call)
        {
            _depth++;
            try
            {
                return call();
            }
            finally
            {
                _depth--;
            }
        }
    }
}
