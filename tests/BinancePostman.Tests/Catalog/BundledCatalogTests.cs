using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BinancePostman.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace BinancePostman.Tests.Catalog
{
    /// <summary>The bundled collections through the module's own loader, resolved against every bundled environment.</summary>
    public class BundledCatalogTests
    {
        private static readonly Dictionary<(ApiFamily, BinanceNetwork), string> Expected = new Dictionary<(ApiFamily, BinanceNetwork), string>
        {
            [(ApiFamily.Spot, BinanceNetwork.Production)] = "https://api.binance.com",
            [(ApiFamily.Spot, BinanceNetwork.Testnet)] = "https://testnet.binance.vision",
            [(ApiFamily.Spot, BinanceNetwork.Demo)] = "https://demo-api.binance.com",
            [(ApiFamily.UsdMFutures, BinanceNetwork.Production)] = "https://fapi.binance.com",
            [(ApiFamily.UsdMFutures, BinanceNetwork.Testnet)] = "https://testnet.binancefuture.com",
            [(ApiFamily.UsdMFutures, BinanceNetwork.Demo)] = "https://demo-fapi.binance.com",
            [(ApiFamily.CoinMFutures, BinanceNetwork.Production)] = "https://dapi.binance.com",
            [(ApiFamily.CoinMFutures, BinanceNetwork.Testnet)] = "https://testnet.binancefuture.com",
            [(ApiFamily.CoinMFutures, BinanceNetwork.Demo)] = "https://demo-dapi.binance.com",
            [(ApiFamily.Options, BinanceNetwork.Production)] = "https://eapi.binance.com",
            [(ApiFamily.Options, BinanceNetwork.Testnet)] = "https://testnet.binancefuture.com",
            [(ApiFamily.PortfolioMargin, BinanceNetwork.Production)] = "https://papi.binance.com",
            [(ApiFamily.Alpha, BinanceNetwork.Production)] = "https://www.binance.com",
        };

        private readonly ITestOutputHelper _out;

        public BundledCatalogTests(ITestOutputHelper output) => _out = output;

        [Fact]
        public void EveryBundledRequestResolvesToItsApisHostOnEachNetwork()
        {
            var collections = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(Path.Combine(Fixtures.RepoRoot, "collections")), PostmanCollectionReader.ReadFile);
            var environments = CatalogFolderLoader.LoadEach(CatalogFolderLoader.EnvironmentFiles(Path.Combine(Fixtures.RepoRoot, "environments")), PostmanEnvironmentReader.ReadFile);
            Assert.Empty(collections.failed);
            Assert.Empty(environments.failed);
            Assert.Equal(new[] { "Alpha", "Broker", "Coin-M Futures", "European Options", "Portfolio Margin", "Spot", "USDs-M Futures" }, collections.loaded.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(environments.loaded, e => Assert.NotNull(e.Network));

            foreach (PostmanCollection collection in collections.loaded)
            {
                foreach (BinanceNetwork network in Enum.GetValues(typeof(BinanceNetwork)))
                {
                    int resolved = 0, refused = 0;
                    foreach (Endpoint endpoint in collection.Endpoints)
                    {
                        bool expected = Expected.TryGetValue((endpoint.Family, network), out string? host);
                        bool sapiOnSpotTestnet = network == BinanceNetwork.Testnet && endpoint.Family == ApiFamily.Spot && endpoint.Path.StartsWith("/sapi/");
                        if (expected && !sapiOnSpotTestnet)
                        {
                            Assert.Equal(host, BaseUrlResolver.Resolve(endpoint, network, environments.loaded));
                            resolved++;
                        }
                        else
                        {
                            // no environment for that API and network, or the spot testnet's missing /sapi: refused, never sent elsewhere
                            Assert.Throws<UrlResolutionException>(() => BaseUrlResolver.Resolve(endpoint, network, environments.loaded));
                            refused++;
                        }
                    }
                    _out.WriteLine($"{collection.Name,-16} {network,-10} resolved {resolved,3}, refused {refused,3}");
                }
            }
        }

        [Fact]
        public void BundledSpotHasTheFoundationScope()
        {
            PostmanCollection spot = PostmanCollectionReader.ReadFile(Path.Combine(Fixtures.RepoRoot, "collections", "spot.postman_collection.json"));
            foreach (string path in new[] { "/api/v3/ping", "/api/v3/time", "/api/v3/exchangeInfo", "/api/v3/depth", "/api/v3/klines", "/api/v3/order", "/api/v3/account", "/api/v3/myTrades" })
                Assert.Contains(spot.Endpoints, e => e.Path == path);
            Endpoint newOrder = spot.Endpoints.Single(e => e.Name == "New Order (TRADE)");
            Assert.Equal(SecurityType.TRADE, newOrder.Security);
            Assert.Equal(new[] { "symbol", "side", "type" }, newOrder.Parameters.Where(p => p.Required).Select(p => p.Name));
            Assert.True(spot.HasScripts);
        }
    }
}
