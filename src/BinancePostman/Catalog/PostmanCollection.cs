using System.Collections.Generic;

namespace BinancePostman.Catalog
{
    /// <summary>A loaded Postman v2.x collection: its variables and its requests, flattened into endpoints.</summary>
    public sealed class PostmanCollection
    {
        private readonly List<Endpoint> _endpoints = new List<Endpoint>();

        public PostmanCollection(string name, string? sourcePath, string schema, string? description, IReadOnlyDictionary<string, string> variables, bool hasScripts)
        {
            Name = name;
            SourcePath = sourcePath;
            Schema = schema;
            Description = description;
            Variables = variables;
            HasScripts = hasScripts;
        }

        public string Name { get; }
        public string? SourcePath { get; }
        public string Schema { get; }
        public string? Description { get; }
        /// <summary>Collection-level variables (enabled ones), e.g. prod_url / testnet_url / demo_url.</summary>
        /// <remarks>internal: a user's collection may hold secrets in its variables; output shows names only</remarks>
        internal IReadOnlyDictionary<string, string> Variables { get; }
        public DisplayList<string> VariableNames => new DisplayList<string>(new List<string>(Variables.Keys));
        /// <summary>True when the file carries pre-request or test scripts (never run by this module).</summary>
        public bool HasScripts { get; internal set; }
        /// <summary>Set by the reader once all requests are read: the API most of its paths belong to.</summary>
        public ApiFamily Family { get; internal set; }
        public IReadOnlyList<Endpoint> Endpoints => _endpoints;
        public int EndpointCount => _endpoints.Count;

        internal void Add(Endpoint endpoint) => _endpoints.Add(endpoint);

        public override string ToString() => Name;
    }
}
