using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BinancePostman.FakeExchange.Streams;
using BinancePostman.Http;
using BinancePostman.Signing;
using BinancePostman.Streams;
using Xunit;

namespace BinancePostman.Tests.Streams
{
    /// <summary>
    /// User data against the fake exchange: listenKeys kept alive on a scaled clock and closed at the end, the spot
    /// WebSocket API subscription signed with each key type, margin's listen token renewed before it expires. The fake's
    /// generated events are numbered by time (event k at k * interval ms), so a lost or repeated event shows.
    /// </summary>
    public sealed class UserDataStreamTests
    {
        private const int Interval = 20;

        private static StreamSettings Settings(Action<StreamSettings>? change = null)
        {
            var s = new StreamSettings { UserEventIntervalMs = Interval };
            change?.Invoke(s);
            return s;
        }

        /// <summary>Each event's tick, from its event time.</summary>
        private static long[] Ticks(StreamHarness h) => h.Events().Select(e => e.GetProperty("E").GetInt64() / Interval).ToArray();

        private static void AssertContiguous(long[] ticks)
        {
            Assert.NotEmpty(ticks);
            for (int i = 1; i < ticks.Length; i++) Assert.True(ticks[i] == ticks[i - 1] + 1, $"tick {ticks[i - 1]} then {ticks[i]}");
        }

        private static string[] Lifecycle(StreamHarness h, string verb) => h.Hub.Log.Where(l => l.StartsWith(verb + " ", StringComparison.Ordinal)).ToArray();

        [Fact]
        public async Task AListenKeyIsKeptAliveOnScheduleAndClosedAtTheEnd()
        {
            await using var h = await StreamHarness.StartAsync(Settings(s => s.ListenKeyValidityMs = 1500));
            var timings = StreamHarness.Timings(t => t.ListenKeyKeepAlive = TimeSpan.FromMilliseconds(150));
            var source = new ListenKeySource(h.Hosts(StreamApi.UsdM), h.Rest(StreamApi.UsdM), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromMilliseconds(1500));

            string key = Assert.Single(Lifecycle(h, "POST")).Split(' ')[2];
            Assert.True(Lifecycle(h, "PUT").Length >= 4, string.Join("\n", h.Hub.Log));
            Assert.All(Lifecycle(h, "PUT"), l => Assert.EndsWith(key, l));
            Assert.Empty(Lifecycle(h, "EXPIRED"));
            Assert.Equal("DELETE fapi " + key, h.Hub.Log.Last());
            ConnectionRecord connection = Assert.Single(h.Hub.Connections);
            Assert.Equal("/private/ws/" + key, connection.Path);
            Assert.Empty(h.Of(StreamItemKind.Gap));
            AssertContiguous(Ticks(h));
            Assert.All(h.Events(), e => Assert.Equal("ORDER_TRADE_UPDATE", e.GetProperty("e").GetString()));
            Assert.DoesNotContain(key, h.Logs);
        }

        [Fact]
        public async Task AKeyLeftWithoutKeepAliveExpiresAndANewKeyTakesOverAfterAReportedGap()
        {
            await using var h = await StreamHarness.StartAsync(Settings(s => s.ListenKeyValidityMs = 300));
            var timings = StreamHarness.Timings(t => t.ListenKeyKeepAlive = TimeSpan.FromHours(1));
            var source = new ListenKeySource(h.Hosts(StreamApi.UsdM), h.Rest(StreamApi.UsdM), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5), x => x.Hub.Connections.Count >= 2 && x.Events().Count() >= 25);

            Assert.NotEmpty(Lifecycle(h, "EXPIRED"));
            string[] posts = Lifecycle(h, "POST");
            Assert.True(posts.Length >= 2 && posts[0] != posts[1], string.Join("\n", h.Hub.Log));
            StreamItem gap = h.Of(StreamItemKind.Gap).First();
            Assert.Contains("listenKey expired", gap.Message);
            long[] ticks = Ticks(h);
            for (int i = 1; i < ticks.Length; i++) Assert.True(ticks[i] > ticks[i - 1]);
        }

