using System.Collections.Generic;
using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Loads files (or every matching file of a folder) into the catalog, one at a time: a broken file is an error
    /// record and the others still load. What differs per kind of file is left to the subclass.
    /// </summary>
    public abstract class ImportFileCommand<T> : BinanceCmdlet where T : class
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected abstract IEnumerable<string> FilesIn(string folder);

        private protected abstract T Read(string file);

        /// <returns>the item of the same name it replaced, if any</returns>
        private protected abstract T? Add(T item);

        private protected abstract string Describe(T item);

        private protected virtual void AfterImport(T item) { }

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == "LiteralPath";
            foreach (string path in ResolvePaths(literal ? LiteralPath : Path, literal))
            {
                var files = System.IO.Directory.Exists(path) ? FilesIn(path) : new[] { path };
                var (loaded, failed) = CatalogFolderLoader.LoadEach(files, Read);
                foreach (CollectionLoadException ex in failed) WriteLoadFailure(ex);
                foreach (T item in loaded)
                {
                    if (!ShouldProcess(path, "Import " + Describe(item))) continue;
                    T? replaced = Add(item);
                    if (replaced != null) WriteVerbose("Replaced the loaded " + Describe(replaced) + ".");
                    AfterImport(item);
                    if (PassThru) WriteObject(item);
                }
            }
        }
    }
}
