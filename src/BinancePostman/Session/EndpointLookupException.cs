using System;
using System.Collections.Generic;

namespace BinancePostman.Session
{
    /// <summary>A name that means no loaded endpoint (Collections empty), or several (the collections that have it).</summary>
    public sealed class EndpointLookupException : Exception
    {
        public EndpointLookupException(string name, string? collection, IReadOnlyList<string> collections)
            : base(collections.Count == 0
                ? $"No endpoint is named '{name}'{(collection != null ? " in '" + collection + "'" : "")}."
                : $"'{name}' is in several collections: {string.Join(", ", collections)}.")
        {
            Name = name;
            Collection = collection;
            Collections = collections;
        }

        public string Name { get; }
        public string? Collection { get; }
        /// <summary>The collections that have an endpoint of that name: none, or several.</summary>
        public IReadOnlyList<string> Collections { get; }
        public bool IsAmbiguous => Collections.Count > 1;
    }
}
