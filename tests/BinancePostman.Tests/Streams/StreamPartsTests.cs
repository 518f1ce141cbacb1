using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using BinancePostman.Catalog;
using BinancePostman.Signing;
using BinancePostman.Streams;
using Xunit;

namespace BinancePostman.Tests.Streams
{
    /// <summary>The stream core's parts on their own: messages, the queue, hosts, names, the signature payload, back-off.</summary>
    public class StreamPartsTests
    {
        private static StreamMessage Read(string json, bool raw = false) => StreamMessage.Read(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetByteCount(json), raw, new NameCache());

        private static string Data(string json, StreamMessage m) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(json), m.DataStart, m.DataLength);

        [Theory]
        [InlineData("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"t\":2}}", "btcusdt@trade", "trade", "{\"e\":\"trade\",\"E\":1,\"t\":2}")]
        [InlineData(" { \"stream\" : \"!miniTicker@arr\" , \"data\" : [ {\"e\":\"24hrMiniTicker\"} ] } \n", "!miniTicker@arr", null, "[ {\"e\":\"24hrMiniTicker\"} ]")]
        [InlineData("{\"data\":{\"b\":1,\"e\":\"x\"},\"stream\":\"a@b\"}", "a@b", "x", "{\"b\":1,\"e\":\"x\"}")]
        [InlineData("{\"subscriptionId\":3,\"event\":{\"e\":\"executionReport\",\"o\":{\"e\":1}}}", null, "executionReport", "{\"e\":\"executionReport\",\"o\":{\"e\":1}}")]
        [InlineData("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}", "!serverShutdown", "serverShutdown", "{\"e\":\"serverShutdown\",\"E\":1}")]
        public void EventsAreFoundWithTheirStreamTypeAndExactBytes(string json, string? stream, string? type, string data)
        {
            StreamMessage m = Read(json);
            Assert.Equal(MessageShape.Event, m.Shape);
            Assert.Equal(stream, m.Stream);
            Assert.Equal(type, m.EventType);
            Assert.Equal(data, Data(json, m));
        }

        [Fact]
        public void RawStreamsAreTheEventItselfEvenWithKeysThatLookLikeAnAnswer()
        {
            string json = "{\"e\":\"listenKeyExpired\",\"E\":1,\"listenKey\":\"k\"}";
            StreamMessage m = Read(json, raw: true);
            Assert.Equal(MessageShape.Event, m.Shape);
            Assert.Equal("listenKeyExpired", m.EventType);
            Assert.Equal(json, Data(json, m));
            // a spot book ticker has no "e"
            Assert.Equal(MessageShape.Event, Read("{\"u\":1,\"s\":\"BNBUSDT\",\"b\":\"1\",\"B\":\"2\",\"a\":\"3\",\"A\":\"4\"}", raw: true).Shape);
        }

        [Theory]
        [InlineData("{\"result\":null,\"id\":1}", "1", true, null, null)]
        [InlineData("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":7}", "7", false, 2, "Invalid request: invalid stream")]
        [InlineData("{\"code\":3,\"msg\":\"Invalid JSON\"}", null, false, 3, "Invalid JSON")]
        [InlineData("{\"id\":\"9\",\"status\":200,\"result\":{\"subscriptionId\":0}}", "9", true, null, null)]
        [InlineData("{\"id\":\"9\",\"status\":400,\"error\":{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}}", "9", false, -1022, "Signature for this request is not valid.")]
        public void AnswersAreTold(string json, string? id, bool succeeded, int? code, string? text)
        {
            StreamMessage m = Read(json);
            Assert.Equal(MessageShape.Reply, m.Shape);
            Assert.Equal(id, m.Id);
            Assert.Equal(succeeded, m.Succeeded);
            Assert.Equal(code, m.Code);
            Assert.Equal(text, m.Text);
        }

        [Theory]
        [InlineData("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"p\":")]
        [InlineData("not json")]
        [InlineData("[1,2]")]
        [InlineData("{\"stream\":\"x\",\"data\":\"text\"}")]
        [InlineData("{\"hello\":1}")]
        [InlineData("{\"stream\":\"a\",\"data\":{}} {\"x\":1}")]
        public void AnythingElseIsMalformed(string json)
        {
            StreamMessage m = Read(json);
            Assert.Equal(MessageShape.Unknown, m.Shape);
            Assert.False(string.IsNullOrEmpty(m.Text));
        }

        [Fact]
        public void NamesReadTwiceAreTheSameString()
        {
            var names = new NameCache();
            byte[] bytes = Encoding.UTF8.GetBytes("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"}}");
            StreamMessage a = StreamMessage.Read(bytes, bytes.Length, false, names);
            StreamMessage b = StreamMessage.Read(bytes, bytes.Length, false, names);
            Assert.Same(a.Stream, b.Stream);
            Assert.Same(a.EventType, b.EventType);
        }

