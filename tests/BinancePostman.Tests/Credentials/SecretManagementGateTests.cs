using System;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Credentials;
using Xunit;

namespace BinancePostman.Tests.Credentials
{
    /// <summary>
    /// The process-wide gate into SecretManagement: one thread at a time, re-entrant on the thread inside, and a wait
    /// that Ctrl+C ends. No test depends on timing: a thread that must not get in is asked with a zero wait or a
    /// cancelled token; the guards on Wait only turn a deadlock into a failure.
    /// </summary>
    public class SecretManagementGateTests
    {
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

        /// <summary>Runs <paramref name="body"/> on a thread of its own (the gate is per thread) and returns what it returned.</summary>
        private static T OnOtherThread<T>(Func<T> body)
        {
            Task<T> task = Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Assert.True(task.Wait(Guard), "the other thread did not finish: a deadlock");
            return task.Result;
        }

        [Fact]
        public void Another_thread_cannot_enter_while_one_is_inside()
        {
            bool otherGotIn = SecretManagementGate.Run(() =>
                OnOtherThread(() => SecretManagementGate.TryRun(() => 1, TimeSpan.Zero, out _)), CancellationToken.None);
            Assert.False(otherGotIn);
        }

        [Fact]
        public void The_gate_is_free_again_after_a_call_and_after_a_call_that_threw()
        {
            SecretManagementGate.Run(() => 1, CancellationToken.None);
            Assert.True(OnOtherThread(() => SecretManagementGate.TryRun(() => 1, TimeSpan.Zero, out _)));

            Assert.Throws<InvalidOperationException>(() => SecretManagementGate.Run<int>(() => throw new InvalidOperationException("vault failed"), CancellationToken.None));
            Assert.False(SecretManagementGate.HeldByCurrentThread);
            Assert.True(OnOtherThread(() => SecretManagementGate.TryRun(() => 1, TimeSpan.Zero, out _)));
        }

        [Fact]
        public void The_thread_inside_can_enter_again_without_deadlock()
        {
            // a nested prompt, or the vault-name completer, during a gated call on the same thread
            int answer = OnOtherThread(() => SecretManagementGate.Run(() =>
            {
                Assert.True(SecretManagementGate.HeldByCurrentThread);
                int inner = SecretManagementGate.Run(() => 41, CancellationToken.None);
                Assert.True(SecretManagementGate.TryRun(() => inner + 1, TimeSpan.Zero, out int completed));
                Assert.True(SecretManagementGate.HeldByCurrentThread);   // the nested exits did not let go
                return completed;
            }, CancellationToken.None));
            Assert.Equal(42, answer);
            Assert.True(SecretManagementGate.TryRun(() => 1, TimeSpan.Zero, out _));   // and the outer exit did
        }

        [Fact]
        public void A_nested_exit_does_not_open_the_gate_to_other_threads()
        {
            bool otherGotIn = SecretManagementGate.Run(() =>
            {
                SecretManagementGate.Run(() => 0, CancellationToken.None);
                return OnOtherThread(() => SecretManagementGate.TryRun(() => 1, TimeSpan.Zero, out _));
            }, CancellationToken.None);
            Assert.False(otherGotIn);
        }

        [Fact]
        public void Waiting_ends_when_the_token_is_cancelled()
        {
            using var holding = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            Task holder = Task.Factory.StartNew(() => SecretManagementGate.Run(() => { holding.Set(); return release.Wait(Guard); }, CancellationToken.None),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                Assert.True(holding.Wait(Guard));
                using var cancel = new CancellationTokenSource();
                bool ran = false;
                bool toldToWait = false;
                Task waiter = Task.Factory.StartNew(() => SecretManagementGate.Run(() => ran = true, cancel.Token, onWait: () => { toldToWait = true; cancel.Cancel(); }),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                var thrown = Assert.ThrowsAny<AggregateException>(() => waiter.Wait(Guard));
                Assert.IsAssignableFrom<OperationCanceledException>(thrown.InnerException);
                Assert.True(toldToWait);
                Assert.False(ran);
            }
            finally
            {
                release.Set();
                Assert.True(holder.Wait(Guard));
            }
        }

        [Fact]
        public void Waiting_ends_when_the_pipeline_is_stopping()
        {
            using var holding = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            Task holder = Task.Factory.StartNew(() => SecretManagementGate.Run(() => { holding.Set(); return release.Wait(Guard); }, CancellationToken.None),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                Assert.True(holding.Wait(Guard));
                int asked = 0;
                bool ran = false;
                // Ctrl+C on a cmdlet without a token of its own: PSCmdlet.Stopping, polled while waiting
                Task waiter = Task.Factory.StartNew(() => SecretManagementGate.Run(() => ran = true, CancellationToken.None, () => Interlocked.Increment(ref asked) >= 2),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                var thrown = Assert.ThrowsAny<AggregateException>(() => waiter.Wait(Guard));
                Assert.IsAssignableFrom<OperationCanceledException>(thrown.InnerException);
                Assert.False(ran);
            }
            finally
            {
                release.Set();
                Assert.True(holder.Wait(Guard));
            }
        }

        [Fact]
        public void A_waiting_thread_gets_in_once_the_holder_leaves()
        {
            using var holding = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            Task holder = Task.Factory.StartNew(() => SecretManagementGate.Run(() => { holding.Set(); return release.Wait(Guard); }, CancellationToken.None),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Assert.True(holding.Wait(Guard));
            Task<int> waiter = Task.Factory.StartNew(() => SecretManagementGate.Run(() => 7, CancellationToken.None, onWait: release.Set),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Assert.True(waiter.Wait(Guard));
            Assert.Equal(7, waiter.Result);
            Assert.True(holder.Wait(Guard));
        }
    }
}
