using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// The loaded collections and environments. Readers see an immutable snapshot; writers swap in a new one,
    /// so parallel runspaces can list endpoints while another imports.
    /// </summary>
    public sealed class EndpointCatalog
    {
        private readonly object _writeLock = new object();
        private volatile Snapshot _current = Snapshot.Empty;

        public IReadOnlyList<PostmanCollection> Collections => _current.Collections;
        public IReadOnlyList<PostmanEnvironment> Environments => _current.Environments;
        public IReadOnlyList<Endpoint> Endpoints => _current.Endpoints;

        /// <summary>Adds a collection; one of the same name is replaced (a re-import).</summary>
        /// <returns>the collection it replaced, if any</returns>
        public PostmanCollection? AddCollection(PostmanCollection collection)
        {
            lock (_writeLock)
            {
                Snapshot s = _current;
                PostmanCollection? old = s.Collections.FirstOrDefault(c => SameName(c.Name, collection.Name));
                var list = s.Collections.Where(c => c != old).ToList();
                list.Add(collection);
                _current = new Snapshot(list, s.Environments);
                return old;
            }
        }

        public PostmanEnvironment? AddEnvironment(PostmanEnvironment environment)
        {
            lock (_writeLock)
            {
                Snapshot s = _current;
                PostmanEnvironment? old = s.Environments.FirstOrDefault(e => SameName(e.Name, environment.Name));
                var list = s.Environments.Where(e => e != old).ToList();
                list.Add(environment);
                _current = new Snapshot(s.Collections, list);
                return old;
            }
        }

        public PostmanCollection? FindCollection(string name) => _current.Collections.FirstOrDefault(c => SameName(c.Name, name));

        public PostmanEnvironment? FindEnvironment(string name) => _current.Environments.FirstOrDefault(e => SameName(e.Name, name));

        /// <summary>
        /// Endpoints whose name matches exactly (case-insensitive). "Collection\Name" qualifies; a plain name
        /// may match several collections.
        /// </summary>
        public IReadOnlyList<Endpoint> FindByName(string name)
        {
            Snapshot s = _current;
            if (s.ByName.TryGetValue(name, out List<Endpoint>? found)) return found;
            int slash = name.IndexOf('\\');
            if (slash > 0)
            {
                string collection = name.Substring(0, slash);
                string endpoint = name.Substring(slash + 1);
                return s.Endpoints.Where(e => SameName(e.Owner.Name, collection) && SameName(e.Name, endpoint)).ToList();
            }
            return Array.Empty<Endpoint>();
        }

        private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private sealed class Snapshot
        {
            public static readonly Snapshot Empty = new Snapshot(new List<PostmanCollection>(), new List<PostmanEnvironment>());

            public Snapshot(List<PostmanCollection> collections, List<PostmanEnvironment> environments)
            {
                Collections = collections;
                Environments = environments;
                Endpoints = collections.SelectMany(c => c.Endpoints).ToList();
                ByName = new Dictionary<string, List<Endpoint>>(StringComparer.OrdinalIgnoreCase);
                foreach (Endpoint e in Endpoints)
                {
                    if (!ByName.TryGetValue(e.Name, out List<Endpoint>? list)) ByName[e.Name] = list = new List<Endpoint>(1);
                    list.Add(e);
                }
            }

            public List<PostmanCollection> Collections { get; }
            public List<PostmanEnvironment> Environments { get; }
            public List<Endpoint> Endpoints { get; }
            public Dictionary<string, List<Endpoint>> ByName { get; }
        }
    }
}
