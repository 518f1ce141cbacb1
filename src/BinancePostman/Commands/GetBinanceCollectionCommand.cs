using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;

namespace BinancePostman.Commands
{
    [Cmdlet(VerbsCommon.Get, "BinanceCollection")]
    [OutputType(typeof(PostmanCollection))]
    public sealed class GetBinanceCollectionCommand : BinanceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CollectionNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            bool any = false;
            foreach (PostmanCollection c in Catalog.Collections)
            {
                if (!filter.Matches(c.Name)) continue;
                any = true;
                WriteObject(c);
            }
            if (!any && Name != null && Name.Length == 1 && !WildcardPattern.ContainsWildcardCharacters(Name[0]))
                WriteError(ErrorRecords.NotFound("Collection", Name[0], "Run Get-BinanceCollection to list loaded collections, or Import-BinanceCollection to load one."));
        }
    }
}
