using System.Collections.Generic;
using System.Linq;
using System.Text;
using BinancePostman.Session;
using BinancePostman.Catalog;
using BinancePostman.Http;
using Xunit;

namespace BinancePostman.Tests.Http
{
    public class RequestBuilderTests
    {
        private const string Json = @"{ ""info"": { ""name"": ""T"", ""schema"": ""https://schema.getpostman.com/json/collection/v2.1.0/collection.json"" },
          ""variable"": [ { ""key"": ""url"", ""value"": ""https://api.binance.com"" } ],
          ""item"": [
            { ""name"": ""New Order (TRADE)"", ""request"": { ""method"": ""POST"", ""header"": [ { ""key"": ""Content-Type"", ""value"": ""application/json"" } ],
              ""url"": { ""host"": [""{{url}}""], ""path"": [""api"",""v3"",""order""], ""query"": [
                { ""key"": ""symbol"", ""value"": ""BNBUSDT"" }, { ""key"": ""side"", ""value"": ""BUY"" },
                { ""key"": ""price"", ""value"": ""1"", ""disabled"": true }, { ""key"": ""timestamp"", ""value"": """" }, { ""key"": ""signature"", ""value"": """" } ] } } },
            { ""name"": ""Form (USER_DATA)"", ""request"": { ""method"": ""POST"", ""body"": { ""mode"": ""urlencoded"", ""urlencoded"": [ { ""key"": ""amount"", ""value"": ""1"" } ] },
              ""url"": { ""host"": [""{{url}}""], ""path"": [""sapi"",""v1"",""thing"","":id""] } } }
          ] }";

        private static PostmanCollection Collection => PostmanCollectionReader.Parse(Encoding.UTF8.GetBytes(Json));

        private static KeyValuePair<string, string> P(string k, string v) => new KeyValuePair<string, string>(k, v);

        [Fact]
        public void SendsOnlyWhatTheUserGaveNeverExamples()
        {
            var r = RequestBuilder.Prepare(Collection.Endpoints[0], "https://api.binance.com", new[] { P("SYMBOL", "BTCUSDT"), P("side", "SELL") });
            Assert.Equal(new[] { P("symbol", "BTCUSDT"), P("side", "SELL") }, r.Query);
            Assert.Null(r.Find("price"));
            Assert.True(r.IsSigned);
            Assert.Empty(r.Headers); // the collection's Content-Type is replaced by the sender's own
        }

        [Fact]
        public void MissingRequiredParametersAreNamedBeforeAnythingIsSent()
        {
            var ex = Assert.Throws<MissingParameterException>(() =>
                RequestBuilder.Prepare(Collection.Endpoints[0], "https://api.binance.com", new[] { P("symbol", "BTCUSDT"), P("side", "") }));
            Assert.Equal(new[] { "side" }, ex.Names);
            Assert.Contains("Nothing was sent", ex.Message);
        }

        [Fact]
        public void UndeclaredValuesStillGoAndModuleOwnOnesAreDropped()
        {
            var r = RequestBuilder.Prepare(Collection.Endpoints[0], "https://x", new[] { P("symbol", "A"), P("side", "B"), P("newNew", "1"), P("timestamp", "5"), P("signature", "bad") });
            Assert.Equal(new[] { "symbol", "side", "newNew" }, r.Query.Select(q => q.Key));
        }

        [Fact]
        public void BodyParametersGoInTheBodyAndPathVariablesAreEncoded()
        {
            var r = RequestBuilder.Prepare(Collection.Endpoints[1], "https://x/", new[] { P("amount", "2"), P("id", "a b/c") });
            Assert.Equal("/sapi/v1/thing/a%20b%2Fc", r.Path);
            Assert.Equal(new[] { P("amount", "2") }, r.Body);
            Assert.Empty(r.Query);
            Assert.True(r.ParametersInBody);
            Assert.Equal("https://x", r.BaseUri);
        }

        [Fact]
        public void RawRequestsPutEverythingInTheQuery()
        {
            var r = RequestBuilder.PrepareRaw("get", "https://x", "api/v3/account", SecurityType.USER_DATA, new[] { P("omitZeroBalances", "true"), P("empty", "") });
            Assert.Equal("GET", r.Method);
            Assert.Equal("/api/v3/account", r.Path);
            Assert.Equal(new[] { P("omitZeroBalances", "true") }, r.Query);
        }

        [Theory]
        [InlineData("POST", "/api/v3/order", "New Order (TRADE)", SecurityType.TRADE, StateChangeImpact.Changes)]
        [InlineData("GET", "/api/v3/order", "Query Order (USER_DATA)", SecurityType.USER_DATA, StateChangeImpact.None)]
        [InlineData("POST", "/sapi/v1/capital/withdraw/apply", "Withdraw (USER_DATA)", SecurityType.USER_DATA, StateChangeImpact.MovesFunds)]
        [InlineData("POST", "/sapi/v1/asset/transfer", "User Universal Transfer (USER_DATA)", SecurityType.USER_DATA, StateChangeImpact.MovesFunds)]
        [InlineData("POST", "/api/v3/userDataStream", "Start User Data Stream (USER_STREAM)", SecurityType.USER_STREAM, StateChangeImpact.None)]
        public void StateChangesAreRecognised(string method, string path, string name, SecurityType security, StateChangeImpact expected)
        {
            Assert.Equal(expected, StateChange.Of(method, path, name, security));
        }
    }
}
