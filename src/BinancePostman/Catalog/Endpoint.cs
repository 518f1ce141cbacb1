using System;
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
            ApiFamily family,
            WeightRule? weightRule = null,
            EndpointLifecycle? lifecycle = null)
        {
            Owner = collection;
            FolderPath = folderPath;
            Name = name;
            Method = method;
            Host = hostTemplate;
            Path = pathTemplate;
            Security = security;
            Weight = weight;
            WeightRule = weightRule;
            Parameters = new DisplayList<EndpointParameter>(new List<EndpointParameter>(parameters));
            Headers = new DisplayList<HeaderEntry>(new List<HeaderEntry>(headers));
            BodyMode = bodyMode;
            RawBody = rawBody;
            Description = description;
            Family = family;
            Lifecycle = lifecycle ?? EndpointLifecycle.Active;
        }

        internal PostmanCollection Owner { get; }
        public string Collection => Owner.Name;
        internal IReadOnlyList<string> FolderPath { get; }
        public string Folder => string.Join("/", FolderPath);
        public string Name { get; }
        /// <summary>The collection-qualified name, unique across loaded collections: "Spot\Order Book".</summary>
        public string QualifiedName => Owner.Name + "\\" + Name;
        public string Method { get; }
        /// <summary>The host part as written, usually "{{url}}".</summary>
        public string Host { get; }
        /// <summary>The path as written, starting with '/': may hold {{variables}} and :name segments.</summary>
        public string Path { get; }
        public SecurityType Security { get; }
        public bool IsSigned => Security.IsSigned();
        /// <summary>The weight the description states first (a number only): see WeightRule for what a given request weighs.</summary>
        public int? Weight { get; }
        /// <summary>The stated weight as a rule over the request's parameters (limit, symbol, symbols...); null when none is stated.</summary>
        public WeightRule? WeightRule { get; }

        /// <summary>What a request with these parameter values weighs: the rule's answer, else the stated number, else 1.</summary>
        public int WeightFor(IEnumerable<KeyValuePair<string, string>> values) => WeightRule?.Evaluate(values) ?? Weight ?? 1;
        public DisplayList<EndpointParameter> Parameters { get; }
        public DisplayList<HeaderEntry> Headers { get; }
        public BodyMode BodyMode { get; }
        public string? RawBody { get; }
        public string? Description { get; }
        public ApiFamily Family { get; }

        /// <summary>True when the collection declares a parameter of that name (any case).</summary>
        public bool HasParameter(string name)
        {
            foreach (EndpointParameter p in Parameters)
                if (string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>Active, Deprecated or Retired, as the collection states it (Binance's changelogs behind the bundled ones).</summary>
        public EndpointStatus Status => Lifecycle.Status;
        /// <summary>The day Binance stopped serving it, for retired endpoints.</summary>
        public DateTime? RetiredOn => Lifecycle.Status == EndpointStatus.Retired ? Lifecycle.Since : null;
        /// <summary>The day Binance announced its end, for deprecated endpoints.</summary>
        public DateTime? DeprecatedOn => Lifecycle.Status == EndpointStatus.Deprecated ? Lifecycle.Since : null;
        /// <summary>What to use instead, when the status names it.</summary>
        public string? Replacement => Lifecycle.Replacement;
        internal EndpointLifecycle Lifecycle { get; }
        public bool IsRetired => Lifecycle.Status == EndpointStatus.Retired;

        public override string ToString() => QualifiedName;
    }
}
