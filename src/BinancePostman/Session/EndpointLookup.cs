using System;
using System.Collections.Generic;
using System.Linq;
using BinancePostman.Catalog;

namespace BinancePostman.Session
{
    /// <summary>One endpoint for a name (and optional collection); where collections share it, the session's default collection decides.</summary>
    internal static class EndpointLookup
    {
        /// <summary>Every endpoint of that name, in that collection when one is given.</summary>
        public static IReadOnlyList<Endpoint> Find(EndpointCatalog catalog, string name, string? collection)
        {
            IReadOnlyList<Endpoint> found = catalog.FindByName(name);
            if (!string.IsNullOrEmpty(collection))
                found = found.Where(e => string.Equals(e.Collection, collection, StringComparison.OrdinalIgnoreCase)).ToList();
            return found;
        }

        /// <summary>The one endpoint the name means, or null when it means none or several.</summary>
        public static Endpoint? TryResolve(EndpointCatalog catalog, string name, string? collection, string defaultCollection)
        {
            IReadOnlyList<Endpoint> found = Find(catalog, name, collection);
            if (found.Count == 1) return found[0];
            if (found.Count > 1 && string.IsNullOrEmpty(collection))
            {
                var preferred = found.Where(e => string.Equals(e.Collection, defaultCollection, StringComparison.OrdinalIgnoreCase)).ToList();
                if (preferred.Count == 1) return preferred[0];
            }
            return null;
        }

        /// <summary>The one endpoint the name means; none or several is an <see cref="EndpointLookupException"/>.</summary>
        public static Endpoint Single(EndpointCatalog catalog, string name, string? collection, string defaultCollection)
        {
            Endpoint? resolved = TryResolve(catalog, name, collection, defaultCollection);
            if (resolved != null) return resolved;
            IReadOnlyList<Endpoint> found = Find(catalog, name, collection);
            throw new EndpointLookupException(name, collection, found.Select(e => e.Collection).ToList());
        }
    }
}
