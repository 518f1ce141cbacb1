using BinancePostman.Session;
using BinancePostman.Http;
using Xunit;

namespace BinancePostman.Tests.Http
{
    public class ReplyInterpreterTests
    {
        [Theory]
        [InlineData(-1022, 400, FailureKind.Signature)]
        [InlineData(-1021, 400, FailureKind.Clock)]
        [InlineData(-2015, 401, FailureKind.Permission)]
        [InlineData(-2014, 401, FailureKind.ApiKey)]
        [InlineData(-1102, 400, FailureKind.Parameter)]
        [InlineData(-1003, 429, FailureKind.RateLimit)]
        public void BinanceCodesBecomeKindsWithAdvice(int code, int status, FailureKind kind)
        {
            var ex = ReplyInterpreter.ToException(status, "application/json", $"{{\"code\":{code},\"msg\":\"m\"}}", "GET", "https://x/api", "/api/v3/x");
            Assert.Equal(kind, ex.Kind);
            Assert.Equal(code, ex.Code);
            Assert.Equal("BinanceApi." + code, ex.ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(BinancePostman.Commands.ErrorAdvice.For(ex)));
            Assert.Contains(code.ToString(), ex.Message);
        }

        [Fact]
        public void AnHtmlFirewallPageIsReportedWithStatusAndItsStart()
        {
            string html = "<html><head><title>403 Forbidden</title></head><body>" + new string('x', 500) + "</body></html>";
            var ex = ReplyInterpreter.ToException(403, "text/html; charset=utf-8", html, "GET", "https://x/api", "/api/v3/x");
            Assert.Equal(FailureKind.Firewall, ex.Kind);
            Assert.Equal("BinanceHttp.403", ex.ErrorId);
            Assert.Contains("text/html", ex.Message);
            Assert.Contains("403 Forbidden", ex.Message);
            Assert.True(ex.Message.Length < 400);
        }

        [Fact]
        public void AReplyThatBrokeOffAfterA200IsAConnectionFailureNotAnHttpError()
        {
            var broke = new BinanceApiException(FailureKind.Connection, "broke off", 200, null, null, "again");
            var refused = new BinanceApiException(FailureKind.ServerError, "503", 503, null, null, "later");
            Assert.Equal("BinanceHttp.Connection", broke.ErrorId);
            Assert.Equal("BinanceHttp.503", refused.ErrorId);
        }

        [Fact]
        public void TestnetSapi404SaysTheTestnetHasNone()
        {
            var ex = ReplyInterpreter.ToException(404, "text/html", "<html>Not Found</html>", "GET", "https://testnet.binance.vision/sapi/v1/x", "/sapi/v1/x");
            Assert.Equal(FailureKind.NotFound, ex.Kind);
            Assert.Contains("/sapi", BinancePostman.Commands.ErrorAdvice.For(ex));
        }

        [Fact]
        public void AnEmptyErrorBodyIsSaidToBeEmpty()
        {
            var ex = ReplyInterpreter.ToException(502, null, "", "GET", "https://x", "/api/v3/x");
            Assert.Contains("empty body", ex.Message);
            Assert.Equal(FailureKind.ServerError, ex.Kind);
        }

        [Fact]
        public void ASuccessThatIsNotJsonIsCaught()
        {
            Assert.Null(ReplyInterpreter.CheckSuccessBody(200, "application/json", "{\"a\":1}", "GET", "u"));
            Assert.Null(ReplyInterpreter.CheckSuccessBody(200, "application/json", "[]", "GET", "u"));
            var ex = ReplyInterpreter.CheckSuccessBody(200, "text/html", "<html>login</html>", "GET", "u");
            Assert.NotNull(ex);
            Assert.Equal(FailureKind.NotJson, ex!.Kind);
        }

        [Fact]
        public void ServerClockUsesTheMiddleOfTheRoundTrip()
        {
            long local = 1_000_000;
            var clock = new ServerClock(() => local);
            clock.Record("h", serverTimeMs: 1_010_050, sentAtLocalMs: 1_000_000, receivedAtLocalMs: 1_000_100);
            Assert.Equal(10_000, clock.Offset("h"));
            Assert.Equal(1_010_000, clock.Now("h"));
            Assert.Equal(1_000_000, clock.Now("other"));
            Assert.Equal("/fapi/v1/time", ServerClock.TimePathFor("/fapi/v2/account"));
            Assert.Equal("/api/v3/time", ServerClock.TimePathFor("/sapi/v1/capital/config/getall"));
        }
    }
}
