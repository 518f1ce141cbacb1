using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>Loads Postman collection files (or every collection in a folder) into the session's catalog.</summary>
    [Cmdlet(VerbsData.Import, "BinanceCollection", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PostmanCollection))]
    public sealed class ImportBinanceCollectionCommand : BinanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == "LiteralPath";
            foreach (string path in ResolvePaths(literal ? LiteralPath : Path, literal))
            {
                var files = System.IO.Directory.Exists(path) ? CatalogFolderLoader.CollectionFiles(path) : new[] { path };
                var (loaded, failed) = CatalogFolderLoader.LoadEach(files, PostmanCollectionReader.ReadFile);
                foreach (CollectionLoadException ex in failed) WriteLoadFailure(ex);
                foreach (PostmanCollection c in loaded)
                {
                    if (!ShouldProcess(c.SourcePath, $"Import collection '{c.Name}' ({c.EndpointCount} endpoints)")) continue;
                    PostmanCollection? replaced = Catalog.AddCollection(c);
                    if (replaced != null) WriteVerbose($"Replaced the loaded collection '{replaced.Name}' from {replaced.SourcePath}.");
                    if (c.HasScripts)
                        WriteVerbose($"'{c.Name}' carries Postman scripts; the module never runs them and signs requests itself.");
                    WriteVerbose($"Imported '{c.Name}': {c.EndpointCount} endpoints from {c.SourcePath}.");
                    if (PassThru) WriteObject(c);
                }
            }
        }
    }
}
