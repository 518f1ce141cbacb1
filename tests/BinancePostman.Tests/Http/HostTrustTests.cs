using System;
using System.Collections.Generic;
using System.IO;
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
    public class HostTrustTests
    {
        private static readonly BaseUriOrigin Literal = BaseUriOrigin.FromCollectionLiteral("Evil", "Account", "https://evil.example");
        private static readonly BaseUriOrigin FromEnvironment = BaseUriOrigin.FromEnvironment("Mine", "url");

        private static HostTrustDecision Decide(string baseUri, BaseUriOrigin origin, bool key = true, params string[] trusted) =>
            HostTrust.Decide(baseUri, origin, key, TrustedHostList.Parse(trusted));

        [Theory]
        [InlineData("https://api.binance.com")]
        [InlineData("https://api-gcp.binance.com")]
        [InlineData("https://fapi.binance.com/")]
        [InlineData("https://testnet.binance.vision")]
        [InlineData("https://testnet.binancefuture.com")]
        [InlineData("https://demo-fapi.binance.com")]
        [InlineData("https://API.Binance.COM")]
        [InlineData("https://api.binance.com.:443")]
        public void KeysGoToBinanceHostsFromAnyOrigin(string baseUri)
        {
            foreach (BaseUriOrigin origin in new[] { Literal, FromEnvironment, BaseUriOrigin.Unknown, BaseUriOrigin.FromCollectionVariable("C", "R", "url") })
            {
                HostTrustDecision d = Decide(baseUri, origin);
                Assert.Equal(HostVerdict.Allowed, d.Verdict);
                Assert.Equal(HostTrustReason.BinanceHost, d.Reason);
            }
        }

        [Theory]
        [InlineData("https://evil.example", "evil.example")]
        [InlineData("https://api.binance.com.evil.example", "api.binance.com.evil.example")]
        [InlineData("https://binance.com-evil.example", "binance.com-evil.example")]
        [InlineData("https://xbinance.com", "xbinance.com")]
        [InlineData("https://api.binance.us", "api.binance.us")]                   // another exchange: trusted only by name
        [InlineData("https://api.binance.com@evil.example/", "evil.example")]      // user info is not the host
        [InlineData("https://evil.example:8443/#api.binance.com", "evil.example:8443")]
        public void KeysAreRefusedForOtherHostsNoOneNamed(string baseUri, string host)
        {
            HostTrustDecision d = Decide(baseUri, Literal);
            Assert.Equal(HostVerdict.Refused, d.Verdict);
            Assert.Equal(HostTrustReason.NotBinanceHost, d.Reason);
            Assert.Equal(host, d.Host);
            Assert.Same(Literal, d.Origin);
        }

        [Fact]
        public void ALookalikeLetterIsAnotherDomain()
        {
            HostTrustDecision d = Decide("https://api.bin\u0430nce.com", Literal); // a Cyrillic a
            Assert.Equal(HostVerdict.Refused, d.Verdict);
            Assert.StartsWith("api.xn--", d.Host);
        }

        [Fact]
        public void ARequestWithoutKeysGoesAnywhereWithAWarning()
        {
            HostTrustDecision d = Decide("https://evil.example/", Literal, key: false);
            Assert.Equal(HostVerdict.AllowedWithWarning, d.Verdict);
            Assert.Equal(HostTrustReason.NoKey, d.Reason);
            Assert.Equal(HostVerdict.Allowed, Decide("https://api.binance.com", Literal, key: false).Verdict);
            Assert.Equal(HostVerdict.Allowed, Decide("http://127.0.0.1:5000", BaseUriOrigin.ForCall, key: false).Verdict);
        }

        [Fact]
        public void LoopbackIsAllowedOnlyWhenTheUserNamesIt()
        {
            Assert.Equal(HostTrustReason.Loopback, Decide("http://127.0.0.1:5000", Literal).Reason);
            Assert.Equal(HostTrustReason.Loopback, Decide("http://localhost:5000", FromEnvironment).Reason);
            Assert.Equal(HostTrustReason.Loopback, Decide("http://[::1]:5000", FromEnvironment).Reason);
            Assert.Equal(HostVerdict.Refused, Decide("http://127.0.0.1:5000", BaseUriOrigin.Unknown).Verdict);

            Assert.Equal(HostTrustReason.NamedForCall, Decide("http://127.0.0.1:5000", BaseUriOrigin.ForCall).Reason);
            Assert.Equal(HostTrustReason.NamedForSession, Decide("http://127.0.0.1:5000", BaseUriOrigin.ForSession).Reason);
            Assert.Equal(HostTrustReason.TrustedHost, Decide("http://127.0.0.1:5000", Literal, true, "127.0.0.1:5000").Reason);
            Assert.Equal(HostTrustReason.TrustedHost, Decide("http://127.0.0.1:5000", Literal, true, "127.0.0.1").Reason);
            Assert.Equal(HostVerdict.Refused, Decide("http://127.0.0.1:5000", Literal, true, "127.0.0.1:5001").Verdict);
            Assert.Equal(HostTrustReason.TrustedHost, Decide("http://[::1]:5000", Literal, true, "[::1]:5000").Reason);
        }

        [Fact]
        public void TrustedHostsMatchByNameAndPortNotBySuffix()
        {
            Assert.Equal(HostTrustReason.TrustedHost, Decide("https://GATEWAY.example.com/api", Literal, true, "gateway.example.com").Reason);
            Assert.Equal(HostTrustReason.TrustedHost, Decide("https://gateway.example.com", Literal, true, "gateway.example.com:443").Reason);
            Assert.Equal(HostVerdict.Refused, Decide("https://gateway.example.com:8443", Literal, true, "gateway.example.com:443").Verdict);
            Assert.Equal(HostVerdict.Refused, Decide("https://evil.gateway.example.com", Literal, true, "gateway.example.com").Verdict);
            Assert.Equal(HostVerdict.Refused, Decide("https://gateway.example.com.evil.example", Literal, true, "gateway.example.com").Verdict);
            Assert.Equal(HostTrustReason.TrustedHost, Decide("https://api.binance.us", Literal, true, "api.binance.us").Reason);
        }

        [Fact]
        public void ABinanceHostOverPlainHttpGetsNoKey()
        {
            HostTrustDecision d = Decide("http://api.binance.com", FromEnvironment);
            Assert.Equal(HostVerdict.Refused, d.Verdict);
            Assert.Equal(HostTrustReason.PlainHttp, d.Reason);
            Assert.Equal(HostVerdict.Allowed, Decide("http://api.binance.com", FromEnvironment, key: false).Verdict);
            Assert.Equal(HostVerdict.Allowed, Decide("http://api.binance.com", BaseUriOrigin.ForCall).Verdict); // named: the user's choice
        }

        [Theory]
        [InlineData("api.binance.com")]
        [InlineData("ftp://api.binance.com")]
        [InlineData("")]
        public void ABaseUriThatIsNoUrlGetsNoKey(string baseUri) =>
            Assert.Equal(HostTrustReason.NotAUrl, Decide(baseUri, Literal).Reason);

        [Theory]
        [InlineData("gateway.example.com", "gateway.example.com")]
        [InlineData(" Gateway.Example.com. ", "gateway.example.com")]
        [InlineData("gateway.example.com:8443", "gateway.example.com:8443")]
        [InlineData("10.0.0.5:8080", "10.0.0.5:8080")]
        [InlineData("[::1]:5000", "[::1]:5000")]
        [InlineData("::1", "[::1]")]
        [InlineData("localhost", "localhost")]
        public void TrustedHostEntriesParse(string entry, string written) =>
            Assert.Equal(new[] { written }, TrustedHostList.Parse(new[] { entry }).Entries);

        [Theory]
        [InlineData("", TrustedHostProblem.Empty)]
        [InlineData("https://gateway.example.com", TrustedHostProblem.NotAHostName)]
        [InlineData("gateway.example.com/api", TrustedHostProblem.NotAHostName)]
        [InlineData("user@gateway.example.com", TrustedHostProblem.NotAHostName)]
        [InlineData("*.example.com", TrustedHostProblem.Wildcard)]
        [InlineData("gateway.example.com:0", TrustedHostProblem.BadPort)]
        [InlineData("gateway.example.com:99999", TrustedHostProblem.BadPort)]
        [InlineData("gateway.example.com:http", TrustedHostProblem.BadPort)]
        [InlineData("bad_name!", TrustedHostProblem.BadName)]
        [InlineData("[::1", TrustedHostProblem.BadName)]
        public void BadTrustedHostEntriesSayWhatIsWrong(string entry, TrustedHostProblem problem)
        {
            var ex = Assert.Throws<TrustedHostFormatException>(() => TrustedHostList.Parse(new[] { entry }));
            Assert.Equal(problem, ex.Problem);
            Assert.Equal(entry, ex.Entry);
        }

        [Fact]
        public void EveryBundledAndFixtureHostIsTrustedWithKeys()
        {
            var urls = new List<(string file, string url)>();
            foreach (string file in Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "environments"), "*.json", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Fixtures.Postman2025, "*.postman_environment.json", SearchOption.AllDirectories)))
            {
                PostmanEnvironment environment = PostmanEnvironmentReader.ReadFile(file);
                urls.Add((file, environment.Url!));
            }
            foreach (string file in Directory.EnumerateFiles(Path.Combine(Fixtures.Postman2026, "collections"), "*.json"))
                foreach (var v in PostmanCollectionReader.ReadFile(file).Variables.Where(v => v.Key.EndsWith("_url")))
                    urls.Add((file, v.Value));
            Assert.True(urls.Count >= 30, urls.Count.ToString());
            foreach (var (file, url) in urls)
            {
                HostTrustDecision d = Decide(url, BaseUriOrigin.FromEnvironment(Path.GetFileName(file), "url"));
                Assert.True(d.Verdict == HostVerdict.Allowed, $"{file}: {url} {d.Reason}");
            }
        }

        private static PostmanCollection Crafted(string requestUrl, string? collectionVariable = null) => PostmanCollectionReader.Parse(Encoding.UTF8.GetBytes(
            "{ \"info\": { \"name\": \"Crafted\", \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" },"
            + (collectionVariable != null ? " \"variable\": [ { \"key\": \"base\", \"value\": \"" + collectionVariable + "\" }, { \"key\": \"prod_url\", \"value\": \"https://api.binance.com\" } ]," : "")
            + " \"item\": [ { \"name\": \"Account\", \"request\": { \"method\": \"GET\", \"url\": \"" + requestUrl + "\" } } ] }"));

        [Fact]
        public void TheResolverSaysWhereTheBaseUriCameFrom()
        {
            var spot = new PostmanEnvironment("Spot Production", null, new Dictionary<string, string> { ["url"] = "https://api.binance.com" }, ApiFamily.Spot, BinanceNetwork.Production);
            var environments = new[] { spot };

            BaseUrlResolver.Resolve(Crafted("https://evil.example/api/v3/account").Endpoints[0], BinanceNetwork.Production, environments, out BaseUriOrigin literal);
            Assert.Equal(BaseUriSource.CollectionLiteral, literal.Source);
            Assert.Equal(("Crafted", "Account", "https://evil.example"), (literal.Collection, literal.Request, literal.Literal));

            string url = BaseUrlResolver.Resolve(Crafted("{{base}}/api/v3/account", "http://127.0.0.1:5000").Endpoints[0], BinanceNetwork.Production, environments, out BaseUriOrigin variable);
            Assert.Equal("http://127.0.0.1:5000", url);
            Assert.Equal(BaseUriSource.CollectionVariable, variable.Source);
            Assert.Equal("base", variable.Variable);

            BaseUrlResolver.Resolve(Crafted("{{url}}/api/v3/account").Endpoints[0], BinanceNetwork.Production, environments, out BaseUriOrigin picked);
            Assert.Equal(BaseUriSource.EnvironmentVariable, picked.Source);
            Assert.Equal(("Spot Production", "url", (BinanceNetwork?)BinanceNetwork.Production), (picked.Environment, picked.Variable, picked.PickedForNetwork));

            BaseUrlResolver.Resolve(Crafted("{{url}}/api/v3/account").Endpoints[0], spot, out BaseUriOrigin named);
            Assert.Null(named.PickedForNetwork);

            // no {{url}} anywhere: the collection's network variable, as Binance's newer collections have it
            BaseUrlResolver.Resolve(Crafted("{{url}}/api/v3/account", "x").Endpoints[0], BinanceNetwork.Production, Array.Empty<PostmanEnvironment>(), out BaseUriOrigin network);
            Assert.Equal((BaseUriSource.CollectionVariable, "prod_url"), (network.Source, network.Variable));

            BaseUrlResolver.ResolveForPath("/api/v3/account", BinanceNetwork.Production, environments, out BaseUriOrigin raw);
            Assert.Equal(("Spot Production", "url"), (raw.Environment, raw.Variable));
        }

        [Fact]
        public void AKeyTheCollectionPutsInAHeaderMakesAPublicRequestKeyed()
        {
            PostmanCollection collection = PostmanCollectionReader.Parse(Encoding.UTF8.GetBytes(
                "{ \"info\": { \"name\": \"Leaky\", \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" },"
                + " \"item\": [ { \"name\": \"Ping\", \"request\": { \"method\": \"GET\", \"header\": [ { \"key\": \"X-Key\", \"value\": \"{{binance-api-key}}\" } ],"
                + " \"url\": \"https://evil.example/api/v3/ping\" } } ] }"));
            Endpoint ping = collection.Endpoints[0];
            Assert.Equal(SecurityType.NONE, ping.Security);
            var withKey = new VariableResolver(collection.Variables, new Dictionary<string, string> { ["binance-api-key"] = "k".PadRight(64, '1') });
            PreparedRequest keyed = RequestBuilder.Prepare(ping, "https://evil.example", Array.Empty<KeyValuePair<string, string>>(), withKey, Literal);
            Assert.True(keyed.CarriesKey);
            Assert.Equal(HostVerdict.Refused, HostTrust.Decide(keyed, TrustedHostList.Empty).Verdict);
            Assert.True(keyed.With("x", "1").CarriesKey);

            // an unset variable is sent as written: no key on board, so only the warning for an unnamed host
            PreparedRequest unset = RequestBuilder.Prepare(ping, "https://evil.example", Array.Empty<KeyValuePair<string, string>>(), new VariableResolver(collection.Variables, null), Literal);
            Assert.False(unset.CarriesKey);
            Assert.Equal(HostVerdict.AllowedWithWarning, HostTrust.Decide(unset, TrustedHostList.Empty).Verdict);
        }

        /// <summary>Counts what reaches the network.</summary>
        private sealed class CountingHandler : HttpMessageHandler
        {
            public int Calls;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref Calls);
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"serverTime\":1}", Encoding.UTF8, "application/json") });
            }
        }

        [Fact]
        public async Task TheSendPathRefusesBeforeAnyByteLeaves()
        {
            var handler = new CountingHandler();
            var client = new BinanceClient(new HttpClient(handler), new ServerClock());
            PreparedRequest signed = RequestBuilder.PrepareRaw("GET", "https://evil.example", "/api/v3/account", SecurityType.USER_DATA,
                Array.Empty<KeyValuePair<string, string>>(), Literal);
            var ex = await Assert.ThrowsAsync<UntrustedHostException>(() =>
                client.SendAsync(signed, "key", SignerFactory.Create("secret", null), null, new SendOptions(), default));
            Assert.Equal(0, handler.Calls); // not even the clock sync
            Assert.Equal("evil.example", ex.Decision.Host);
            Assert.DoesNotContain("secret", ex.Message);

            // the paging copy keeps its origin
            await Assert.ThrowsAsync<UntrustedHostException>(() =>
                client.SendAsync(signed.With("limit", "5"), "key", SignerFactory.Create("secret", null), null, new SendOptions(), default));
            // a caller that does not say where the base URI came from is refused too: the check fails closed
            PreparedRequest unknown = RequestBuilder.PrepareRaw("GET", "https://evil.example", "/api/v3/account", SecurityType.USER_DATA, Array.Empty<KeyValuePair<string, string>>());
            await Assert.ThrowsAsync<UntrustedHostException>(() =>
                client.SendAsync(unknown, "key", SignerFactory.Create("secret", null), null, new SendOptions(), default));
            Assert.Equal(0, handler.Calls);

            var trusted = new SendOptions { TrustedHosts = TrustedHostList.Parse(new[] { "evil.example" }) };
            (await client.SendAsync(signed, "key", SignerFactory.Create("secret", null), null, trusted, default)).Dispose();
            Assert.Equal(2, handler.Calls); // clock sync and the request
        }

        [Fact]
        public async Task AKeylessRequestToAnUnnamedHostIsReported()
        {
            var handler = new CountingHandler();
            var client = new BinanceClient(new HttpClient(handler), new ServerClock());
            var seen = new List<HostTrustDecision>();
            var options = new SendOptions { OnUnnamedHost = seen.Add };
            PreparedRequest open = RequestBuilder.PrepareRaw("GET", "https://evil.example:8443", "/api/v3/ping", SecurityType.NONE, Array.Empty<KeyValuePair<string, string>>(), Literal);
            (await client.SendAsync(open, null, null, null, options, default)).Dispose();
            Assert.Equal(1, handler.Calls);
            Assert.Equal("evil.example:8443", Assert.Single(seen).Host);

            PreparedRequest binance = RequestBuilder.PrepareRaw("GET", "https://api.binance.com", "/api/v3/ping", SecurityType.NONE, Array.Empty<KeyValuePair<string, string>>(), Literal);
            (await client.SendAsync(binance, null, null, null, options, default)).Dispose();
            Assert.Single(seen);
        }
    }
}
