using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands.Completion
{
    public sealed class EnvironmentNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
            foreach (PostmanEnvironment e in ModuleSession.Catalog.Environments.OrderBy(e => e.Name, System.StringComparer.OrdinalIgnoreCase))
                if (pattern.IsMatch(e.Name))
                    yield return CompletionText.Result(e.Name, $"{e.Network} {e.Url}".Trim());
        }
    }
}
