using System.Collections.Generic;

namespace BinancePostman.Catalog
{
    /// <summary>A request read from the file, waiting for its collection (whose family decides ambiguous paths).</summary>
    internal sealed class PendingEndpoint
    {
        public string Name = "";
        public string[] Folders = System.Array.Empty<string>();
        public string Method = "GET";
        public string Host = "";
        public string Path = "/";
        public SecurityType Security;
        public int? Weight;
        public WeightRule? WeightRule;
        public List<EndpointParameter> Parameters = new List<EndpointParameter>();
        public List<HeaderEntry> Headers = new List<HeaderEntry>();
        public BodyMode BodyMode;
        public string? RawBody;
        public string? Description;
        public ApiFamily PathFamily;
        public EndpointLifecycle Lifecycle = EndpointLifecycle.Active;

        public Endpoint Build(PostmanCollection collection) =>
            new Endpoint(collection, Folders, Name, Method, Host, Path, Security, Weight,
                Parameters, Headers, BodyMode, RawBody, Description,
                PathFamily == ApiFamily.Unknown ? collection.Family : PathFamily, WeightRule, Lifecycle);
    }
}