        [Fact]
        public async Task AKeyClosedElsewhereIsFoundOutOnReconnectAndReplaced()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings();
            var source = new ListenKeySource(h.Hosts(StreamApi.CoinM), h.Rest(StreamApi.CoinM), timings);
            bool closed = false;
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5), x =>
            {
                if (!closed && x.Events().Count() >= 5)
                {
                    closed = true;
                    foreach (ListenKeyRecord k in x.Hub.ListenKeys.Values) k.Deleted = true;
                }
                return x.Hub.Connections.Count >= 2 && x.Events().Count() >= 15;
            });

            Assert.Equal(2, h.Hub.Connections.Count);
            Assert.NotEqual(h.Hub.Connections[0].Path, h.Hub.Connections[1].Path);
            Assert.All(h.Hub.Connections, c => Assert.StartsWith("/ws/", c.Path));
            Assert.Equal(2, Lifecycle(h, "POST").Length);
            Assert.Single(h.Of(StreamItemKind.Gap));
        }

        [Theory]
        [InlineData(StreamApi.Options, "/private/ws/", "eapi")]
        [InlineData(StreamApi.PortfolioMargin, "/pm/ws/", "papi")]
        public async Task OptionsAndPortfolioMarginUseTheirOwnListenKeyAndPath(StreamApi api, string path, string rest)
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings(t => t.ListenKeyKeepAlive = TimeSpan.FromMilliseconds(100));
            var source = new ListenKeySource(h.Hosts(api), h.Rest(api), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5), x => x.Events().Count() >= 15);

            string key = Assert.Single(Lifecycle(h, "POST")).Split(' ')[2];
            Assert.StartsWith("POST " + rest, Lifecycle(h, "POST")[0]);
            Assert.Equal(path + key, Assert.Single(h.Hub.Connections).Path);
            Assert.Equal("DELETE " + rest + " " + key, h.Hub.Log.Last());
            AssertContiguous(Ticks(h));
        }

        public static IEnumerable<object[]> KeyTypes() => new[]
        {
            new object[] { "HMAC" },
            new object[] { "RSA" },
            new object[] { "Ed25519" },
        };

        private static (string apiKey, IRequestSigner signer) Key(StreamHarness h, string type) => type switch
        {
            "RSA" => (FakeExchange.FakeKeys.RsaApiKey, StreamHarness.PemSigner("rsa-2048-pkcs8.pem")),
            "Ed25519" => (FakeExchange.FakeKeys.Ed25519ApiKey, StreamHarness.PemSigner("ed25519.pem")),
            _ => (h.Exchange.State.Keys.HmacApiKey, h.HmacSigner),
        };

        [Theory]
        [MemberData(nameof(KeyTypes))]
        public async Task SpotUserDataIsSubscribedWithASignatureOfEachKeyType(string type)
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var (apiKey, signer) = Key(h, type);
            var timings = StreamHarness.Timings();
            var source = WebSocketApiSource.Spot(h.Hosts(StreamApi.Spot), apiKey, signer, "5000", h.Rest(StreamApi.Spot, apiKey), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5), x => x.Events().Count() >= 10);

            Assert.True(h.Events().Count() >= 10, h.Problems + h.Logs);
            Assert.Contains("SUBSCRIBE spot " + type + " " + apiKey, h.Hub.Log);
            Assert.Equal("/ws-api/v3", Assert.Single(h.Hub.Connections).Path);
            AssertContiguous(Ticks(h));
            Assert.Contains(h.Events(), e => e.GetProperty("e").GetString() == "executionReport");
            Assert.Contains(h.Events(), e => e.GetProperty("e").GetString() == "balanceUpdate");
        }

        [Fact]
        public async Task AWrongSecretIsRefusedWithBinancesSignatureErrorAndNothingIsReceived()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings();
            var source = WebSocketApiSource.Spot(h.Hosts(StreamApi.Spot), h.Exchange.State.Keys.HmacApiKey, SignerFactory.Create("not-the-secret", null), null, h.Rest(StreamApi.Spot), timings);
            StreamRun run = h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5));

            Assert.True(run.Queue.IsCompleted);
            var error = Assert.IsType<BinanceApiException>(Assert.Single(h.Of(StreamItemKind.Failed)).Error);
            Assert.Equal(-1022, error.Code);
            Assert.Equal(FailureKind.Signature, error.Kind);
            Assert.Empty(h.Of(StreamItemKind.Event));
        }

        [Fact]
        public async Task AnUnknownKeyIsRefusedWithBinancesKeyError()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings();
            var source = WebSocketApiSource.Spot(h.Hosts(StreamApi.Spot), "no-such-key", h.HmacSigner, null, h.Rest(StreamApi.Spot), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5));
            Assert.Equal(-2015, Assert.IsType<BinanceApiException>(Assert.Single(h.Of(StreamItemKind.Failed)).Error).Code);
        }

        [Fact]
        public async Task ATerminatedSubscriptionIsMadeAgainAndTheGapReported()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            h.Hub.AddFault(new StreamFault { Kind = "terminate", AfterEvents = 5, PathContains = "/ws-api/" });
            var timings = StreamHarness.Timings();
            var source = WebSocketApiSource.Spot(h.Hosts(StreamApi.Spot), h.Exchange.State.Keys.HmacApiKey, h.HmacSigner, null, h.Rest(StreamApi.Spot), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5), x => x.Hub.Connections.Count >= 2 && x.Events().Count() >= 15);

            StreamItem gap = Assert.Single(h.Of(StreamItemKind.Gap));
            Assert.Contains("eventStreamTerminated", gap.Message);
            Assert.Equal(2, h.Hub.Log.Count(l => l.StartsWith("SUBSCRIBE spot", StringComparison.Ordinal)));
            long[] ticks = Ticks(h);
            for (int i = 1; i < ticks.Length; i++) Assert.True(ticks[i] > ticks[i - 1]);
        }

        [Fact]
        public async Task ASpotUserDataConnectionThatGoesSilentIsPingedGivenUpAndSubscribedAgain()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            h.Hub.AddFault(new StreamFault { Kind = "silent", AfterEvents = 5, PathContains = "/ws-api/" });
            var timings = StreamHarness.Timings(t =>
            {
                t.SilenceBeforeCheck = TimeSpan.FromMilliseconds(300);
                t.HandshakeTimeout = TimeSpan.FromSeconds(1);
            });
            var source = WebSocketApiSource.Spot(h.Hosts(StreamApi.Spot), h.Exchange.State.Keys.HmacApiKey, h.HmacSigner, null, h.Rest(StreamApi.Spot), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(10), x => x.Hub.Connections.Count >= 2 && x.Events().Count() >= 15);

            StreamItem gap = Assert.Single(h.Of(StreamItemKind.Gap));
            Assert.Contains("no answer to a check of the connection", gap.Message);
            Assert.Equal(2, h.Hub.Log.Count(l => l.StartsWith("SUBSCRIBE spot", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task MarginsListenTokenIsRenewedBeforeItExpiresWithoutAGap()
        {
            await using var h = await StreamHarness.StartAsync(Settings());
            var timings = StreamHarness.Timings(t =>
            {
                t.ListenTokenValidity = TimeSpan.FromMilliseconds(700);
                t.ListenTokenRenewBefore = TimeSpan.FromMilliseconds(300);
            });
            var source = WebSocketApiSource.Margin(h.Hosts(StreamApi.Margin), h.Exchange.State.Keys.HmacApiKey, "BTCUSDT", h.Rest(StreamApi.Margin), timings);
            h.Run(new[] { source }, timings, TimeSpan.FromSeconds(5), x => x.Hub.Connections.Count >= 3);

            Assert.True(Lifecycle(h, "TOKEN").Length >= 3, string.Join("\n", h.Hub.Log));
            Assert.All(Lifecycle(h, "TOKEN"), l => Assert.EndsWith(" 700", l));
            Assert.Empty(Lifecycle(h, "EXPIRED"));
            Assert.Empty(h.Of(StreamItemKind.Gap));
            AssertContiguous(Ticks(h));
            var tokenRequests = h.Exchange.State.Requests.Where(r => r.Path == "/sapi/v1/userListenToken").ToArray();
            Assert.All(tokenRequests, r => Assert.Contains("isIsolated=TRUE", r.Body));
        }
    }
}
