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
        /// <remarks>internal: environments hold API keys and secrets; output shows names and the URL only</remarks>
        internal IReadOnlyDictionary<string, string> Variables { get; }
        public DisplayList<string> VariableNames => new DisplayList<string>(new List<string>(Variables.Keys));
        /// <summary>The `url` variable (older kind), or null.</summary>
        public string? Url => Variables.TryGetValue("url", out string? url) ? url : null;
        /// <summary>Unknown for environments that serve every collection (the newer kind).</summary>
        public ApiFamily Family { get; }
        public BinanceNetwork? Network { get; }

        public override string ToString() => Name;
    }
}
