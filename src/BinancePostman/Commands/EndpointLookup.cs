using System;
using System.Collections.Generic;
using System.Linq;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>One endpoint for a name (and optional collection); where collections share it, the session's default collection decides.</summary>
    internal static class EndpointLookup
    {
        public static Endpoint? TryResolve(EndpointCatalog catalog, string name, string? collection)
        {
            IReadOnlyList<Endpoint> found = catalog.FindByName(name);
            if (!string.IsNullOrEmpty(collection))
                found = found.Where(e => string.Equals(e.Collection, collection, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 1) return found[0];
            if (found.Count > 1 && string.IsNullOrEmpty(collection))
            {
                var preferred = found.Where(e => string.Equals(e.Collection, ModuleSession.DefaultCollection, StringComparison.OrdinalIgnoreCase)).ToList();
                if (preferred.Count == 1) return preferred[0];
            }
            return null;
        }
    }
}
