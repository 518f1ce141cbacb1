using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands.Completion
{
    public sealed class CollectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
            foreach (PostmanCollection c in ModuleSession.Catalog.Collections.OrderBy(c => c.Name, System.StringComparer.OrdinalIgnoreCase))
                if (pattern.IsMatch(c.Name))
                    yield return CompletionText.Result(c.Name, $"{c.EndpointCount} endpoints ({c.SourcePath})");
        }
    }
}
