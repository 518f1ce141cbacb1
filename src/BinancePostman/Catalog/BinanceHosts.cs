using System;
using System.Collections.Generic;

namespace BinancePostman.Catalog
{
    /// <summary>Binance's REST hosts and what each serves: tells an environment's API and network from its URL.</summary>
    public static class BinanceHosts
    {
        private static readonly Dictionary<string, (ApiFamily family, BinanceNetwork network)> Known =
            new Dictionary<string, (ApiFamily, BinanceNetwork)>(StringComparer.OrdinalIgnoreCase)
            {
                ["api.binance.com"] = (ApiFamily.Spot, BinanceNetwork.Production),
                ["api1.binance.com"] = (ApiFamily.Spot, BinanceNetwork.Production),
                ["api2.binance.com"] = (ApiFamily.Spot, BinanceNetwork.Production),
                ["api3.binance.com"] = (ApiFamily.Spot, BinanceNetwork.Production),
                ["api4.binance.com"] = (ApiFamily.Spot, BinanceNetwork.Production),
                ["api-gcp.binance.com"] = (ApiFamily.Spot, BinanceNetwork.Production),
                ["testnet.binance.vision"] = (ApiFamily.Spot, BinanceNetwork.Testnet),
                ["demo-api.binance.com"] = (ApiFamily.Spot, BinanceNetwork.Demo),
                ["fapi.binance.com"] = (ApiFamily.UsdMFutures, BinanceNetwork.Production),
                ["demo-fapi.binance.com"] = (ApiFamily.UsdMFutures, BinanceNetwork.Demo),
                ["dapi.binance.com"] = (ApiFamily.CoinMFutures, BinanceNetwork.Production),
                ["demo-dapi.binance.com"] = (ApiFamily.CoinMFutures, BinanceNetwork.Demo),
                ["eapi.binance.com"] = (ApiFamily.Options, BinanceNetwork.Production),
                ["papi.binance.com"] = (ApiFamily.PortfolioMargin, BinanceNetwork.Production),
                // the futures testnet serves USDs-M, Coin-M and options: the path tells which
                ["testnet.binancefuture.com"] = (ApiFamily.Unknown, BinanceNetwork.Testnet),
                ["www.binance.com"] = (ApiFamily.Unknown, BinanceNetwork.Production),
            };

        public static bool TryIdentify(string? url, out ApiFamily family, out BinanceNetwork network)
        {
            family = ApiFamily.Unknown;
            network = BinanceNetwork.Production;
            if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)) return false;
            if (!Known.TryGetValue(uri.Host, out var known)) return false;
            (family, network) = known;
            return true;
        }

        /// <summary>
        /// The domains of Binance's documented REST hosts on every network: binance.com (production: api, api1-4, api-gcp,
        /// fapi, dapi, eapi, papi; demo: demo-api, demo-fapi, demo-dapi), binance.vision (the spot testnet, data-api) and
        /// binancefuture.com (the futures and options testnet). binance.us is not here: Binance.US is a separate exchange
        /// with its own accounts and keys, so a binance.com key sent there goes to another company; its users trust it by name
        /// (Connect-Binance -TrustedHost api.binance.us).
        /// </summary>
        private static readonly string[] Domains = { "binance.com", "binance.vision", "binancefuture.com" };

        /// <summary>True for hosts in Binance's domains (binance.com, binance.vision, binancefuture.com) and their subdomains.</summary>
        public static bool IsBinanceHost(string host)
        {
            string h = host.TrimEnd('.').ToLowerInvariant();
            foreach (string domain in Domains)
                if (h == domain || h.EndsWith("." + domain, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>This machine: a local test exchange or proxy, nothing that leaves it.</summary>
        public static bool IsLoopback(string host)
        {
            string h = host.Trim('[', ']').TrimEnd('.');
            return string.Equals(h, "localhost", StringComparison.OrdinalIgnoreCase) || h.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || h.StartsWith("127.", StringComparison.Ordinal) || h == "::1" || h == "0.0.0.0";
        }

        /// <summary>The name a network has in the newer environments' `environment` variable and the `*_url` collection variables.</summary>
        public static string UrlVariableFor(BinanceNetwork network)
        {
            switch (network)
            {
                case BinanceNetwork.Testnet: return "testnet_url";
                case BinanceNetwork.Demo: return "demo_url";
                default: return "prod_url";
            }
        }

        public static bool TryParseNetwork(string? text, out BinanceNetwork network)
        {
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "production":
                case "prod":
                case "mainnet":
                    network = BinanceNetwork.Production; return true;
                case "testnet":
                case "test":
                    network = BinanceNetwork.Testnet; return true;
                case "demo":
                    network = BinanceNetwork.Demo; return true;
                default:
                    network = BinanceNetwork.Production; return false;
            }
        }
    }
}
