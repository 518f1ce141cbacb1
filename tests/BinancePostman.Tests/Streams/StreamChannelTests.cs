using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.FakeExchange.Streams;
using BinancePostman.Streams;
using Xunit;

namespace BinancePostman.Tests.Streams
{
    /// <summary>
    /// Market streams against the fake exchange on real WebSocket connections: the fake's events are numbered by time
    /// (trade id k at k * interval ms), so a lost, repeated or reordered event shows in the ids.
    /// </summary>
    public sealed class StreamChannelTests
    {
        private const int Interval = 10;

        private static StreamSettings Settings(Action<StreamSettings>? change = null)
        {
            var s = new StreamSettings { EventIntervalMs = Interval };
            change?.Invoke(s);
            return s;
        }

        private static MarketStreamSource Market(StreamHarness h, StreamTimings timings, params string[] streams) =>
            new MarketStreamSource(h.Hosts(StreamApi.Spot).MarketUrl(null), streams, timings);

        private static long[] Ids(StreamHarness h, string stream) => h.Events(stream).Select(e => e.GetProperty("t").GetInt64()).ToArray();

        private static void AssertIncreasing(long[] ids)
        {
            Assert.NotEmpty(ids);
            for (int i = 1; i < ids.Length; i++) Assert.True(ids[i] > ids[i - 1], $"id {ids[i]} after {ids[i - 1]}: an event written twice or out of order");
        }

        private static void AssertContiguous(long[] ids)
        {
            AssertIncreasing(ids);
            for (int i = 1; i < ids.Length; i++) Assert.True(ids[i] == ids[i - 1] + 1, $"id {ids[i - 1]} then {ids[i]}: events lost without a gap reported");
        }

        [Fact]
        public async Task EventsArriveOnceEachInOrderOnOneCombinedConnection()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings();
            h.Run(new[] { Market(h, timings, "btcusdt@trade", "ethusdt@trade") }, timings, TimeSpan.FromSeconds(5), x => x.Events("ethusdt@trade").Count() >= 30);
            AssertContiguous(Ids(h, "btcusdt@trade"));
            AssertContiguous(Ids(h, "ethusdt@trade"));
            Assert.Empty(h.Of(StreamItemKind.Gap));
            ConnectionRecord connection = Assert.Single(h.Hub.Connections);
            Assert.Equal(new[] { "btcusdt@trade", "ethusdt@trade" }, connection.Streams);
            Assert.Equal("client", connection.ClosedBy);
        }

