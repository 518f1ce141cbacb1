using System.Collections.Generic;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// A Postman environment: either the older per-API kind (`url`, `binance-api-key`, ...) or the newer kind
    /// whose `environment` variable picks a collection's prod_url / testnet_url / demo_url.
    /// </summary>
    public sealed class PostmanEnvironment
    {
        public PostmanEnvironment(string name, string? sourcePath, IReadOnlyDictionary<string, string> variables, ApiFamily family, BinanceNetwork? network)
        {
            Name = name;
            SourcePath = sourcePath;
            Variables = variables;
            Family = family;
            Network = network;
        }

        public string Name { get; }
        public string? SourcePath { get; }
        public IReadOnlyDictionary<string, string> Variables { get; }
        /// <summary>Unknown for environments that serve every collection (the newer kind).</summary>
        public ApiFamily Family { get; }
        public BinanceNetwork? Network { get; }

        public override string ToString() => Name;
    }
}
