using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands.Completion
{
    /// <summary>
    /// Endpoint names for Tab. A name that several collections share is offered once plainly and once per
    /// collection as "Collection\Name", so each stays reachable; -Collection narrows the list.
    /// </summary>
    public sealed class EndpointNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
            var collections = new NameFilter(BoundStrings(fakeBoundParameters, "Collection"));
            // retired endpoints only when asked for: Get-BinanceEndpoint -IncludeRetired, or Invoke-BinanceRequest -Force
            bool retiredToo = IsSet(fakeBoundParameters, "IncludeRetired") || IsSet(fakeBoundParameters, "Force");
            var endpoints = ModuleSession.Catalog.Endpoints.Where(e => collections.Matches(e.Collection) && (retiredToo || !e.IsRetired)).ToList();

            foreach (var group in endpoints.GroupBy(e => e.Name, System.StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, System.StringComparer.OrdinalIgnoreCase))
            {
                Endpoint first = group.First();
                bool shared = group.Count() > 1;
                bool plainMatch = pattern.IsMatch(group.Key);
                if (plainMatch)
                    yield return CompletionText.Result(group.Key, shared ? $"{first.Method} {first.Path} (in {string.Join(", ", group.Select(e => e.Collection))})" : Tooltip(first));
                if (!shared) continue;
                foreach (Endpoint e in group)
                    if (plainMatch || pattern.IsMatch(e.QualifiedName))
                        yield return CompletionText.Result(e.QualifiedName, Tooltip(e));
            }
        }

        private static string Tooltip(Endpoint e) => $"{e.Method} {e.Path} [{e.Collection}]" + (e.IsRetired ? " (retired)" : "");

        private static bool IsSet(IDictionary fakeBoundParameters, string name)
        {
            if (fakeBoundParameters == null || !fakeBoundParameters.Contains(name)) return false;
            object? value = fakeBoundParameters[name];
            if (value is PSObject pso) value = pso.BaseObject;
            return value is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(value);
        }

        internal static IEnumerable<string>? BoundStrings(IDictionary fakeBoundParameters, string name)
        {
            if (fakeBoundParameters == null || !fakeBoundParameters.Contains(name)) return null;
            object? value = fakeBoundParameters[name];
            if (value is PSObject pso) value = pso.BaseObject;
            if (value is string s) return new[] { s };
            if (value is IEnumerable e) return e.Cast<object>().Select(o => o?.ToString() ?? "").ToList();
            return null;
        }
    }
}
