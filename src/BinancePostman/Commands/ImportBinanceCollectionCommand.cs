using System.Collections.Generic;
using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>Loads Postman collection files (or every collection in a folder) into the session's catalog.</summary>
    [Cmdlet(VerbsData.Import, "BinanceCollection", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PostmanCollection))]
    public sealed class ImportBinanceCollectionCommand : ImportFileCommand<PostmanCollection>
    {
        private protected override IEnumerable<string> FilesIn(string folder) => CatalogFolderLoader.CollectionFiles(folder);

        private protected override PostmanCollection Read(string file) => PostmanCollectionReader.ReadFile(file);

        private protected override PostmanCollection? Add(PostmanCollection item) => Catalog.AddCollection(item);

        private protected override string? SourceOf(PostmanCollection item) => item.SourcePath;

        private protected override string Describe(PostmanCollection c) => $"collection '{c.Name}' ({c.EndpointCount} endpoints) from {c.SourcePath}";

        private protected override void AfterImport(PostmanCollection c)
        {
            if (c.HasScripts)
                WriteVerbose($"'{c.Name}' carries Postman scripts; the module never runs them and signs requests itself.");
            WriteVerbose($"Imported '{c.Name}': {c.EndpointCount} endpoints from {c.SourcePath}.");
        }
    }
}
