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

        /// <summary>Collections and environments as of one moment; the endpoint indexes are built on first use.</summary>
        private sealed class Snapshot
        {
            public static readonly Snapshot Empty = new Snapshot(new List<PostmanCollection>(), new List<PostmanEnvironment>());

            private readonly Lazy<List<Endpoint>> _endpoints;
            private readonly Lazy<Dictionary<string, List<Endpoint>>> _byName;

            public Snapshot(List<PostmanCollection> collections, List<PostmanEnvironment> environments)
            {
                Collections = collections;
                Environments = environments;
                _endpoints = new Lazy<List<Endpoint>>(() => collections.SelectMany(c => c.Endpoints).ToList());
                _byName = new Lazy<Dictionary<string, List<Endpoint>>>(() =>
                {
                    var byName = new Dictionary<string, List<Endpoint>>(StringComparer.OrdinalIgnoreCase);
                    foreach (Endpoint e in _endpoints.Value)
                    {
                        if (!byName.TryGetValue(e.Name, out List<Endpoint>? list)) byName[e.Name] = list = new List<Endpoint>(1);
                        list.Add(e);
                    }
                    return byName;
                });
            }

            public List<PostmanCollection> Collections { get; }
            public List<PostmanEnvironment> Environments { get; }
            public List<Endpoint> Endpoints => _endpoints.Value;
            public Dictionary<string, List<Endpoint>> ByName => _byName.Value;
        }
    }
}
