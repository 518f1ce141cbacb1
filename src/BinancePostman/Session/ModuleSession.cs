using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using BinancePostman.Catalog;
using BinancePostman.Credentials;
using BinancePostman.Http;

namespace BinancePostman.Session
{
    /// <summary>
    /// Process-wide state shared by every runspace that imports the module (so ForEach-Object -Parallel sees it):
    /// the catalog, with the bundled collections and environments loaded on first use.
    /// </summary>
    internal static class ModuleSession
    {
        private static readonly EndpointCatalog SharedCatalog = new EndpointCatalog();
        private static readonly Lazy<IReadOnlyList<CollectionLoadException>> Bundled =
            new Lazy<IReadOnlyList<CollectionLoadException>>(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);

        private static readonly ServerClock SharedClock = new ServerClock();

        /// <summary>One client (one HttpClient, one clock) for every runspace of the process.</summary>
        public static BinanceClient Client { get; } = new BinanceClient(SharedHttpClient.Instance, SharedClock);

        /// <summary>The session's network, set by Connect-Binance; Production until then.</summary>
        public static BinanceNetwork Network { get; set; } = BinanceNetwork.Production;

        /// <summary>The session's base URI override (a proxy or a local exchange), set by Connect-Binance.</summary>
        public static Uri? BaseUri { get; set; }

        /// <summary>Hosts the user trusts with keys besides Binance's (Connect-Binance -TrustedHost); kept in memory only.</summary>
        public static TrustedHostList TrustedHosts { get; set; } = TrustedHostList.Empty;

        /// <summary>Hosts no one named that a request without keys went to, each warned about once.</summary>
        public static System.Collections.Concurrent.ConcurrentDictionary<string, bool> WarnedHosts { get; } =
            new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Where a name that several collections share resolves without -Collection.</summary>
        public static string DefaultCollection { get; set; } = "Spot";

        /// <summary>The session's keys, set by Connect-Binance.</summary>
        public static ApiCredential? DefaultCredential { get; set; }

        /// <summary>The connection Connect-Binance made, for Get-BinanceConnection.</summary>
        public static BinanceConnection? Connection { get; set; }

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
