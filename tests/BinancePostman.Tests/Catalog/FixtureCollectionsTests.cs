using System;
using System.IO;
using System.Linq;
using BinancePostman.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>Binance's own collections of both generations: every request loads, resolves and is signable.</summary>
    public class FixtureCollectionsTests
    {
        private readonly ITestOutputHelper _out;

        public FixtureCollectionsTests(ITestOutputHelper output) => _out = output;

        [Fact]
        public void Generation2025_AllRequestsLoadAndResolveWithTheirEnvironment()
        {
            var collections = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(Path.Combine(Fixtures.Postman2025, "collections")), PostmanCollectionReader.ReadFile);
            var environments = CatalogFolderLoader.LoadEach(CatalogFolderLoader.EnvironmentFiles(Path.Combine(Fixtures.Postman2025, "environments")), PostmanEnvironmentReader.ReadFile);
            Assert.Empty(collections.failed);
            Assert.Empty(environments.failed);
            Assert.Equal(5, collections.loaded.Count);
            Assert.Equal(7, environments.loaded.Count);

            var endpoints = collections.loaded.SelectMany(c => c.Endpoints).ToList();
            Assert.Equal(533, endpoints.Count);
            foreach (Endpoint e in endpoints)
            {
                Assert.Contains(e.Method, new[] { "GET", "POST", "PUT", "DELETE" });
                string baseUrl = BaseUrlResolver.Resolve(e, BinanceNetwork.Production, environments.loaded);
                var url = new Uri(baseUrl + e.Path);
                Assert.True(url.IsAbsoluteUri);
                Assert.StartsWith("https://", url.ToString());
                Assert.DoesNotContain("{{", url.ToString());
            }
            foreach (var c in collections.loaded)
                _out.WriteLine($"{c.Name}: {c.Endpoints.Count} requests, family {c.Family}, signed {c.Endpoints.Count(x => x.IsSigned)}");
        }

        [Fact]
        public void Generation2026_AllRequestsLoadAndResolveWithTheProductionEnvironment()
        {
            var collections = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(Path.Combine(Fixtures.Postman2026, "collections")), PostmanCollectionReader.ReadFile);
            var environments = CatalogFolderLoader.LoadEach(CatalogFolderLoader.EnvironmentFiles(Path.Combine(Fixtures.Postman2026, "environments")), PostmanEnvironmentReader.ReadFile);
            Assert.Empty(collections.failed);
            Assert.Equal(25, collections.loaded.Count);
            Assert.Equal(3, environments.loaded.Count);
            PostmanEnvironment production = environments.loaded.Single(e => e.Network == BinanceNetwork.Production);

            var endpoints = collections.loaded.SelectMany(c => c.Endpoints).ToList();
            Assert.Equal(741, endpoints.Count);
            foreach (Endpoint e in endpoints)
            {
                string baseUrl = BaseUrlResolver.Resolve(e, production);
                Assert.Equal(e.Owner.Variables["prod_url"], baseUrl);
                Assert.True(Uri.IsWellFormedUriString(baseUrl + e.Path, UriKind.Absolute), e.QualifiedName);
            }
        }

        [Fact]
        public void Generation2026_TestnetResolvesOnlyWhereTheCollectionHasATestnetUrl()
        {
            var testnet = PostmanEnvironmentReader.ReadFile(Path.Combine(Fixtures.Postman2026, "environments", "binance_com_testnet.postman_environment.json"));
            Assert.Equal(BinanceNetwork.Testnet, testnet.Network);
            var spot = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.Postman2026, "collections", "Binance Spot API.json"));
            var wallet = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.Postman2026, "collections", "Binance Wallet API.json"));

            Assert.Equal("https://testnet.binance.vision", BaseUrlResolver.Resolve(spot.Endpoints[0], testnet));
            // Binance's own script silently falls back to production here; the module refuses instead.
            var ex = Assert.Throws<UrlResolutionException>(() => BaseUrlResolver.Resolve(wallet.Endpoints[0], testnet));
            Assert.Contains("testnet_url", ex.Message);
        }

        [Fact]
        public void Generation2025_SecurityTypesFollowSuffixSignatureAndKeyHeader()
        {
            var spot = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.Postman2025, "collections", "Binance Spot API.postman_collection.json"));
            Endpoint account = spot.Endpoints.Single(e => e.Path == "/api/v3/account");
            Assert.Equal(SecurityType.USER_DATA, account.Security);
            Assert.DoesNotContain(account.Parameters, p => p.Name == "timestamp" || p.Name == "signature");
            Assert.False(account.Parameters.Single(p => p.Name == "recvWindow").Required);

            Endpoint klines = spot.Endpoints.Single(e => e.Path == "/api/v3/klines");
            Assert.Equal(SecurityType.NONE, klines.Security);
            Assert.True(klines.Parameters.Single(p => p.Name == "symbol").Required);
            Assert.False(klines.Parameters.Single(p => p.Name == "limit").Required);
            Assert.Equal(ApiFamily.Spot, klines.Family);
            Assert.NotNull(klines.Weight);
        }

        [Fact]
        public void FuturesDataPathsTakeTheirCollectionsFamily()
        {
            var coinM = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.Postman2025, "collections", "Binance Coin-M Futures API.postman_collection.json"));
            var usdM = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.Postman2025, "collections", "Binance USDs-M Futures API.postman_collection.json"));
            Assert.All(coinM.Endpoints.Where(e => e.Path.StartsWith("/futures/")), e => Assert.Equal(ApiFamily.CoinMFutures, e.Family));
            Assert.All(usdM.Endpoints.Where(e => e.Path.StartsWith("/futures/")), e => Assert.Equal(ApiFamily.UsdMFutures, e.Family));
        }
    }
}