        [Fact]
        public void AFullQueueLetsTheOldestEventsGoAndSaysHowManyAndWhenButKeepsEveryNotice()
        {
            var queue = new StreamQueue(3);
            var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (int i = 0; i < 5; i++)
            {
                queue.Add(StreamItem.Event("s", null, new[] { (byte)i }, t0.AddSeconds(i)));
                if (i == 1) queue.Add(StreamItem.Gap("c", t0, t0.AddSeconds(1), "lost"));
            }
            var items = new List<StreamItem>();
            Assert.True(queue.Take(items, TimeSpan.Zero, CancellationToken.None));
            Assert.Equal(new[] { StreamItemKind.Dropped, StreamItemKind.Gap, StreamItemKind.Event, StreamItemKind.Event, StreamItemKind.Event }, items.Select(i => i.Kind));
            Assert.Equal(2, items[0].Count);
            Assert.Equal(t0, items[0].Start);
            Assert.Equal(t0.AddSeconds(1), items[0].End);
            Assert.Equal(new byte[] { 2, 3, 4 }, items.Skip(2).Select(i => i.Data![0]));
            Assert.Equal(3, queue.PeakEvents);
            Assert.Equal(2, queue.DroppedTotal);
            queue.Complete();
            items.Clear();
            Assert.False(queue.Take(items, TimeSpan.FromSeconds(5), CancellationToken.None));
            Assert.True(queue.IsCompleted);
        }

        [Fact]
        public void TakingWaitsForAnItemAndEndsOnCancellation()
        {
            var queue = new StreamQueue(10);
            using var cancel = new CancellationTokenSource(50);
            var items = new List<StreamItem>();
            Assert.False(queue.Take(items, TimeSpan.FromSeconds(30), cancel.Token));
            Assert.Empty(items);
            ThreadPool.QueueUserWorkItem(_ => { Thread.Sleep(30); queue.Add(StreamItem.Log("x")); });
            Assert.True(queue.Take(items, TimeSpan.FromSeconds(30), CancellationToken.None));
            Assert.Single(items);
        }

        [Fact]
        public void BinancesHostsPerApiAndNetwork()
        {
            Assert.Equal("wss://stream.binance.com:9443/stream", StreamHosts.For(StreamApi.Spot, BinanceNetwork.Production)!.MarketUrl(null).ToString());
            Assert.Equal("wss://ws-api.binance.com/ws-api/v3", new Uri(StreamHosts.For(StreamApi.Spot, BinanceNetwork.Production)!.WebSocketApi!).ToString());
            Assert.Equal("wss://stream.testnet.binance.vision/stream", StreamHosts.For(StreamApi.Spot, BinanceNetwork.Testnet)!.MarketUrl(null).ToString());
            Assert.Equal("wss://fstream.binance.com/market/stream", StreamHosts.For(StreamApi.UsdM, BinanceNetwork.Production)!.MarketUrl("market").ToString());
            Assert.Equal("wss://fstream.binance.com/private/ws/abc", StreamHosts.For(StreamApi.UsdM, BinanceNetwork.Production)!.UserDataUrl("abc").ToString());
            Assert.Equal("wss://dstream.binance.com/ws/abc", StreamHosts.For(StreamApi.CoinM, BinanceNetwork.Production)!.UserDataUrl("abc").ToString());
            Assert.Equal("wss://fstream.binance.com/pm/ws/abc", StreamHosts.For(StreamApi.PortfolioMargin, BinanceNetwork.Production)!.UserDataUrl("abc").ToString());
            Assert.Null(StreamHosts.For(StreamApi.Margin, BinanceNetwork.Testnet));
            Assert.Null(StreamHosts.For(StreamApi.Options, BinanceNetwork.Demo));
            Assert.Equal(new[] { BinanceNetwork.Production }, StreamHosts.NetworksOf(StreamApi.PortfolioMargin));
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000", StreamApi.Spot, "ws://127.0.0.1:5000/stream", "ws://127.0.0.1:5000/ws-api/v3")]
        [InlineData("https://gateway.example/binance/", StreamApi.Spot, "wss://gateway.example/binance/stream", "wss://gateway.example/binance/ws-api/v3")]
        [InlineData("wss://gateway.example:8443", StreamApi.UsdM, "wss://gateway.example:8443/public/stream", null)]
        public void UnderABaseUriBinancesPathsAreKept(string baseUri, StreamApi api, string market, string? wsApi)
        {
            StreamHosts hosts = StreamHosts.ForBaseUri(api, new Uri(baseUri));
            Assert.Equal(market, hosts.MarketUrl("public").ToString());
            Assert.Equal(wsApi, hosts.WebSocketApi);
        }

        [Theory]
        [InlineData(StreamApi.UsdM, "btcusdt@depth", "public")]
        [InlineData(StreamApi.UsdM, "btcusdt@depth20@100ms", "public")]
        [InlineData(StreamApi.UsdM, "!bookTicker", "public")]
        [InlineData(StreamApi.UsdM, "btcusdt@aggTrade", "market")]
        [InlineData(StreamApi.UsdM, "!markPrice@arr@1s", "market")]
        [InlineData(StreamApi.Options, "btc-260101-100000-c@optionTrade", "public")]
        [InlineData(StreamApi.Spot, "btcusdt@depth", null)]
        public void UsdmAndOptionsStreamsGoToTheirRoute(StreamApi api, string stream, string? route) =>
            Assert.Equal(route, StreamRoutes.RouteOf(api, stream));

        [Fact]
        public void StreamNamesGetALowerCaseSymbolAndKeepTheRest()
        {
            List<string> names = StreamNames.Normalize(new[] { "BTCUSDT@kline_1M", " ethusdt@aggTrade ", "!miniTicker@arr", "btcusdt@kline_1M" }, out string? invalid);
            Assert.Null(invalid);
            Assert.Equal(new[] { "btcusdt@kline_1M", "ethusdt@aggTrade", "!miniTicker@arr" }, names);
            StreamNames.Normalize(new[] { "btcusdt@trade/ethusdt@trade" }, out invalid);
            Assert.Equal("btcusdt@trade/ethusdt@trade", invalid);
            StreamNames.Normalize(new[] { "" }, out invalid);
            Assert.Equal("", invalid);
        }

        /// <summary>Binance's WebSocket API documentation signs its HMAC example over the parameters sorted by name; the payload and signature here are its own.</summary>
        [Fact]
        public void TheSignaturePayloadIsTheParametersSortedByNameAsBinanceDocumentsIt()
        {
            var parameters = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["symbol"] = "BTCUSDT", ["side"] = "SELL", ["type"] = "LIMIT", ["timeInForce"] = "GTC", ["quantity"] = "0.01000000",
                ["price"] = "52000.00", ["recvWindow"] = 100L, ["timestamp"] = 1645423376532L, ["apiKey"] = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
            };
            string payload = WebSocketApiSource.SignaturePayload(parameters);
            Assert.Equal("apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", payload);
            IRequestSigner signer = SignerFactory.Create("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", null);
            Assert.Equal("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24", signer.Sign(payload));
        }

