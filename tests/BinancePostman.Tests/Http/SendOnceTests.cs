using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using BinancePostman.Session;
using BinancePostman.Catalog;
using BinancePostman.FakeExchange;
using BinancePostman.Http;
using BinancePostman.Signing;
using Xunit;

namespace BinancePostman.Tests.Http
{
    /// <summary>
    /// The client on real connections to the fake exchange, which carries out a state change and then closes the
    /// kept-alive connection gracefully (FIN, no answer byte): no layer may send the request a second time, under
    /// either connection policy (pooled with a body, as on .NET; a fresh connection each, as on .NET Framework).
    /// </summary>
    public sealed class SendOnceTests : IAsyncLifetime
    {
        private FakeExchangeServer _exchange = null!;
        private string _apiKey = "";
        private IRequestSigner _signer = null!;

        public async Task InitializeAsync()
        {
            _exchange = await FakeExchangeServer.StartAsync(Fixtures.SigningVectors);
            using JsonDocument vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.SigningVectors, "vectors.json")));
            JsonElement hmac = vectors.RootElement.GetProperty("hmac")[0];
            _apiKey = hmac.GetProperty("apiKey").GetString()!;
            _signer = SignerFactory.Create(hmac.GetProperty("secret").GetString()!, null);
        }

        public async Task DisposeAsync() => await _exchange.DisposeAsync();

        private BinanceClient Client(bool freshConnections)
        {
            HttpClient pooled = SharedHttpClient.Create(freshConnections: false);
            return new BinanceClient(pooled, new ServerClock(), stateChanges: freshConnections ? SharedHttpClient.Create(freshConnections: true) : pooled);
        }

        private PreparedRequest Request(string method, string path, SecurityType security, params (string, string)[] values) =>
            RequestBuilder.PrepareRaw(method, _exchange.BaseUri.ToString(), path, security, values.Select(v => new KeyValuePair<string, string>(v.Item1, v.Item2)), BaseUriOrigin.ForCall);

        private void CloseEvery(int every, string method, string path) =>
            _exchange.State.AddFault(new Fault { Kind = "close", Every = every, Count = 10000, Method = method, PathContains = path, AfterProcessing = true });

        private static SendOptions Options => new SendOptions { Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1)), Timeout = TimeSpan.FromSeconds(10) };

        /// <summary>Sends each request and a read after it (so the next one rides a kept-alive connection); counts unknown outcomes.</summary>
        private async Task<int> SendAll(BinanceClient client, IEnumerable<PreparedRequest> requests)
        {
            int unknown = 0;
            foreach (PreparedRequest request in requests)
            {
                try
                {
                    using BinanceReply reply = await client.SendAsync(request, _apiKey, _signer, null, Options, default);
                }
                catch (BinanceApiException ex) when (ex.Kind == FailureKind.UnknownOutcome)
                {
                    unknown++;
                }
                using BinanceReply time = await client.SendAsync(Request("GET", "/api/v3/time", SecurityType.NONE), null, null, null, Options, default);
            }
            return unknown;
        }

        private List<RecordedRequest> Seen(string method, string path) =>
            _exchange.State.Requests.Where(r => r.Method == method && r.Path == path).ToList();

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task OrdersAnsweredByAGracefulCloseReachTheExchangeOnceEach(bool freshConnections)
        {
            CloseEvery(3, "POST", "/api/v3/order");
            BinanceClient client = Client(freshConnections);
            var orders = Enumerable.Range(0, 15).Select(_ => Request("POST", "/api/v3/order", SecurityType.TRADE, ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "1")));
            int unknown = await SendAll(client, orders);

            List<RecordedRequest> seen = Seen("POST", "/api/v3/order");
            Assert.Equal(15, seen.Count);
            Assert.Equal(15, seen.Select(r => r.ClientOrderId).Distinct().Count());
            Assert.Equal(5, seen.Count(r => r.Fault == "close"));
            Assert.Equal(5, unknown);
            if (freshConnections)
                Assert.All(seen, r => Assert.Equal(1, r.ConnectionUse)); // never a kept-alive connection
            else
                Assert.All(seen.Where(r => r.Fault == "close"), r => Assert.True(r.ConnectionUse > 1, "the fault should hit a kept-alive connection"));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AStateChangeWithoutParametersIsSentOnce(bool freshConnections)
        {
            CloseEvery(2, "POST", "/fapi/v1/listenKey");
            BinanceClient client = Client(freshConnections);
            int unknown = await SendAll(client, Enumerable.Range(0, 6).Select(_ => Request("POST", "/fapi/v1/listenKey", SecurityType.USER_STREAM)));
            List<RecordedRequest> seen = Seen("POST", "/fapi/v1/listenKey");
            Assert.Equal(6, seen.Count);
            Assert.Equal(3, unknown);
            Assert.All(seen, r => Assert.Equal("", r.Body));
        }

        [Fact]
        public async Task TheFakesGracefulCloseMakesHttpClientResendABodilessPost()
        {
            // the rudeness the tests rely on: without a body, .NET's HttpClient sends the same POST again by itself
            CloseEvery(1, "POST", "/fapi/v1/listenKey");
            using HttpClient raw = SharedHttpClient.Create(freshConnections: false);
            raw.DefaultRequestHeaders.Add("X-MBX-APIKEY", _apiKey);
            for (int i = 0; i < 5; i++)
            {
                (await raw.GetAsync(new Uri(_exchange.BaseUri, "/api/v3/time"))).Dispose();
                try
                {
                    (await raw.PostAsync(new Uri(_exchange.BaseUri, "/fapi/v1/listenKey"), null)).Dispose();
                }
                catch (HttpRequestException)
                {
                }
            }
            Assert.True(Seen("POST", "/fapi/v1/listenKey").Count > 5, "a bodiless POST on a kept-alive connection should have been re-sent by HttpClient");
        }

        [Fact]
        public void TheRuntimeDecidesHowStateChangesUseConnections()
        {
            Assert.Equal(StateChangeConnections.Policy.FreshConnection, StateChangeConnections.For(".NET Framework 4.8.9290.0"));
            Assert.Equal(StateChangeConnections.Policy.Pooled, StateChangeConnections.For(".NET 10.0.1"));
            Assert.Equal(StateChangeConnections.Policy.Pooled, StateChangeConnections.For(".NET Core 3.1.32"));
            Assert.Same(SharedHttpClient.Instance, SharedHttpClient.StateChanges); // this test runs on .NET
        }

        [Fact]
        public async Task AStateChangeBodyCanBeWrittenOnceOnly()
        {
            var content = new SingleUseContent(System.Text.Encoding.UTF8.GetBytes("symbol=BTCUSDT"), "application/x-www-form-urlencoded");
            Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", content.Headers.ContentType!.ToString());
            Assert.Equal(14, content.Headers.ContentLength);
            await content.CopyToAsync(new MemoryStream());
            Assert.True(content.Written);
            await Assert.ThrowsAsync<InvalidOperationException>(() => content.CopyToAsync(new MemoryStream()));
        }

        [Fact]
        public void StateChangesCarryEveryParameterInTheBodyAndReadsInTheQuery()
        {
            var order = Request("DELETE", "/api/v3/order", SecurityType.TRADE, ("symbol", "BTCUSDT"), ("orderId", "7"));
            WireRequest wire = WireRequest.Build(order, _signer, 1499827319559, null);
            Assert.Equal("", wire.Query);
            Assert.Equal("symbol=BTCUSDT&orderId=7&timestamp=1499827319559&signature=" + wire.Signature, wire.Body);
            Assert.Equal("symbol=BTCUSDT&orderId=7&timestamp=1499827319559", wire.Payload);

            var read = Request("GET", "/api/v3/order", SecurityType.USER_DATA, ("symbol", "BTCUSDT"));
            WireRequest readWire = WireRequest.Build(read, _signer, 1499827319559, null);
            Assert.Equal("", readWire.Body);
            Assert.StartsWith("symbol=BTCUSDT&timestamp=1499827319559&signature=", readWire.Query);
        }
    }
}
