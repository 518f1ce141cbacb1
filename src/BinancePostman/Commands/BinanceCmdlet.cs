using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>What every cmdlet of the module shares: the catalog, error records, path resolution.</summary>
    public abstract class BinanceCmdlet : PSCmdlet
    {
        private static int _bundledWarningsShown;

        internal EndpointCatalog Catalog
        {
            get
            {
                EndpointCatalog catalog = ModuleSession.Catalog;
                if (ModuleSession.BundledFailures.Count > 0 && Interlocked.Exchange(ref _bundledWarningsShown, 1) == 0)
                    foreach (CollectionLoadException ex in ModuleSession.BundledFailures)
                        WriteWarning("A bundled file of the module did not load: " + ex.Message + " Reinstall the module.");
                return catalog;
            }
        }

        internal void WriteLoadFailure(CollectionLoadException ex)
        {
            WriteError(ErrorRecords.ForLoadFailure(ex));
        }

        /// <summary>Provider paths for -Path (wildcards) or -LiteralPath; a path that matches nothing is an error, not silence.</summary>
        internal List<string> ResolvePaths(string[] paths, bool literal)
        {
            var resolved = new List<string>();
            foreach (string path in paths)
            {
                if (literal)
                {
                    resolved.Add(GetUnresolvedProviderPathFromPSPath(path));
                    continue;
                }
                try
                {
                    resolved.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
                }
                catch (ItemNotFoundException)
                {
                    string full = GetUnresolvedProviderPathFromPSPath(path);
                    WriteLoadFailure(new CollectionLoadException(full, CollectionLoadError.FileNotFound,
                        "The path does not exist. Check the path, or use Get-ChildItem to find the file."));
                }
            }
            return resolved;
        }
    }
}
