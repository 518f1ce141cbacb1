using System.Collections.Generic;
using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>Loads Postman environment files (or a folder of them) into the session.</summary>
    [Cmdlet(VerbsData.Import, "BinanceEnvironment", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PostmanEnvironment))]
    public sealed class ImportBinanceEnvironmentCommand : ImportFileCommand<PostmanEnvironment>
    {
        private protected override IEnumerable<string> FilesIn(string folder) => CatalogFolderLoader.EnvironmentFiles(folder);

        private protected override PostmanEnvironment Read(string file) => PostmanEnvironmentReader.ReadFile(file);

        private protected override PostmanEnvironment? Add(PostmanEnvironment item) => Catalog.AddEnvironment(item);

        private protected override string? SourceOf(PostmanEnvironment item) => item.SourcePath;

        private protected override string Describe(PostmanEnvironment e) => $"environment '{e.Name}' from {e.SourcePath}";
    }
}
