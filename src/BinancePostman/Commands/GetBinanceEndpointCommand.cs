using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;

namespace BinancePostman.Commands
{
    [Cmdlet(VerbsCommon.Get, "BinanceEndpoint")]
    [OutputType(typeof(Endpoint))]
    public sealed class GetBinanceEndpointCommand : BinanceCmdlet
    {
        /// <summary>Endpoint names; wildcards allowed; "Collection\Name" picks one collection's endpoint.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CollectionNameCompleter))]
        public string[]? Collection { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "DELETE", "PATCH", IgnoreCase = true)]
        public string[]? Method { get; set; }

        [Parameter]
        [SupportsWildcards]
        public string? Path { get; set; }

        [Parameter]
        public SecurityType[]? Security { get; set; }

        /// <summary>Lists endpoints Binance retired too (hidden by default); their Status, RetiredOn and Replacement say more.</summary>
        [Parameter]
        public SwitchParameter IncludeRetired { get; set; }

        protected override void ProcessRecord()
        {
            var collections = new NameFilter(Collection);
            var path = new NameFilter(Path == null ? null : new[] { Path });
            var methods = Method?.Select(m => m.ToUpperInvariant()).ToList();
            IEnumerable<Endpoint> candidates = Catalog.Endpoints.Where(e =>
                collections.Matches(e.Collection)
                && path.Matches(e.Path)
                && (methods == null || methods.Contains(e.Method))
                && (Security == null || Security.Contains(e.Security)));
            IEnumerable<Endpoint> shown = IncludeRetired ? candidates : candidates.Where(e => !e.IsRetired);

            if (Name == null || Name.Length == 0)
            {
                foreach (Endpoint e in shown) WriteObject(e);
                return;
            }

            var all = candidates.ToList();
            var list = IncludeRetired ? all : all.Where(e => !e.IsRetired).ToList();
            var written = new HashSet<Endpoint>();
            foreach (string name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                bool qualified = name.IndexOf('\\') > 0;
                int found = 0;
                foreach (Endpoint e in list)
                {
                    if (!pattern.IsMatch(qualified ? e.QualifiedName : e.Name)) continue;
                    found++;
                    if (written.Add(e)) WriteObject(e);
                }
                if (found > 0 || WildcardPattern.ContainsWildcardCharacters(name)) continue;
                var retired = all.Where(e => e.IsRetired && pattern.IsMatch(qualified ? e.QualifiedName : e.Name)).ToList();
                WriteError(retired.Count > 0
                    ? ErrorRecords.RetiredHidden(name, retired)
                    : ErrorRecords.NotFound("Endpoint", name, "Run Get-BinanceEndpoint *word* to search, or Import-BinanceCollection to load more collections."));
            }
        }
    }
}
