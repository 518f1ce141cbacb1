using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// Compares two sets of collections endpoint by endpoint. An endpoint is its API, method and path (the futures data
    /// paths /futures/data/... exist once per futures API), wherever a collection files it. One listed several times in a
    /// set is compared once: its parameters are the union, required where any listing requires them. recvWindow,
    /// timestamp and signature are signing plumbing every signed endpoint takes, and are left out.
    /// </summary>
    public static class CollectionComparer
    {
        public static List<CollectionDifference> Compare(IEnumerable<PostmanCollection> reference, IEnumerable<PostmanCollection> difference, bool includeEqual = false)
        {
            var left = Index(reference);
            var right = Index(difference);
            var result = new List<CollectionDifference>();
            foreach (var key in left.Keys.Union(right.Keys).OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.Method, StringComparer.Ordinal).ThenBy(k => k.Family))
            {
                left.TryGetValue(key, out Listing? r);
                right.TryGetValue(key, out Listing? d);
                if (r == null) { result.Add(new CollectionDifference(CollectionChange.Added, key.Family, key.Method, key.Path, null, d!.First, "", "", "", "")); continue; }
                if (d == null) { result.Add(new CollectionDifference(CollectionChange.Removed, key.Family, key.Method, key.Path, r.First, null, "", "", "", "")); continue; }

                string added = Join(d.Parameters.Keys.Where(p => !r.Parameters.ContainsKey(p)));
                string removed = Join(r.Parameters.Keys.Where(p => !d.Parameters.ContainsKey(p)));
                string nowRequired = Join(d.Parameters.Where(p => p.Value && r.Parameters.TryGetValue(p.Key, out bool was) && !was).Select(p => p.Key));
                string nowOptional = Join(d.Parameters.Where(p => !p.Value && r.Parameters.TryGetValue(p.Key, out bool was) && was).Select(p => p.Key));
                bool changed = added.Length + removed.Length + nowRequired.Length + nowOptional.Length > 0;
                if (changed || includeEqual)
                    result.Add(new CollectionDifference(changed ? CollectionChange.Changed : CollectionChange.Equal, key.Family, key.Method, key.Path, r.First, d.First, added, removed, nowRequired, nowOptional));
            }
            return result;
        }

        private sealed class Listing
        {
            public Listing(Endpoint first) => First = first;
            public Endpoint First { get; }
            /// <summary>Parameter name to required, in name order.</summary>
            public SortedDictionary<string, bool> Parameters { get; } = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        }

        private static Dictionary<(ApiFamily Family, string Method, string Path), Listing> Index(IEnumerable<PostmanCollection> collections)
        {
            var index = new Dictionary<(ApiFamily, string, string), Listing>();
            foreach (PostmanCollection collection in collections)
                foreach (Endpoint e in collection.Endpoints)
                {
                    var key = (e.Family, e.Method.ToUpperInvariant(), NormalPath(e.Path));
                    if (!index.TryGetValue(key, out Listing? listing)) index[key] = listing = new Listing(e);
                    foreach (EndpointParameter p in e.Parameters)
                    {
                        if (ModuleParameters.IsAlwaysOptional(p.Name)) continue;
                        listing.Parameters[p.Name] = (listing.Parameters.TryGetValue(p.Name, out bool before) && before) || p.Required;
                    }
                }
            return index;
        }

        private static string NormalPath(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

        private static string Join(IEnumerable<string> names) => string.Join(", ", names);
    }
}
