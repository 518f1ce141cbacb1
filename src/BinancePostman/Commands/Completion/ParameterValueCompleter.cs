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
    /// Values of an endpoint parameter whose set is finite (-side BUY/SELL, -interval 1m..1M), for the endpoint
    /// named on the command line. Attached to those dynamic parameters only; any other value is still accepted.
    /// </summary>
    public sealed class ParameterValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? name = EndpointNameCompleter.BoundStrings(fakeBoundParameters, "Name")?.FirstOrDefault();
            string? collection = EndpointNameCompleter.BoundStrings(fakeBoundParameters, "Collection")?.FirstOrDefault();
            Endpoint? endpoint = name == null ? null : EndpointLookup.TryResolve(ModuleSession.Catalog, name, collection);
            if (endpoint == null || !ParameterValues.Of(endpoint).TryGetValue(parameterName, out IReadOnlyList<string>? values))
                return Enumerable.Empty<CompletionResult>();
            // exact case first: 1m (minute) and 1M (month) are different intervals
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            var matching = values.Where(v => v.StartsWith(typed, System.StringComparison.Ordinal)).ToList();
            if (matching.Count == 0) matching = values.Where(v => v.StartsWith(typed, System.StringComparison.OrdinalIgnoreCase)).ToList();
            return matching.Select(v => CompletionText.Result(v, $"{parameterName} of {endpoint.Name}")).ToList();
        }
    }
}
