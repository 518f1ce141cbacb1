using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>Audits collection and environment files (or every .json in a folder) without loading them; emits the findings.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "BinanceCollection", DefaultParameterSetName = "Path")]
    [OutputType(typeof(AuditFinding))]
    public sealed class TestBinanceCollectionCommand : BinanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Path { get; set; } = System.Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        public string[] LiteralPath { get; set; } = System.Array.Empty<string>();

        /// <summary>Only findings of this severity or worse.</summary>
        [Parameter]
        public AuditSeverity MinimumSeverity { get; set; } = AuditSeverity.Info;

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == "LiteralPath";
            foreach (string path in ResolvePaths(literal ? LiteralPath : Path, literal))
            {
                IEnumerable<string> files = Directory.Exists(path) ? CatalogFolderLoader.EnvironmentFiles(path) : new[] { path };
                foreach (string file in files)
                {
                    WriteVerbose("Auditing " + file);
                    foreach (AuditFinding finding in CollectionAuditor.AuditFile(file, MinimumSeverity))
                        WriteObject(AuditHintText.Complete(finding));
                }
            }
        }
    }
}
