using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BinancePostman.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>
    /// Every Portfolio Margin and Alpha request resolves to its API's host on each network Binance serves it on, and is
    /// refused, naming the networks there are, on the others. Prints one row per request.
    /// </summary>
    public class NewApisHostTableTests
    {
        private readonly ITestOutputHelper _out;

        public NewApisHostTableTests(ITestOutputHelper output) => _out = output;

        [Theory]
        [InlineData("Portfolio Margin", "https://papi.binance.com", 109)]
        [InlineData("Alpha", "https://www.binance.com", 6)]
        public void EveryRequestResolvesToItsHostPerNetwork(string collectionName, string productionHost, int requests)
        {
            var collection = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.RepoRoot, "collections", collectionName.ToLowerInvariant().Replace(' ', '-') + ".postman_collection.json"));
            var environments = CatalogFolderLoader.LoadEach(CatalogFolderLoader.EnvironmentFiles(Path.Combine(Fixtures.RepoRoot, "environments")), PostmanEnvironmentReader.ReadFile).loaded;
            Assert.Equal(requests, collection.EndpointCount);

            _out.WriteLine($"{"Method",-7}{"Path",-72}{"Security",-12}{"Production",-26}{"Testnet",-10}{"Demo",-10}");
            foreach (Endpoint e in collection.Endpoints)
            {
                Assert.Equal(collectionName == "Alpha" ? ApiFamily.Alpha : ApiFamily.PortfolioMargin, e.Family);
                string production = BaseUrlResolver.Resolve(e, BinanceNetwork.Production, environments);
                Assert.Equal(productionHost, production);
                var testnet = Assert.Throws<UrlResolutionException>(() => BaseUrlResolver.Resolve(e, BinanceNetwork.Testnet, environments));
                var demo = Assert.Throws<UrlResolutionException>(() => BaseUrlResolver.Resolve(e, BinanceNetwork.Demo, environments));
                Assert.Contains("Production only", testnet.Message);
                Assert.Contains("Production only", demo.Message);
                _out.WriteLine($"{e.Method,-7}{e.Path,-72}{e.Security,-12}{production,-26}{"refused",-10}{"refused",-10}");
            }
        }

        [Fact]
        public void CoinMFuturesHasADemoNetworkNow()
        {
            var environments = CatalogFolderLoader.LoadEach(CatalogFolderLoader.EnvironmentFiles(Path.Combine(Fixtures.RepoRoot, "environments")), PostmanEnvironmentReader.ReadFile).loaded;
            Assert.Equal(new[] { BinanceNetwork.Production, BinanceNetwork.Testnet, BinanceNetwork.Demo }, BaseUrlResolver.NetworksOf(ApiFamily.CoinMFutures, environments));
            Assert.Equal(new[] { BinanceNetwork.Production, BinanceNetwork.Testnet }, BaseUrlResolver.NetworksOf(ApiFamily.Options, environments));
            Assert.Equal(new[] { BinanceNetwork.Production }, BaseUrlResolver.NetworksOf(ApiFamily.PortfolioMargin, environments));
            Assert.Equal("https://demo-dapi.binance.com", BaseUrlResolver.ResolveForPath("/dapi/v1/time", BinanceNetwork.Demo, environments));
            var refused = Assert.Throws<UrlResolutionException>(() => BaseUrlResolver.ResolveForPath("/papi/v1/ping", BinanceNetwork.Demo, environments));
            Assert.Contains("Portfolio Margin is served on: Production", refused.Message);
        }
    }
}
