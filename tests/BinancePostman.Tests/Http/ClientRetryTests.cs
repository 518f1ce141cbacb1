using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Session;
using BinancePostman.Catalog;
using BinancePostman.Http;
using BinancePostman.Signing;
using Xunit;

namespace BinancePostman.Tests.Http
{
    /// <summary>BinanceClient against scripted replies: what is sent again, what never is, and what the error then says.</summary>
    public class ClientRetryTests
    {
        private sealed class Scripted : HttpMessageHandler
        {
            private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _replies;
            public List<HttpRequestMessage> Sent { get; } = new List<HttpRequestMessage>();
            /// <summary>Each request's query and body as sent (the message is disposed after the call).</summary>
            public List<string> Texts { get; } = new List<string>();
            public Scripted(params Func<HttpRequestMessage, HttpResponseMessage>[] replies) => _replies = new Queue<Func<HttpRequestMessage, HttpResponseMessage>>(replies);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Sent.Add(request);
                Texts.Add(request.RequestUri!.Query + " " + (request.Content == null ? "" : request.Content.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult()));
                return Task.FromResult(_replies.Dequeue()(request));
            }
        }

        private static Func<HttpRequestMessage, HttpResponseMessage> Reply(int status, string body, string type = "application/json", params (string, string)[] headers) => _ =>
        {
            var r = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, type) };
            foreach (var (n, v) in headers) r.Headers.TryAddWithoutValidation(n, v);
            return r;
        };

        private static Func<HttpRequestMessage, HttpResponseMessage> Drop() => _ => throw new HttpRequestException("connection reset");

        private static PreparedRequest Get(string path = "/api/v3/ticker/price") =>
            RequestBuilder.PrepareRaw("GET", "https://fake.test", path, SecurityType.NONE, new[] { new KeyValuePair<string, string>("symbol", "BTCUSDT") });

        private static PreparedRequest Order() =>
            RequestBuilder.PrepareRaw("POST", "https://fake.test", "/api/v3/order", SecurityType.TRADE,
                new[] { new KeyValuePair<string, string>("symbol", "BTCUSDT"), new KeyValuePair<string, string>("side", "BUY") }, BaseUriOrigin.ForCall);

        private static (BinanceClient client, ServerClock clock) Client(Scripted handler)
        {
            var clock = new ServerClock();
            clock.Record("fake.test", clock.LocalNow(), clock.LocalNow(), clock.LocalNow()); // no time sync call
            return (new BinanceClient(new HttpClient(handler), clock), clock);
        }

        private static SendOptions Fast(int retries = 3) => new SendOptions { Retry = new RetryPolicy(retries, TimeSpan.FromMilliseconds(1)), Timeout = TimeSpan.FromSeconds(5) };

        private sealed class NoSigner : IRequestSigner
        {
            public KeyType KeyType => KeyType.Hmac;
            public string Sign(string payload) => "00";
            public string Describe() => "test";
        }

        [Fact]
        public async Task AReadIsRetriedAfterAResetA5xxAndA429()
        {
            var handler = new Scripted(Drop(), Reply(503, "<html>busy</html>", "text/html"), Reply(429, "{\"code\":-1003,\"msg\":\"slow down\"}", "application/json", ("Retry-After", "0")),
                Reply(200, "{\"symbol\":\"BTCUSDT\"}"));
            var (client, _) = Client(handler);
            using BinanceReply reply = await client.SendAsync(Get(), null, null, null, Fast(), default);
            Assert.Equal("{\"symbol\":\"BTCUSDT\"}", reply.ReadText());
            Assert.Equal(4, handler.Sent.Count);
        }

        [Fact]
        public async Task RetriesStopAtTheMaximum()
        {
            var handler = new Scripted(Drop(), Drop(), Drop());
            var (client, _) = Client(handler);
            var ex = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Get(), null, null, null, Fast(2), default));
            Assert.Equal(FailureKind.Connection, ex.Kind);
            Assert.Equal(3, ex.Attempts);
            Assert.Equal(3, handler.Sent.Count);
        }

        [Fact]
        public async Task AFirewallPageIsNotRetried()
        {
            var handler = new Scripted(Reply(403, "<html>blocked</html>", "text/html"));
            var (client, _) = Client(handler);
            var ex = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Get(), null, null, null, Fast(), default));
            Assert.Equal(FailureKind.Firewall, ex.Kind);
            Assert.Single(handler.Sent);
        }

        [Theory]
        [InlineData(0)] // dropped connection
        [InlineData(503)]
        [InlineData(-1007)]
        [InlineData(-1006)]
        public async Task AnOrderIsNeverResentAndItsOutcomeIsUnknown(int fault)
        {
            Func<HttpRequestMessage, HttpResponseMessage> reply = fault == 0 ? Drop()
                : fault > 0 ? Reply(fault, "<html>err</html>", "text/html")
                : Reply(408, "{\"code\":" + fault + ",\"msg\":\"execution status unknown\"}");
            var handler = new Scripted(reply);
            var (client, _) = Client(handler);
            var ex = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Order(), "key", new NoSigner(), null, Fast(5), default));
            Assert.Single(handler.Sent);
            Assert.Equal(FailureKind.UnknownOutcome, ex.Kind);
            Assert.Equal("BinancePostman.OutcomeUnknown", ex.ErrorId);
            Assert.Matches("^bp[0-9a-f]{32}$", ex.ClientOrderId);
            Assert.Contains("newClientOrderId=" + ex.ClientOrderId, handler.Texts[0]);
            Assert.Contains(ex.ClientOrderId!, ex.Message);
            Assert.Contains("origClientOrderId = '" + ex.ClientOrderId + "'", BinancePostman.Commands.ErrorAdvice.For(ex));
            Assert.Contains("-Path /api/v3/order", BinancePostman.Commands.ErrorAdvice.For(ex));
        }

        [Fact]
        public async Task An429OnAnOrderIsReportedNotResent()
        {
            var handler = new Scripted(Reply(429, "{\"code\":-1015,\"msg\":\"Too many new orders\"}", "application/json", ("Retry-After", "0")));
            var (client, _) = Client(handler);
            var ex = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Order(), "key", new NoSigner(), null, Fast(5), default));
            Assert.Equal(FailureKind.RateLimit, ex.Kind);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task A418BansTheHostUntilItsEndAndLaterCallsFailFast()
        {
            long until = DateTimeOffset.UtcNow.AddMinutes(3).ToUnixTimeMilliseconds();
            var handler = new Scripted(Reply(418, "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until " + until + ".\"}", "application/json", ("Retry-After", "180")));
            var (client, _) = Client(handler);
            var first = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Get(), null, null, null, Fast(), default));
            Assert.Equal(FailureKind.IpBanned, first.Kind);
            Assert.Equal("BinanceHttp.418", first.ErrorId);
            Assert.Contains("banned this IP until", first.Message);
            Assert.Contains("429", first.Message);
            Assert.InRange(first.BannedUntil!.Value.ToUnixTimeMilliseconds(), until - 1000, until + 2000);
            var second = await Assert.ThrowsAsync<BinanceApiException>(() => client.SendAsync(Get(), null, null, null, Fast(), default));
            Assert.Contains("nothing was sent", second.Message);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task ExchangeInfoTeachesTheLimits()
        {
            string info = "{\"timezone\":\"UTC\",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"SECOND\",\"intervalNum\":1,\"limit\":3}],\"symbols\":[]}";
            var handler = new Scripted(Reply(200, info), Reply(200, "{}"));
            var (client, _) = Client(handler);
            using (BinanceReply reply = await client.SendAsync(Get("/api/v3/exchangeInfo"), null, null, null, Fast(), default))
                Assert.Equal(info, reply.ReadText()); // the body still reaches the caller whole
            var row = client.Limits.Snapshot().Single(u => u.Interval == "1S");
            Assert.Equal(3, row.Limit);
            Assert.Equal("exchangeInfo", row.Source);
        }

        [Fact]
        public async Task CancellingAWaitEndsItPromptly()
        {
            var handler = new Scripted(Reply(429, "{\"code\":-1003,\"msg\":\"slow\"}", "application/json", ("Retry-After", "60")));
            var (client, _) = Client(handler);
            using var cts = new CancellationTokenSource();
            var notices = new List<WaitNotice>();
            var options = Fast();
            options.OnWait = n => { lock (notices) notices.Add(n); cts.CancelAfter(100); };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Get(), null, null, null, options, cts.Token));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
            Assert.Contains(notices, n => !n.Done && n.Wait > TimeSpan.FromSeconds(50));
        }
    }
}
