using System.Collections.Generic;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands.Completion
{
    public sealed class CollectionNameCompleter : NamedItemCompleter<PostmanCollection>
    {
        private protected override IEnumerable<PostmanCollection> Items() => ModuleSession.Catalog.Collections;

        private protected override string NameOf(PostmanCollection c) => c.Name;

        private protected override string TooltipOf(PostmanCollection c) => $"{c.EndpointCount} endpoints ({c.SourcePath})";
    }
}
