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
        public string[] Path { get; set; } = System.Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = System.Array.Empty<string>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Loads without auditing the file first (Test-BinanceCollection runs the same audit on its own).</summary>
        [Parameter]
        public SwitchParameter SkipAudit { get; set; }

        private protected abstract IEnumerable<string> FilesIn(string folder);

        private protected abstract T Read(string file);

        /// <returns>the item of the same name it replaced, if any</returns>
        private protected abstract T? Add(T item);

        private protected abstract string Describe(T item);

        private protected virtual void AfterImport(T item) { }

        private protected abstract string? SourceOf(T item);

        /// <summary>The audit's warnings and errors as warnings, one line each: the file still loads.</summary>
        private void WarnAboutFindings(string? file)
        {
            if (SkipAudit || file == null) return;
            foreach (AuditFinding found in CollectionAuditor.AuditFile(file, AuditSeverity.Warning))
            {
                AuditFinding f = AuditHintText.Complete(found);
                string line = f.Line != null ? $" (line {f.Line})" : "";
                WriteWarning($"Audit {f.Severity.ToString().ToLowerInvariant()}: {System.IO.Path.GetFileName(f.File)}, {f.Location}{line}: {f.Finding} {f.Advice}");
            }
        }

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
                    WarnAboutFindings(SourceOf(item));
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
