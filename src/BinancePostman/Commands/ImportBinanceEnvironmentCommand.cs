using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>Loads Postman environment files (or a folder of them) into the session.</summary>
    [Cmdlet(VerbsData.Import, "BinanceEnvironment", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PostmanEnvironment))]
    public sealed class ImportBinanceEnvironmentCommand : BinanceCmdlet
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
                var files = System.IO.Directory.Exists(path) ? CatalogFolderLoader.EnvironmentFiles(path) : new[] { path };
                var (loaded, failed) = CatalogFolderLoader.LoadEach(files, PostmanEnvironmentReader.ReadFile);
                foreach (CollectionLoadException ex in failed) WriteLoadFailure(ex);
                foreach (PostmanEnvironment e in loaded)
                {
                    if (!ShouldProcess(e.SourcePath, $"Import environment '{e.Name}'")) continue;
                    PostmanEnvironment? replaced = Catalog.AddEnvironment(e);
                    if (replaced != null) WriteVerbose($"Replaced the loaded environment '{replaced.Name}' from {replaced.SourcePath}.");
                    if (PassThru) WriteObject(e);
                }
            }
        }
    }
}
