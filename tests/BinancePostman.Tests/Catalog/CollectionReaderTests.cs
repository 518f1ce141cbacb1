using System.Linq;
using System.Text;
using BinancePostman.Catalog;
using Xunit;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>The Postman v2.1 features Binance's files do not all use, on crafted collections.</summary>
    public class CollectionReaderTests
    {
        private const string Schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

        private static PostmanCollection Parse(string json) => PostmanCollectionReader.Parse(Encoding.UTF8.GetBytes(json), "crafted.json");

        private const string Crafted = @"{
  ""info"": { ""name"": ""Crafted"", ""schema"": """ + Schema + @""", ""description"": { ""content"": ""About it"", ""type"": ""text/markdown"" } },
  ""variable"": [ { ""key"": ""url"", ""value"": ""https://collection.example"" }, { ""key"": ""ver"", ""value"": ""v3"" }, { ""key"": ""off"", ""value"": ""x"", ""disabled"": true } ],
  ""item"": [
    { ""name"": ""Outer"", ""description"": ""folder text"", ""item"": [
      { ""name"": ""Inner"", ""item"": [
        { ""name"": ""Get Thing (USER_DATA)"",
          ""request"": { ""method"": ""get"",
            ""header"": [ { ""key"": ""X-Custom"", ""value"": ""{{ver}}"" }, { ""key"": ""X-Off"", ""value"": ""1"", ""disabled"": true } ],
            ""url"": { ""raw"": ""{{url}}/api/{{ver}}/thing/:thingId?symbol=BTCUSDT&limit=&timestamp={{timestamp}}&signature={{signature}}"",
              ""host"": [ ""{{url}}"" ], ""path"": [ ""api"", ""{{ver}}"", ""thing"", "":thingId"" ],
              ""query"": [
                { ""key"": ""symbol"", ""value"": ""BTCUSDT"", ""description"": { ""content"": ""Pair"" } },
                { ""key"": ""limit"", ""value"": """", ""disabled"": true },
                { ""key"": ""recvWindow"", ""value"": ""5000"" },
                { ""key"": ""timestamp"", ""value"": ""{{timestamp}}"" },
                { ""key"": ""signature"", ""value"": ""{{signature}}"" } ],
              ""variable"": [ { ""key"": ""thingId"", ""value"": ""42"", ""description"": ""Which thing"" } ] },
            ""description"": ""Reads a thing.\nWeight(UID): 7"" } } ] } ] },
    { ""name"": ""Form Post"",
      ""request"": { ""method"": ""POST"",
        ""header"": [ { ""key"": ""X-MBX-APIKEY"", ""value"": ""{{binance-api-key}}"" } ],
        ""body"": { ""mode"": ""urlencoded"", ""urlencoded"": [ { ""key"": ""amount"", ""value"": ""1"" }, { ""key"": ""note"", ""value"": """", ""disabled"": true } ] },
        ""url"": { ""raw"": ""https://api.binance.com/sapi/v1/thing"", ""protocol"": ""https"", ""host"": [ ""api"", ""binance"", ""com"" ], ""path"": [ ""sapi"", ""v1"", ""thing"" ] } } },
    { ""name"": ""Raw Post"",
      ""request"": { ""method"": ""POST"", ""body"": { ""mode"": ""raw"", ""raw"": ""{\""a\"":1}"" }, ""url"": ""{{url}}/fapi/v1/raw?x=1"" } },
    { ""name"": ""Just A Url"", ""request"": ""https://api.binance.com/api/v3/ping"" }
  ]
}";

        [Fact]
        public void NestedFoldersKeepTheirPath()
        {
            PostmanCollection c = Parse(Crafted);
            Assert.Equal("Crafted", c.Name);
            Assert.Equal("About it", c.Description);
            Assert.Equal(4, c.Endpoints.Count);
            Endpoint e = c.Endpoints[0];
            Assert.Equal(new[] { "Outer", "Inner" }, e.FolderPath);
            Assert.Equal("Outer/Inner", e.Folder);
            Assert.Equal("Crafted\\Get Thing (USER_DATA)", e.QualifiedName);
            Assert.Empty(c.Endpoints[1].FolderPath);
        }

        [Fact]
        public void QueryParametersDisabledAreOptionalAndModuleParametersAreHidden()
        {
            Endpoint e = Parse(Crafted).Endpoints[0];
            Assert.Equal("GET", e.Method);
            Assert.Equal(SecurityType.USER_DATA, e.Security);
            Assert.Equal(new[] { "symbol", "limit", "recvWindow", "thingId" }, e.Parameters.Select(p => p.Name));
            EndpointParameter symbol = e.Parameters[0];
            Assert.True(symbol.Required);
            Assert.Equal("BTCUSDT", symbol.Example);
            Assert.Equal("Pair", symbol.Description);
            Assert.Equal(ParameterLocation.Query, symbol.Location);
            Assert.False(e.Parameters[1].Required);
            Assert.Null(e.Parameters[1].Example);
            Assert.False(e.Parameters[2].Required); // recvWindow is optional even when enabled
            EndpointParameter thing = e.Parameters[3];
            Assert.Equal(ParameterLocation.Path, thing.Location);
            Assert.True(thing.Required);
            Assert.Equal("42", thing.Example);
            Assert.Equal("Which thing", thing.Description);
            Assert.Equal(7, e.Weight);
        }

        [Fact]
        public void VariablesResolveInHostPathAndHeadersWithCollectionValues()
        {
            PostmanCollection c = Parse(Crafted);
            Endpoint e = c.Endpoints[0];
            Assert.Equal("{{url}}", e.Host);
            Assert.Equal("/api/{{ver}}/thing/:thingId", e.Path);
            Assert.False(c.Variables.ContainsKey("off"));
            var resolver = new VariableResolver(c.Variables, null);
            Assert.Equal("/api/v3/thing/:thingId", resolver.Resolve(e.Path));
            Assert.Equal("v3", resolver.Resolve(e.Headers.Single().Value));
            Assert.Equal("https://collection.example", BaseUrlResolver.Resolve(e, (PostmanEnvironment?)null));
        }

        [Fact]
        public void EnvironmentVariablesWinOverCollectionVariables()
        {
            PostmanCollection c = Parse(Crafted);
            PostmanEnvironment env = PostmanEnvironmentReader.Parse(Encoding.UTF8.GetBytes(
                @"{ ""name"": ""Mine"", ""values"": [ { ""key"": ""url"", ""value"": ""https://env.example"", ""enabled"": true }, { ""key"": ""ver"", ""value"": ""v9"", ""enabled"": false } ] }"));
            Assert.Equal("https://env.example", BaseUrlResolver.Resolve(c.Endpoints[0], env));
            var resolver = new VariableResolver(c.Variables, env.Variables);
            Assert.Equal("/api/v3/thing/:thingId", resolver.Resolve(c.Endpoints[0].Path)); // disabled env value does not count
        }

        [Fact]
        public void UrlencodedBodyParametersAndExplicitHost()
        {
            Endpoint e = Parse(Crafted).Endpoints[1];
            Assert.Equal(BodyMode.UrlEncoded, e.BodyMode);
            Assert.Equal("https://api.binance.com", e.Host);
            Assert.Equal(SecurityType.MARKET_DATA, e.Security); // keyed, unsigned, no suffix
            Assert.Equal(new[] { ("amount", true), ("note", false) }, e.Parameters.Select(p => (p.Name, p.Required)));
            Assert.All(e.Parameters, p => Assert.Equal(ParameterLocation.Body, p.Location));
            Assert.Empty(e.Headers); // the API-key header is the module's own
        }

        [Fact]
        public void RawBodiesAndStringUrls()
        {
            PostmanCollection c = Parse(Crafted);
            Endpoint raw = c.Endpoints[2];
            Assert.Equal(BodyMode.Raw, raw.BodyMode);
            Assert.Equal("{\"a\":1}", raw.RawBody);
            Assert.Equal("/fapi/v1/raw", raw.Path);
            Assert.Equal("x", raw.Parameters.Single().Name);
            Assert.Equal(ApiFamily.UsdMFutures, raw.Family);
            Endpoint bare = c.Endpoints[3];
            Assert.Equal("GET", bare.Method);
            Assert.Equal("https://api.binance.com", bare.Host);
            Assert.Equal("/api/v3/ping", bare.Path);
            Assert.Equal(SecurityType.NONE, bare.Security);
        }

        [Fact]
        public void ScriptsAreNotedNeverRun()
        {
            string withScript = @"{ ""info"": { ""name"": ""S"", ""schema"": """ + Schema + @""" },
              ""event"": [ { ""listen"": ""prerequest"", ""script"": { ""exec"": [ ""pm.environment.set('x', 1)"" ] } } ], ""item"": [] }";
            string emptyScript = @"{ ""info"": { ""name"": ""S"", ""schema"": """ + Schema + @""" },
              ""item"": [ { ""name"": ""a"", ""event"": [ { ""listen"": ""prerequest"", ""script"": { ""exec"": [ """" ] } } ], ""request"": { ""url"": ""https://x/y"" } } ] }";
            Assert.True(Parse(withScript).HasScripts);
            Assert.False(Parse(emptyScript).HasScripts);
        }
    }
}
