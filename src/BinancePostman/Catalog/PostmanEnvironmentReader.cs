using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace BinancePostman.Catalog
{
    /// <summary>Reads Postman environment files of both Binance generations.</summary>
    public static class PostmanEnvironmentReader
    {
        /// <summary>The newer generation's variable that picks prod_url / testnet_url / demo_url.</summary>
        public const string NetworkVariable = "environment";

        public static PostmanEnvironment ReadFile(string path)
        {
            using JsonDocument doc = JsonFile.Read(path);
            return Read(doc.RootElement, path);
        }

        public static PostmanEnvironment Parse(byte[] utf8Json, string? sourcePath = null)
        {
            using JsonDocument doc = JsonFile.Parse(utf8Json, sourcePath);
            return Read(doc.RootElement, sourcePath);
        }

        private static PostmanEnvironment Read(JsonElement root, string? path)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw new CollectionLoadException(path, CollectionLoadError.NotAnEnvironment, "The file is JSON but not a Postman environment.");
            if (root.TryGetProperty("item", out _) || root.TryGetProperty("info", out _))
                throw new CollectionLoadException(path, CollectionLoadError.CollectionGivenAsEnvironment,
                    "This is a Postman collection, not an environment.");
            if (!JsonValues.TryArray(root, "values", out JsonElement values))
                throw new CollectionLoadException(path, CollectionLoadError.NotAnEnvironment,
                    "The file is JSON but not a Postman environment (it has no 'values' list). Export the environment from Postman.");

            var vars = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonElement v in values.EnumerateArray())
            {
                string? key = JsonValues.String(v, "key");
                if (string.IsNullOrEmpty(key)) continue;
                if (v.TryGetProperty("enabled", out JsonElement enabled) && enabled.ValueKind == JsonValueKind.False) continue;
                vars[key!] = JsonValues.String(v, "value") ?? "";
            }
            string name = (JsonValues.String(root, "name") ?? Path.GetFileNameWithoutExtension(path) ?? "Environment").Trim();
            var (family, network) = Identify(name, path, vars);
            return new PostmanEnvironment(name, path, vars, family, network);
        }

        /// <summary>API and network: from the `environment` variable, the `url` host, the seed's folder name, then the name.</summary>
        private static (ApiFamily, BinanceNetwork?) Identify(string name, string? path, Dictionary<string, string> vars)
        {
            ApiFamily family = ApiFamily.Unknown;
            BinanceNetwork? network = null;
            if (vars.TryGetValue(NetworkVariable, out string? selected) && BinanceHosts.TryParseNetwork(selected, out BinanceNetwork n))
                network = n;
            if (vars.TryGetValue("url", out string? url) && BinanceHosts.TryIdentify(url, out ApiFamily f, out BinanceNetwork hostNetwork))
            {
                family = f;
                network ??= hostNetwork;
            }
            if (family == ApiFamily.Unknown && path != null)
                family = ApiFamilies.FromFolderName(Path.GetFileName(Path.GetDirectoryName(path)) ?? "");
            if (network == null)
            {
                string lower = name.ToLowerInvariant();
                if (lower.Contains("testnet")) network = BinanceNetwork.Testnet;
                else if (lower.Contains("demo")) network = BinanceNetwork.Demo;
                else if (vars.ContainsKey("url")) network = BinanceNetwork.Production;
            }
            return (family, network);
        }
    }
}
