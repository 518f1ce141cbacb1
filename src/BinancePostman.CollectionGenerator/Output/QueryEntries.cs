using System.Collections.Generic;
using System.Linq;
using BinancePostman.CollectionGenerator.Source;

namespace BinancePostman.CollectionGenerator.Output
{
    /// <summary>
    /// The query of a request: its own parameters (completed from the glossary), then for signed requests
    /// recvWindow (optional), timestamp and signature, which the pre-request script fills in.
    /// Example values come from the request line, else the collection's examples, else the glossary.
    /// </summary>
    public static class QueryEntries
    {
        public static IReadOnlyList<ParameterSource> For(RequestSource request, IReadOnlyDictionary<string, string> collectionExamples, ParameterGlossary glossary)
        {
            var entries = request.Parameters.Select(p => glossary.Complete(WithCollectionExample(p, collectionExamples))).ToList();
            if (!request.IsSigned) return entries;

            if (!entries.Any(p => p.Name == "recvWindow"))
                entries.Add(glossary.Complete(new ParameterSource("recvWindow", false, null, null)));
            entries.Add(glossary.Complete(new ParameterSource("timestamp", true, "{{timestamp}}", null)));
            entries.Add(glossary.Complete(new ParameterSource("signature", true, "{{signature}}", null)));
            return entries;
        }

        private static ParameterSource WithCollectionExample(ParameterSource parameter, IReadOnlyDictionary<string, string> examples) =>
            parameter.Example == null && examples.TryGetValue(parameter.Name, out string? example) ? parameter with { Example = example } : parameter;
    }
}
