using System;
using BinancePostman.Http;
using Xunit;

namespace BinancePostman.Tests.Http
{
    public class RetryPolicyTests
    {
        private static BinanceApiException Failure(FailureKind kind, int? status = null, int? code = null) =>
            new BinanceApiException(kind, "x", status, code, null, "");

        [Theory]
        [InlineData(FailureKind.Connection, null, null)]
        [InlineData(FailureKind.Timeout, null, null)]
        [InlineData(FailureKind.ServerError, 503, null)]
        [InlineData(FailureKind.NotJson, 502, null)]
        [InlineData(FailureKind.RateLimit, 429, -1003)]
        [InlineData(FailureKind.UnknownOutcome, 408, -1007)]
        public void ReadsAreRetriedAfterTransientFailures(FailureKind kind, int? status, int? code)
        {
            var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(10));
            Assert.True(policy.ShouldRetry("GET", Failure(kind, status, code), 0));
            Assert.False(policy.ShouldRetry("GET", Failure(kind, status, code), 3));
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("PUT")]
        [InlineData("DELETE")]
        public void StateChangesAreNeverResent(string method)
        {
            var policy = new RetryPolicy(10, TimeSpan.Zero);
            foreach (var f in new[] { Failure(FailureKind.Connection), Failure(FailureKind.Timeout), Failure(FailureKind.ServerError, 500), Failure(FailureKind.RateLimit, 429), Failure(FailureKind.UnknownOutcome, 408, -1007) })
                Assert.False(policy.ShouldRetry(method, f, 0));
        }

        [Theory]
        [InlineData(FailureKind.Firewall, 403)]
        [InlineData(FailureKind.IpBanned, 418)]
        [InlineData(FailureKind.Signature, 400)]
        [InlineData(FailureKind.Parameter, 400)]
        [InlineData(FailureKind.NotJson, 200)]
        [InlineData(FailureKind.RateLimit, 400)] // -1015 with 400 is not a 429
        public void PermanentFailuresAreNotRetried(FailureKind kind, int status) =>
            Assert.False(new RetryPolicy(5).ShouldRetry("GET", Failure(kind, status), 0));

        [Fact]
        public void BackOffDoublesWithJitterAndIsCapped()
        {
            var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1));
            for (int n = 1; n <= 4; n++)
            {
                double ms = policy.Delay(n).TotalMilliseconds;
                double nominal = 1000 * Math.Pow(2, n - 1);
                Assert.InRange(ms, nominal * 0.5, nominal * 1.5);
            }
            Assert.True(policy.Delay(30).TotalMinutes <= 1);
            Assert.Equal(TimeSpan.Zero, RetryPolicy.None.Delay(1));
        }

        [Theory]
        [InlineData("POST", "/api/v3/order", "newClientOrderId")]
        [InlineData("POST", "/api/v3/order/test", "newClientOrderId")]
        [InlineData("POST", "/api/v3/sor/order", "newClientOrderId")]
        [InlineData("POST", "/api/v3/order/cancelReplace", "newClientOrderId")]
        [InlineData("POST", "/api/v3/orderList/oco", "listClientOrderId")]
        [InlineData("POST", "/api/v3/orderList/oto", "listClientOrderId")]
        [InlineData("POST", "/api/v3/order/oco", "listClientOrderId")]
        [InlineData("POST", "/fapi/v1/order", "newClientOrderId")]
        [InlineData("POST", "/dapi/v1/order", "newClientOrderId")]
        [InlineData("POST", "/sapi/v1/margin/order", "newClientOrderId")]
        [InlineData("POST", "/papi/v1/um/order", "newClientOrderId")]
        [InlineData("POST", "/eapi/v1/order", "clientOrderId")]
        [InlineData("GET", "/api/v3/order", null)]
        [InlineData("DELETE", "/api/v3/order", null)]
        [InlineData("PUT", "/fapi/v1/order", null)]
        [InlineData("POST", "/api/v3/openOrders", null)]
        [InlineData("POST", "/fapi/v1/algoOrder", null)]
        public void OrderPlacementsGetAClientOrderId(string method, string path, string? parameter) =>
            Assert.Equal(parameter, OrderPlacement.ClientIdParameter(method, path));

        [Fact]
        public void AGivenClientOrderIdIsKeptAndAMissingOneIsMade()
        {
            var plain = new PreparedRequest("POST", "https://x", "/api/v3/order", BinancePostman.Catalog.SecurityType.TRADE,
                new[] { new System.Collections.Generic.KeyValuePair<string, string>("symbol", "BTCUSDT") }, Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>(),
                Array.Empty<BinancePostman.Catalog.HeaderEntry>(), null, null);
            var made = OrderPlacement.WithClientOrderId(plain, out string? id, out bool generated);
            Assert.True(generated);
            Assert.Matches("^bp[0-9a-f]{32}$", id);
            Assert.Equal(id, made.Find("newClientOrderId"));
            var kept = OrderPlacement.WithClientOrderId(made, out string? again, out bool generatedAgain);
            Assert.False(generatedAgain);
            Assert.Equal(id, again);
            Assert.Same(made, kept);
            Assert.True(OrderPlacement.IsPlacement("POST", "/fapi/v1/batchOrders"));
        }
    }
}
