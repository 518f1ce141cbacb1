using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace BinancePostman.Tests.Collections
{
    /// <summary>The bundled environments keep the seed's layout and variables.</summary>
    public class EnvironmentStructureTests
    {
        private static readonly string[] SeedVariables = { "url", "binance-api-key", "binance-api-secret", "timestamp", "signature" };

        public static IEnumerable<object[]> EnvironmentFiles() =>
            BundledFiles.EnvironmentFiles().Select(f => new object[] { BundledFiles.RelativePath(f) });

        [Theory]
        [MemberData(nameof(EnvironmentFiles))]
        public void HasTheSeedVariables(string relativePath)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.RepoRoot, relativePath)));
            var root = document.RootElement;
            Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("name").GetString()));
            Assert.Equal("environment", root.GetProperty("_postman_variable_scope").GetString());

            var values = root.GetProperty("values").EnumerateArray()
                .ToDictionary(v => v.GetProperty("key").GetString()!, v => (Value: v.GetProperty("value").GetString(), Enabled: v.GetProperty("enabled").GetBoolean()));
            Assert.Equal(SeedVariables, values.Keys.ToArray());
            Assert.All(values.Values, v => Assert.True(v.Enabled));
            Assert.StartsWith("https://", values["url"].Value);
            Assert.Equal("api-key", values["binance-api-key"].Value);
            Assert.Equal("api-secret", values["binance-api-secret"].Value);
            Assert.Equal("", values["timestamp"].Value);
            Assert.Equal("", values["signature"].Value);
        }

        [Theory]
        [InlineData("environments/spot/spot-production.postman_environment.json", "Spot Production", "https://api.binance.com")]
        [InlineData("environments/spot/spot-testnet.postman_environment.json", "Spot Testnet", "https://testnet.binance.vision")]
        [InlineData("environments/perpetual_futures/usds-m-futures-production.postman_environment.json", "USDs-M Futures Production", "https://fapi.binance.com")]
        [InlineData("environments/perpetual_futures/usds-m-futures-testnet.postman_environment.json", "USDs-M Futures Testnet", "https://testnet.binancefuture.com")]
        [InlineData("environments/delivery_futures/coin-m-futures-production.postman_environment.json", "Coin-M Futures Production", "https://dapi.binance.com")]
        [InlineData("environments/delivery_futures/coin-m-futures-testnet.postman_environment.json", "Coin-M Futures Testnet", "https://testnet.binancefuture.com")]
        [InlineData("environments/european_options/european-options-production.postman_environment.json", "European Options Production", "https://eapi.binance.com")]
        public void SeedEnvironmentExistsWithItsBaseUrl(string relativePath, string name, string url)
        {
            string file = Path.Combine(Fixtures.RepoRoot, relativePath);
            Assert.True(File.Exists(file), relativePath + " is missing");
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(name, document.RootElement.GetProperty("name").GetString());
            var urlValue = document.RootElement.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("key").GetString() == "url");
            Assert.Equal(url, urlValue.GetProperty("value").GetString());
        }
    }
}
