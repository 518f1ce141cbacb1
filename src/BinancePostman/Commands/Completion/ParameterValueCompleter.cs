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
            IReadOnlyList<Endpoint> endpoints = Endpoints(commandAst, fakeBoundParameters);
            var values = new List<string>();
            foreach (Endpoint endpoint in endpoints)
                if (ParameterValues.Of(endpoint).TryGetValue(parameterName, out IReadOnlyList<string>? own))
                    values.AddRange(own.Where(v => !values.Contains(v)));
            if (values.Count == 0) return Enumerable.Empty<CompletionResult>();
            string owner = endpoints.Count == 1 ? endpoints[0].Name : "the piped endpoints";
            // exact case first: 1m (minute) and 1M (month) are different intervals
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            var matching = values.Where(v => v.StartsWith(typed, System.StringComparison.Ordinal)).ToList();
            if (matching.Count == 0) matching = values.Where(v => v.StartsWith(typed, System.StringComparison.OrdinalIgnoreCase)).ToList();
            return matching.Select(v => CompletionText.Result(v, $"{parameterName} of {owner}")).ToList();
        }

        /// <summary>The endpoint named on the command line, or those piped in.</summary>
        private static IReadOnlyList<Endpoint> Endpoints(CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? name = EndpointNameCompleter.BoundStrings(fakeBoundParameters, "Name")?.FirstOrDefault();
            string? collection = EndpointNameCompleter.BoundStrings(fakeBoundParameters, "Collection")?.FirstOrDefault();
            if (name != null)
            {
                Endpoint? endpoint = EndpointLookup.TryResolve(ModuleSession.Catalog, name, collection, ModuleSession.Current.DefaultCollection);
                return endpoint == null ? System.Array.Empty<Endpoint>() : new[] { endpoint };
            }
            return PipedEndpoints.ForCommand(commandAst, ReadVariable, ModuleSession.Catalog);
        }

        /// <summary>A variable as the command line sees it (the scope completion runs in, and those it was called from).</summary>
        private static object? ReadVariable(string name)
        {
            using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddCommand("Get-Variable").AddParameter("Name", name).AddParameter("ValueOnly").AddParameter("ErrorAction", ActionPreference.Ignore);
            var found = ps.Invoke();
            return found.Count == 0 ? null : found.Count == 1 ? found[0] : (object)found;
        }
    }
}