        [Fact]
        public async Task AConnectionThatGoesSilentWithoutClosingIsCheckedGivenUpAndItsGapCountedFromTheLastMessage()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            h.Hub.AddFault(new StreamFault { Kind = "silent", AfterEvents = 50 });
            var timings = StreamHarness.Timings(t =>
            {
                t.SilenceBeforeCheck = TimeSpan.FromMilliseconds(300);
                t.HandshakeTimeout = TimeSpan.FromSeconds(1);
            });
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(10), x => x.Hub.Connections.Count >= 2 && x.Events().Count() >= 40);

            Assert.True(h.Hub.Connections.Count >= 2, "the silent connection was never given up\n" + h.Logs);
            StreamItem gap = Assert.Single(h.Of(StreamItemKind.Gap));
            Assert.Contains("no answer to a check of the connection", gap.Message);
            long[] ids = Ids(h, "btcusdt@trade");
            AssertIncreasing(ids);
            // the gap starts at the last message that came, not when the silence was given up: the check waited its whole
            // time for an answer after it (a slow moment may deliver late events while the check is out, moving the start)
            Assert.True(gap.End - gap.Start >= timings.HandshakeTimeout - TimeSpan.FromMilliseconds(100), $"gap {gap.Start:HH:mm:ss.fff} to {gap.End:HH:mm:ss.fff}\n" + h.Logs);
            Assert.Equal("went silent", h.Hub.Connections[0].CloseReason);
        }

        [Fact]
        public async Task AQuietConnectionThatAnswersItsCheckIsKeptWithoutAGap()
        {
            await using var h = await StreamHarness.StartAsync(Settings(s => s.EventIntervalMs = 700));
            var timings = StreamHarness.Timings(t => t.SilenceBeforeCheck = TimeSpan.FromMilliseconds(200));
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(2.5));

            Assert.Empty(h.Of(StreamItemKind.Gap));
            Assert.Single(h.Hub.Connections);
            Assert.Contains("the exchange answered a check", h.Logs);
            AssertContiguous(Ids(h, "btcusdt@trade"));
        }

        [Fact]
        public async Task ADroppedConnectionIsOpenedAgainResubscribedAndItsGapReportedWithNoEventTwice()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            h.Hub.AddFault(new StreamFault { Kind = "drop", AfterEvents = 20 });
            h.Hub.AddFault(new StreamFault { Kind = "reset", AfterEvents = 20 });
            var timings = StreamHarness.Timings();
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(8), x => x.Hub.Connections.Count >= 3 && x.Events().Count() >= 60);

            long[] ids = Ids(h, "btcusdt@trade");
            AssertIncreasing(ids);
            StreamItem[] gaps = h.Of(StreamItemKind.Gap).ToArray();
            Assert.True(gaps.Length == 2, h.Problems + "\n" + h.Logs);
            Assert.Contains("going away", gaps[0].Message);
            Assert.Contains("connection lost", gaps[1].Message);
            // every id missing between two received ones was due inside a reported gap
            for (int i = 1; i < ids.Length; i++)
                for (long missing = ids[i - 1] + 1; missing < ids[i]; missing++)
                {
                    long due = missing * Interval;
                    Assert.True(gaps.Any(g => due >= g.Start.ToUnixTimeMilliseconds() - 3 * Interval && due <= g.End.ToUnixTimeMilliseconds() + 3 * Interval),
                        $"id {missing} (due at {due}) was lost outside every reported gap");
                }
            Assert.Equal(3, h.Hub.Connections.Count);
            Assert.All(h.Hub.Connections, c => Assert.Equal(new[] { "btcusdt@trade" }, c.Streams));
        }

        [Fact]
        public async Task BeforeTheTwentyFourHourCutANewConnectionTakesOverWithoutAGapOrARepeat()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings(t => t.MaximumConnectionAge = TimeSpan.FromMilliseconds(300));
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(8), x => x.Hub.Connections.Count >= 4);

            Assert.True(h.Hub.Connections.Count >= 4, h.Logs);
            Assert.Empty(h.Of(StreamItemKind.Gap));
            AssertContiguous(Ids(h, "btcusdt@trade"));
            Assert.All(h.Hub.Connections.Take(h.Hub.Connections.Count - 1), c => Assert.Equal("client", c.ClosedBy));
        }

        [Fact]
        public async Task TheServersTwentyFourHourCutIsAGapReportedAndReconnected()
        {
            await using var h = await StreamHarness.StartAsync(Settings(s => s.MaxConnectionAgeMs = 250));
            var timings = StreamHarness.Timings();
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(8), x => x.Of(StreamItemKind.Gap).Count() >= 2);

            StreamItem[] gaps = h.Of(StreamItemKind.Gap).ToArray();
            Assert.True(gaps.Length >= 2, h.Logs);
            Assert.Contains("24 hour", gaps[0].Message);
            Assert.All(gaps, g => Assert.True(g.End >= g.Start));
            AssertIncreasing(Ids(h, "btcusdt@trade"));
        }

        [Fact]
        public async Task ServerPingsAreAnsweredSoTheServerNeverCutsTheConnection()
        {
            await using var h = await StreamHarness.StartAsync(Settings(s =>
            {
                s.PingIntervalMs = 40;
                s.PongTimeoutMs = 150;
            }));
            var timings = StreamHarness.Timings();
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromMilliseconds(1200));

            Assert.Empty(h.Of(StreamItemKind.Gap));
            ConnectionRecord connection = Assert.Single(h.Hub.Connections);
            Assert.Equal("client", connection.ClosedBy);

            // the control: a client that never reads never answers a ping, and the fake cuts it as Binance does
            using var silent = new ClientWebSocket();
            await silent.ConnectAsync(h.Hosts(StreamApi.Spot).MarketUrl(null), CancellationToken.None);
            DateTime end = DateTime.UtcNow.AddSeconds(5);
            while (DateTime.UtcNow < end && h.Hub.Connections.Last().ClosedBy == null) await Task.Delay(20);
            Assert.Equal("aborted", h.Hub.Connections.Last().ClosedBy);
        }

        [Fact]
        public async Task AnUnknownStreamIsRefusedByNameWhileTheOthersGoOn()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings();
            h.Run(new[] { Market(h, timings, "btcusdt@trade", "btcusdt@nonsense", "ethusdt@aggTrade", "ethusdt@kline_9x") }, timings, TimeSpan.FromSeconds(5),
                x => x.Events("ethusdt@aggTrade").Count() >= 10 && x.Events("btcusdt@trade").Count() >= 10);

            StreamItem[] refused = h.Of(StreamItemKind.Refused).ToArray();
            Assert.Equal(new[] { "btcusdt@nonsense", "ethusdt@kline_9x" }, refused.Select(r => r.Stream).OrderBy(s => s));
            Assert.All(refused, r => Assert.Equal(2, r.Code));
            Assert.All(refused, r => Assert.Contains("invalid stream", r.Message));
            Assert.NotEmpty(h.Events("btcusdt@trade"));
            Assert.NotEmpty(h.Events("ethusdt@aggTrade"));
            // halving found both with few control messages, within Binance's five per second
            Assert.True(h.Hub.Connections[0].ControlMessages <= 7, h.Hub.Connections[0].ControlMessages.ToString());
        }

        [Fact]
        public async Task EveryStreamRefusedEndsTheRunWithAFailure()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings();
            StreamRun run = h.Run(new[] { Market(h, timings, "btcusdt@nonsense") }, timings, TimeSpan.FromSeconds(5));
            Assert.True(run.Queue.IsCompleted);
            Assert.Single(h.Of(StreamItemKind.Refused));
            Assert.Single(h.Of(StreamItemKind.Failed));
            Assert.Empty(h.Of(StreamItemKind.Event));
        }

        [Fact]
        public async Task AFrameThatIsNotJsonAndABinaryFrameAreReportedAndTheStreamGoesOn()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            h.Hub.AddFault(new StreamFault { Kind = "malformed", AfterEvents = 5 });
            h.Hub.AddFault(new StreamFault { Kind = "binary", AfterEvents = 8 });
            var timings = StreamHarness.Timings();
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(5), x => x.Events().Count() >= 20);

            StreamItem[] malformed = h.Of(StreamItemKind.Malformed).ToArray();
            Assert.Equal(2, malformed.Length);
            Assert.Contains("not valid JSON", malformed[0].Message);
            Assert.Contains("binary", malformed[1].Message);
            AssertContiguous(Ids(h, "btcusdt@trade"));
            Assert.Single(h.Hub.Connections);
        }

        [Fact]
        public async Task AnAnnouncedServerShutdownIsBridgedByANewConnectionWithoutAGap()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            h.Hub.AddFault(new StreamFault { Kind = "shutdown", AfterEvents = 10, DelayMs = 400 });
            var timings = StreamHarness.Timings();
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(5), x => x.Hub.Connections.Count >= 2 && x.Events().Count() >= 60);

            Assert.Equal(2, h.Hub.Connections.Count);
            Assert.Empty(h.Of(StreamItemKind.Gap));
            AssertContiguous(Ids(h, "btcusdt@trade"));
            Assert.Contains("shutdown", h.Logs);
        }

        [Fact]
        public async Task AfterADropRefusedHandshakesAreRetriedWithBackOffUntilOneStands()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            h.Hub.AddFault(new StreamFault { Kind = "drop", AfterEvents = 10 });
            var timings = StreamHarness.Timings();
            bool armed = false;
            h.Run(new[] { Market(h, timings, "btcusdt@trade") }, timings, TimeSpan.FromSeconds(8), x =>
            {
                if (!armed && x.Events().Any())
                {
                    armed = true;
                    // once the first connection stands, the next three handshakes are answered 503
                    x.Hub.AddFault(new StreamFault { Kind = "refuse", Count = 3 });
                }
                return x.Of(StreamItemKind.Gap).Any() && x.Events().Count() >= 20;
            });
            Assert.Empty(h.Of(StreamItemKind.Failed));
            Assert.Single(h.Of(StreamItemKind.Gap));
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(h.Logs, "503").Count);
            Assert.Equal(2, h.Hub.Connections.Count);
            AssertIncreasing(Ids(h, "btcusdt@trade"));
        }

        [Fact]
        public async Task TheFirstConnectionFailingIsAnErrorNotARetryLoop()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings();
            var source = new MarketStreamSource(new Uri("ws://127.0.0.1:9/stream"), new[] { "btcusdt@trade" }, timings);
            StreamRun run = h.Run(new[] { source }, timings, TimeSpan.FromSeconds(10));
            Assert.True(run.Queue.IsCompleted);
            StreamItem failed = Assert.Single(h.Of(StreamItemKind.Failed));
            Assert.IsType<StreamConnectException>(failed.Error);
        }

        [Fact]
        public async Task ASlowReaderKeepsTheNewestEventsWithinTheBufferAndIsToldHowManyWentAndWhen()
        {
            await using var h = await StreamHarness.StartAsync(Settings(s => s.EventIntervalMs = 0));
            var timings = StreamHarness.Timings();
            var run = new StreamRun(new[] { Market(h, timings, "btcusdt@trade") }, 200, verbose: false, timings);
            run.Start();
            // the reader takes nothing until well over the buffer's worth has come
            DateTime end = DateTime.UtcNow.AddSeconds(10);
            while (run.Queue.DroppedTotal < 1000 && DateTime.UtcNow < end) await Task.Delay(20);
            var batch = new List<StreamItem>();
            run.Queue.Take(batch, TimeSpan.FromSeconds(1), CancellationToken.None);
            run.Stop();

            Assert.True(run.Queue.PeakEvents <= 200);
            StreamItem dropped = Assert.Single(batch, i => i.Kind == StreamItemKind.Dropped);
            Assert.True(dropped.Count > 200, dropped.Count.ToString());
            Assert.True(dropped.End >= dropped.Start);
            long[] ids = batch.Where(i => i.Kind == StreamItemKind.Event).Select(i => JsonDocument.Parse(i.Data!).RootElement.GetProperty("t").GetInt64()).ToArray();
            Assert.Equal(200, ids.Length);
            AssertContiguous(ids);
            // what was let go was the oldest: the events kept are the last ones received
            Assert.True(ids[0] >= dropped.Count, $"kept from {ids[0]}, {dropped.Count} let go");
        }
    }
}