        [Fact]
        public void TheSubscriptionCarriesItsParametersAndASignatureOverThem()
        {
            IRequestSigner signer = SignerFactory.Create("secret", null);
            using JsonDocument request = JsonDocument.Parse(WebSocketApiSource.SignedSubscription("5", "key", 1700000000000, "6000.5", signer));
            Assert.Equal("5", request.RootElement.GetProperty("id").GetString());
            Assert.Equal("userDataStream.subscribe.signature", request.RootElement.GetProperty("method").GetString());
            JsonElement p = request.RootElement.GetProperty("params");
            Assert.Equal(new[] { "apiKey", "recvWindow", "timestamp", "signature" }, p.EnumerateObject().Select(x => x.Name));
            Assert.Equal(1700000000000, p.GetProperty("timestamp").GetInt64());
            Assert.Equal(6000.5m, p.GetProperty("recvWindow").GetDecimal());
            Assert.Equal(signer.Sign("apiKey=key&recvWindow=6000.5&timestamp=1700000000000"), p.GetProperty("signature").GetString());
        }

        [Fact]
        public void ReconnectDelaysDoubleWithJitterUpToTheMaximum()
        {
            var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            for (int attempt = 1; attempt <= 12; attempt++)
            {
                double nominal = Math.Min(60, Math.Pow(2, attempt - 1));
                double delay = backoff.Delay(attempt).TotalSeconds;
                Assert.InRange(delay, nominal * 0.5, nominal * 1.5);
            }
        }

        [Fact]
        public void RepeatsAreToldWithinTheWindowOnly()
        {
            var seen = new EventFingerprints(window: 2);
            byte[] a = Encoding.UTF8.GetBytes("{\"t\":1}"), b = Encoding.UTF8.GetBytes("{\"t\":2}"), c = Encoding.UTF8.GetBytes("{\"t\":3}");
            Assert.True(seen.FirstTime("s", a, 0, a.Length));
            Assert.False(seen.FirstTime("s", a, 0, a.Length));
            Assert.True(seen.FirstTime("other", a, 0, a.Length));
            Assert.True(seen.FirstTime("s", b, 0, b.Length));
            Assert.True(seen.FirstTime("s", c, 0, c.Length));
            Assert.True(seen.FirstTime("s", a, 0, a.Length)); // out of the window of two
        }
    }
}
