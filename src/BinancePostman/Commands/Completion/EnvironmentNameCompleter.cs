using System.Collections.Generic;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands.Completion
{
    public sealed class EnvironmentNameCompleter : NamedItemCompleter<PostmanEnvironment>
    {
        private protected override IEnumerable<PostmanEnvironment> Items() => ModuleSession.Catalog.Environments;

        private protected override string NameOf(PostmanEnvironment e) => e.Name;

        private protected override string TooltipOf(PostmanEnvironment e) => $"{e.Network} {e.Url}".Trim();
    }
}
