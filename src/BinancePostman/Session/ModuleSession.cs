using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using BinancePostman.Catalog;
using BinancePostman.Http;

namespace BinancePostman.Session
{
    /// <summary>
    /// Process-wide state shared by every runspace that imports the module (so ForEach-Object -Parallel sees it): the
    /// catalog (bundled collections and environments loaded on first use), the client (HttpClients per proxy setting, one clock,
    /// one rate-limit budget), and the session: one immutable snapshot, swapped whole.
    /// </summary>
    internal static class ModuleSession
    {
        private static readonly EndpointCatalog SharedCatalog = new EndpointCatalog();
        private static readonly Lazy<IReadOnlyList<CollectionLoadException>> Bundled =
            new Lazy<IReadOnlyList<CollectionLoadException>>(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);

        private static SessionSnapshot _current = SessionSnapshot.Disconnected;

        /// <summary>One client for every runspace of the process (its HttpClients per proxy setting: <see cref="SharedHttpClient.Routes"/>).</summary>
        public static BinanceClient Client { get; } = new BinanceClient(SharedHttpClient.Routes, new ServerClock());

        /// <summary>The session as it is now; read it once per request.</summary>
        public static SessionSnapshot Current => Volatile.Read(ref _current);

        /// <summary>Makes <paramref name="next"/> the session, whole, for every runspace; returns the one it replaced.</summary>
        public static SessionSnapshot Replace(SessionSnapshot next) => Interlocked.Exchange(ref _current, next);

        /// <summary>Hosts no one named that a request without keys went to, each warned about once (until Disconnect-Binance).</summary>
        public static System.Collections.Concurrent.ConcurrentDictionary<string, bool> WarnedHosts { get; } =
            new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public static string ModuleDirectory { get; } = Path.GetDirectoryName(typeof(ModuleSession).Assembly.Location) ?? ".";

        /// <summary>The catalog, bundled content loaded.</summary>
        public static EndpointCatalog Catalog
        {
            get
            {
                _ = Bundled.Value;
                return SharedCatalog;
            }
        }

        /// <summary>Bundled files that failed to load (a broken install); reported once as warnings.</summary>
        public static IReadOnlyList<CollectionLoadException> BundledFailures => Bundled.Value;

        private static IReadOnlyList<CollectionLoadException> LoadBundled()
        {
            var failures = new List<CollectionLoadException>();
            string collections = Path.Combine(ModuleDirectory, "collections");
            string environments = Path.Combine(ModuleDirectory, "environments");
            if (Directory.Exists(collections))
            {
                var (loaded, failed) = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(collections), PostmanCollectionReader.ReadFile);
                foreach (PostmanCollection c in loaded) SharedCatalog.AddCollection(c);
                failures.AddRange(failed);
            }
            if (Directory.Exists(environments))
            {
                var (loaded, failed) = CatalogFolderLoader.LoadEach(CatalogFolderLoader.EnvironmentFiles(environments), PostmanEnvironmentReader.ReadFile);
                foreach (PostmanEnvironment e in loaded) SharedCatalog.AddEnvironment(e);
                failures.AddRange(failed);
            }
            return failures;
        }
    }
}
