using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.FakeExchange;
using BinancePostman.Http;
using BinancePostman.Session;
using BinancePostman.Signing;
using Xunit;

namespace BinancePostman.Tests.Http
{
    /// <summary>
    /// Requests through a forward proxy on loopback (one that counts what passes, and asks for Basic credentials when told
    /// to), with the client's routes per proxy setting: reads and state changes pass once each, a graceful close after the
    /// exchange placed an order is still an unknown outcome and never a second order, a 407 or an unreachable proxy is the
    /// proxy's failure with nothing sent, and every reply (or failed reply) reaches OnReply.
    /// </summary>
    public sealed class ProxyRouteTests : IAsyncLifetime
    {
        private FakeExchangeServer _exchange = null!;
        private ForwardProxy _proxy = null!;
        private string _apiKey = "";
        private IRequestSigner _signer = null!;

        public async Task InitializeAsync()
        {
            _exchange = await FakeExchangeServer.StartAsync(Fixtures.SigningVectors);
            _proxy = ForwardProxy.Start();
            using JsonDocument vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.SigningVectors, "vectors.json")));
            JsonElement hmac = vectors.RootElement.GetProperty("hmac")[0];
            _apiKey = hmac.GetProperty("apiKey").GetString()!;
            _signer = SignerFactory.Create(hmac.GetProperty("secret").GetString()!, null);
        }

        public async Task DisposeAsync()
        {
            await _proxy.DisposeAsync();
            await _exchange.DisposeAsync();
        }

        private static BinanceClient Client(StateChangeConnections.Policy policy) =>
            new BinanceClient(new HttpRoutes(SharedHttpClient.Create, policy), new ServerClock());

        private ProxySetting ThroughProxy(string? user = null, string? password = null) =>
            ProxySetting.Through(_proxy.Address, user == null ? null : new NetworkCredential(user, password), useDefaultCredentials: false);

        private static SendOptions Options(ProxySetting proxy, List<ReplyHead>? replies = null) => new SendOptions
        {
            Retry = new RetryPolicy(2, TimeSpan.FromMilliseconds(1)),
            Timeout = TimeSpan.FromSeconds(10),
            Proxy = proxy,
            OnReply = replies == null ? null : replies.Add,
        };

        private PreparedRequest Request(string method, string path, SecurityType security, params (string, string)[] values) =>
            RequestBuilder.PrepareRaw(method, _exchange.BaseUri.ToString(), path, security, values.Select(v => new KeyValuePair<string, string>(v.Item1, v.Item2)), BaseUriOrigin.ForCall);

        private PreparedRequest Order() =>
            Request("POST", "/api/v3/order", SecurityType.TRADE, ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "MARKET"), ("quantity", "1"));

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task OrdersThroughAProxyThatWantsCredentialsReachTheExchangeOnceEachUnderGracefulCloses(bool freshConnections)
        {
            var policy = freshConnections ? StateChangeConnections.Policy.FreshConnection : StateChangeConnections.Policy.Pooled;
            _proxy.Reset("trader:s3cret-proxy-pass");
            _exchange.State.AddFault(new Fault { Kind = "close", Every = 3, Count = 10000, Method = "POST", PathContains = "/api/v3/order", AfterProcessing = true });
            BinanceClient client = Client(policy);
            SendOptions options = Options(ThroughProxy("trader", "s3cret-proxy-pass"));
            int unknown = 0;
            for (int i = 0; i < 12; i++)
            {
                try
                {
                    using BinanceReply reply = await client.SendAsync(Order(), _apiKey, _signer, null, options, default);
                }
                catch (BinanceApiException ex) when (ex.Kind == FailureKind.UnknownOutcome)
                {
                    unknown++;
                }
                // a read between orders keeps the connection alive and in use
                using BinanceReply time = await client.SendAsync(Request("GET", "/api/v3/time", SecurityType.NONE), null, null, null, options, default);
            }

            List<RecordedRequest> orders = _exchange.State.Requests.Where(r => r.Method == "POST" && r.Path == "/api/v3/order").ToList();
            Assert.Equal(12, orders.Count);
            Assert.Equal(12, orders.Select(r => r.ClientOrderId).Distinct().Count());
            Assert.Equal(4, unknown);
            IReadOnlyList<ProxiedRequest> passed = _proxy.Log;
            Assert.Equal(12, passed.Count(p => p.Method == "POST"));
            // the credentials went with every request: the proxy never had to ask, so nothing was sent twice to get past it
            Assert.All(passed, p => Assert.True(p.Authorized && p.Outcome == "forwarded", $"{p.Method} {p.Target}: {p.Outcome}"));
            // the server-time read of the clock sync went the same way
            Assert.Contains(passed, p => p.Target.EndsWith("/api/v3/time", StringComparison.Ordinal));
        }

        [Fact]
        public async Task TheProxyRelaysTheExchangesGracefulCloseSoTheTrapIsLiveThroughIt()
        {
            // without a body, .NET's HttpClient sends the same POST again by itself, through the proxy as well
            _proxy.Reset(null);
            _exchange.State.AddFault(new Fault { Kind = "close", Every = 1, Count = 10000, Method = "POST", PathContains = "/fapi/v1/listenKey", AfterProcessing = true });
            using HttpClient raw = SharedHttpClient.Create(ThroughProxy(), freshConnections: false);
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
            Assert.True(_exchange.State.Requests.Count(r => r.Path == "/fapi/v1/listenKey") > 5, "a bodiless POST should have been re-sent by HttpClient through the proxy");
            Assert.True(_proxy.Log.Count(p => p.Method == "POST") > 5);
        }

        [Fact]
        public async Task AProxyThatWantsCredentialsItWasNotGivenIsTheProxysFailureAndNothingReachesTheExchange()
        {
            _proxy.Reset("trader:right");
            BinanceClient client = Client(StateChangeConnections.Policy.Pooled);
            var replies = new List<ReplyHead>();
            var ex = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Order(), _apiKey, _signer, null, Options(ThroughProxy("trader", "wrong"), replies), default));

            Assert.Equal(FailureKind.Proxy, ex.Kind);
            Assert.Equal(FailureDetail.ProxyAuthentication, ex.Detail);
            Assert.Equal("BinanceHttp.Proxy", ex.ErrorId);
            Assert.True(ex.NothingSent);
            Assert.Equal(1, ex.Attempts);
            Assert.Equal(_proxy.Address.ToString().TrimEnd('/'), ex.Proxy);
            Assert.Equal(407, ex.Reply!.Status);
            Assert.Contains("Basic", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong", ex.Message, StringComparison.Ordinal);
            Assert.Equal(407, Assert.Single(replies).Status);
            Assert.DoesNotContain(_exchange.State.Requests, r => r.Path == "/api/v3/order");
            // the 407 came back as it was: the order was not offered to the proxy a second time
            Assert.Equal("407", Assert.Single(_proxy.Log, p => p.Method == "POST").Outcome);
        }

        [Fact]
        public async Task AnUnreachableProxyIsNamedAndItsCredentialsAreNot()
        {
            int closedPort;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var unreachable = ProxySetting.Through(new Uri($"http://127.0.0.1:{closedPort}"), new NetworkCredential("trader", "pw-never-shown"), false);
            BinanceClient client = Client(StateChangeConnections.Policy.Pooled);
            var replies = new List<ReplyHead>();
            var log = new List<string>();
            SendOptions options = Options(unreachable, replies);
            options.Log = log.Add;
            var ex = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Request("GET", "/api/v3/time", SecurityType.NONE), null, null, null, options, default));

            Assert.Equal(FailureKind.Proxy, ex.Kind);
            Assert.Equal(FailureDetail.ProxyUnreachable, ex.Detail);
            Assert.True(ex.NothingSent);
            Assert.Equal(3, ex.Attempts); // retried as a lost connection is, for a read
            Assert.Equal($"http://127.0.0.1:{closedPort}", ex.Proxy);
            Assert.Null(ex.Reply);
            Assert.Empty(replies);
            Assert.Contains(log, l => l.Contains($"via http://127.0.0.1:{closedPort}", StringComparison.Ordinal));
            Assert.All(log.Append(ex.Message), l => Assert.DoesNotContain("pw-never-shown", l, StringComparison.Ordinal));
            Assert.Empty(_exchange.State.Requests);
        }

        [Fact]
        public async Task NoProxyAndTheSystemsProxyGoStraightToALoopbackExchangeWhileAGivenProxyCountsEachRequest()
        {
            _proxy.Reset(null);
            BinanceClient client = Client(StateChangeConnections.Policy.Pooled);
            foreach (ProxySetting direct in new[] { ProxySetting.None, ProxySetting.System })
            {
                using BinanceReply reply = await client.SendAsync(Request("GET", "/api/v3/time", SecurityType.NONE), null, null, null, Options(direct), default);
            }
            Assert.Empty(_proxy.Log);
            for (int i = 0; i < 3; i++)
            {
                using BinanceReply reply = await client.SendAsync(Request("GET", "/api/v3/depth", SecurityType.NONE, ("symbol", "BTCUSDT")), null, null, null, Options(ThroughProxy()), default);
            }
            Assert.Equal(3, _proxy.Log.Count(p => p.Target.Contains("/api/v3/depth", StringComparison.Ordinal)));
            Assert.All(_proxy.Log, p => Assert.False(p.Authorized));
            // the budget is per host, whichever way the requests went
            Assert.Equal(5, _exchange.State.Requests.Count);
        }

        [Fact]
        public async Task EveryReplyReachesOnReplyWithAllItsHeadersAndAFailedOneToo()
        {
            BinanceClient client = Client(StateChangeConnections.Policy.Pooled);
            var replies = new List<ReplyHead>();
            using (BinanceReply ok = await client.SendAsync(Request("GET", "/api/v3/time", SecurityType.NONE), null, null, null, Options(ProxySetting.None, replies), default))
            {
                Assert.Same(ok.Head, replies.Single());
                Assert.Equal(200, ok.Head.Status);
                Assert.True(ok.Head.Headers.ContainsKey("x-mbx-used-weight-1m"), "header names are case-insensitive");
                Assert.Contains("application/json", ok.Head.Headers["Content-Type"][0], StringComparison.Ordinal);
            }
            var ex = await Assert.ThrowsAsync<BinanceApiException>(() =>
                client.SendAsync(Request("GET", "/api/v3/klines", SecurityType.NONE, ("symbol", "BTCUSDT"), ("interval", "1m"), ("limit", "5000")), null, null, null, Options(ProxySetting.None, replies), default));
            Assert.Equal(400, ex.Reply!.Status);
            Assert.Same(ex.Reply, replies[1]);
            Assert.True(ex.Reply.Headers.ContainsKey("X-MBX-USED-WEIGHT-1M"));
        }

        [Fact]
        public void RoutesAreOnePerDistinctSettingAndKeepTheStateChangeGuardOfTheirRuntime()
        {
            var routes = new HttpRoutes(SharedHttpClient.Create, StateChangeConnections.Policy.FreshConnection);
            var proxy = new Uri("http://127.0.0.1:3128");
            HttpRoute a = routes.For(ProxySetting.Through(proxy, new NetworkCredential("u", "p1"), false));
            Assert.Same(a, routes.For(ProxySetting.Through(proxy, new NetworkCredential("u", "p1"), false)));
            Assert.NotSame(a, routes.For(ProxySetting.Through(proxy, new NetworkCredential("u", "p2"), false)));
            Assert.NotSame(a, routes.For(ProxySetting.Through(proxy, null, false)));
            Assert.Same(routes.For(ProxySetting.None), routes.For(ProxySetting.None));
            Assert.Equal(4, routes.Count);
            // .NET Framework's policy: each route's state changes on connections of their own
            Assert.NotSame(a.Reads, a.StateChanges);
            Assert.True(a.StateChanges.DefaultRequestHeaders.ConnectionClose);
            var pooled = new HttpRoutes(SharedHttpClient.Create, StateChangeConnections.Policy.Pooled).For(ProxySetting.None);
            Assert.Same(pooled.Reads, pooled.StateChanges);
        }

        [Fact]
        public void ASettingShowsNoCredentialAndRefusesOneInItsAddress()
        {
            ProxySetting setting = ProxySetting.Through(new Uri("http://proxy.example.com:3128"), new NetworkCredential("trader", "hunter2-secret"), false);
            Assert.Equal("the proxy http://proxy.example.com:3128", setting.Describe());
            Assert.DoesNotContain("hunter2-secret", setting.Key, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => ProxySetting.Through(new Uri("http://trader:pw@proxy.example.com:3128"), null, false));
            Assert.Equal("http://proxy.example.com", ProxySetting.Display(new Uri("http://trader:pw@proxy.example.com/")));
            Assert.Same(ProxySetting.System, ProxySetting.SystemWith(null, false));
        }

        [Fact]
        public void ProxyCredentialsTravelWithPlainHttpRequestsOnlyNeverIntoAnHttpsTunnel()
        {
            var proxy = new Uri("http://127.0.0.1:3128");
            var route = new HttpRoute(ProxySetting.Through(proxy, new NetworkCredential("trader", "pw"), false), new HttpClient(), new HttpClient());
            Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("trader:pw")), route.AuthorizationFor(new Uri("http://127.0.0.1:5000/api/v3/time"), () => proxy));
            Assert.Null(route.AuthorizationFor(new Uri("https://api.binance.com/api/v3/time"), () => proxy));
            Assert.Null(route.AuthorizationFor(new Uri("http://127.0.0.1:5000/api/v3/time"), () => null));
        }

        [Fact]
        public void ATunnelTheProxyWouldNotOpenIsTheProxysFailure()
        {
            Assert.True(RequestFailures.IsProxyFailure(new HttpRequestException(HttpRequestError.ProxyTunnelError, "The proxy tunnel request to proxy 'http://p:1/' failed with status code '407'.")));
            Assert.True(RequestFailures.IsProxyFailure(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))));
            Assert.False(RequestFailures.IsProxyFailure(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")));
        }
    }
}
