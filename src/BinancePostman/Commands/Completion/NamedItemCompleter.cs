using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BinancePostman.Commands.Completion
{
    /// <summary>Completes the names of a list of items, sorted, with a tooltip per item.</summary>
    public abstract class NamedItemCompleter<T> : IArgumentCompleter
    {
        private protected abstract IEnumerable<T> Items();

        private protected abstract string NameOf(T item);

        private protected abstract string TooltipOf(T item);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
            foreach (T item in Items().OrderBy(NameOf, System.StringComparer.OrdinalIgnoreCase))
                if (pattern.IsMatch(NameOf(item)))
                    yield return CompletionText.Result(NameOf(item), TooltipOf(item));
        }
    }
}
