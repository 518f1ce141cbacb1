using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// What a download of Binance's Postman collections adds, drops or changes, against the bundled collections or
    /// another download: one object per differing endpoint, after Compare-Object's conventions.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "BinanceCollection")]
    [OutputType(typeof(CollectionDifference))]
    public sealed class CompareBinanceCollectionCommand : BinanceCmdlet
    {
        /// <summary>The newer download: a folder or zip of binance-api-postman.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string DifferencePath { get; set; } = "";

        /// <summary>The download to compare with; the module's bundled collections when left out.</summary>
        [Parameter(Position = 1)]
        public string? ReferencePath { get; set; }

        /// <summary>Writes endpoints that are the same on both sides too, with Change Equal.</summary>
        [Parameter]
        public SwitchParameter IncludeEqual { get; set; }

        protected override void ProcessRecord()
        {
            IReadOnlyList<PostmanCollection>? reference = ReferencePath == null ? Bundled() : Open(ReferencePath);
            IReadOnlyList<PostmanCollection>? difference = Open(DifferencePath);
            if (reference == null || difference == null) return;
            WriteVerbose($"Comparing {Count(difference)} endpoints of {DifferencePath} with {Count(reference)} of {ReferencePath ?? "the bundled collections"}.");
            foreach (CollectionDifference d in CollectionComparer.Compare(reference, difference, IncludeEqual))
                WriteObject(d);
        }

        /// <summary>The collections of a download; each broken file is an error record, the rest still compare. Null when there is nothing to compare.</summary>
        private IReadOnlyList<PostmanCollection>? Open(string path)
        {
            List<string> resolved = ResolvePaths(new[] { path }, literal: false);
            if (resolved.Count == 0) return null;
            if (resolved.Count > 1)
            {
                WriteError(ErrorRecords.NotFound("single download", path, "Give one folder or zip; wildcards match " + resolved.Count + " items."));
                return null;
            }
            try
            {
                CollectionDownload download = CollectionDownload.Open(resolved[0]);
                foreach (CollectionLoadException failure in download.Failures) WriteLoadFailure(failure);
                WriteVerbose($"{resolved[0]}: {download.Collections.Count} collections read, {download.Failures.Count} broken.");
                return download.Collections;
            }
            catch (CollectionLoadException ex)
            {
                WriteLoadFailure(ex);
                return null;
            }
        }

        /// <summary>The bundled collections as installed, read afresh (collections imported into the session do not count).</summary>
        private IReadOnlyList<PostmanCollection> Bundled()
        {
            string folder = Path.Combine(ModuleSession.ModuleDirectory, "collections");
            var (loaded, failed) = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(folder), PostmanCollectionReader.ReadFile);
            foreach (CollectionLoadException failure in failed) WriteLoadFailure(failure);
            return loaded;
        }

        private static int Count(IReadOnlyList<PostmanCollection> collections)
        {
            int n = 0;
            foreach (PostmanCollection c in collections) n += c.EndpointCount;
            return n;
        }
    }
}
