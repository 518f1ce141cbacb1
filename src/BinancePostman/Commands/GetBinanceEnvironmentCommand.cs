using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;

namespace BinancePostman.Commands
{
    [Cmdlet(VerbsCommon.Get, "BinanceEnvironment")]
    [OutputType(typeof(PostmanEnvironment))]
    public sealed class GetBinanceEnvironmentCommand : BinanceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter]
        public BinanceNetwork[]? Network { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            bool any = false;
            foreach (PostmanEnvironment e in Catalog.Environments)
            {
                if (!filter.Matches(e.Name)) continue;
                if (Network != null && (e.Network == null || System.Array.IndexOf(Network, e.Network.Value) < 0)) continue;
                any = true;
                WriteObject(e);
            }
            if (!any && Name != null && Name.Length == 1 && !WildcardPattern.ContainsWildcardCharacters(Name[0]))
                WriteError(ErrorRecords.NotFound("Environment", Name[0], "Run Get-BinanceEnvironment to list loaded environments, or Import-BinanceEnvironment to load one."));
        }
    }
}
