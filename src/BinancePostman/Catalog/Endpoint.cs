using System.Collections.Generic;

namespace BinancePostman.Catalog
{
    /// <summary>One request of a collection, as data: never a script.</summary>
    public sealed class Endpoint
    {
        public Endpoint(
            PostmanCollection collection,
            IReadOnlyList<string> folderPath,
            string name,
            string method,
            string hostTemplate,
            string pathTemplate,
            SecurityType security,
            int? weight,
            IReadOnlyList<EndpointParameter> parameters,
            IReadOnlyList<HeaderEntry> headers,
            BodyMode bodyMode,
            string? rawBody,
            string? description,
            ApiFamily family)
        {
            Collection = collection;
            FolderPath = folderPath;
            Name = name;
            Method = method;
            HostTemplate = hostTemplate;
            PathTemplate = pathTemplate;
            Security = security;
            Weight = weight;
            Parameters = parameters;
            Headers = headers;
            BodyMode = bodyMode;
            RawBody = rawBody;
            Description = description;
            Family = family;
        }

        public PostmanCollection Collection { get; }
        public string CollectionName => Collection.Name;
        public IReadOnlyList<string> FolderPath { get; }
        public string Folder => string.Join("/", FolderPath);
        public string Name { get; }
        /// <summary>The collection-qualified name, unique across loaded collections: "Spot\Order Book".</summary>
        public string QualifiedName => Collection.Name + "\\" + Name;
        public string Method { get; }
        /// <summary>The host part as written, usually "{{url}}".</summary>
        public string HostTemplate { get; }
        /// <summary>The path as written, starting with '/': may hold {{variables}} and :name segments.</summary>
        public string PathTemplate { get; }
        public SecurityType Security { get; }
        public bool IsSigned => Security.IsSigned();
        public int? Weight { get; }
        public IReadOnlyList<EndpointParameter> Parameters { get; }
        public IReadOnlyList<HeaderEntry> Headers { get; }
        public BodyMode BodyMode { get; }
        public string? RawBody { get; }
        public string? Description { get; }
        public ApiFamily Family { get; }

        public override string ToString() => QualifiedName;
    }
}
