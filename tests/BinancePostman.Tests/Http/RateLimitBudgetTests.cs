using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Http;
using Xunit;

namespace BinancePostman.Tests.Http
{
    /// <summary>Many threads share one budget: a "server" that counts by arrival never sees a window over its limit.</summary>
    public class RateLimitBudgetTests
    {
        [Fact]
        public async Task EightThreadsNeverOvershootAOneSecondWindow()
        {
            var clock = new ServerClock();
            var tracker = new RateLimitTracker(clock);
            tracker.Learn("h", "/api/v3/ping", new[] { new RateLimitRule(RateLimitKind.Weight, new RateInterval(1, 'S'), 40) });
            var arrivals = new System.Collections.Concurrent.ConcurrentBag<long>();
            var serverCounts = new Dictionary<long, long>();
            var gate = new object();
            async Task Worker(int seed)
            {
                var random = new Random(seed);
                for (int i = 0; i < 30; i++)
                {
                    RateLimitTracker.Reservation? r = null;
                    while (r == null)
                    {
                        var admission = tracker.Admit(new RateLimitTracker.Cost("h", "/api/v3/ping", null, 2, false));
                        r = admission.Reservation;
                        if (r == null) await Task.Delay(admission.Wait);
                    }
                    await Task.Delay(random.Next(0, 4)); // on the way
                    long arrived = clock.LocalNow();
                    long used;
                    lock (gate)
                    {
                        long window = arrived / 1000;
                        serverCounts[window] = used = (serverCounts.TryGetValue(window, out long u) ? u : 0) + 2;
                    }
                    arrivals.Add(arrived);
                    await Task.Delay(random.Next(0, 3)); // the way back
                    tracker.Complete(r, new[] { new KeyValuePair<string, string>("X-MBX-USED-WEIGHT-1S", used.ToString()) });
                }
            }
            await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => Worker(i))));
            Assert.Equal(240, arrivals.Count);
            Assert.True(serverCounts.Values.Max() <= 40, "busiest window: " + serverCounts.Values.Max());
            // 480 weight at 40 a second: the budget, not the threads, set the pace
            Assert.True(serverCounts.Count >= 12, "windows used: " + serverCounts.Count);
        }
    }
}
