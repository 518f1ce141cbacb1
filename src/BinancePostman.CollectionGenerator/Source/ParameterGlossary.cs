using System;
using System.Collections.Generic;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>
    /// Shared descriptions and example values for parameters that many endpoints use (parameters.txt),
    /// so each collection source only spells out what is particular to one request.
    /// Line format: <c>name[ = example][ -- description]</c>.
    /// </summary>
    public sealed class ParameterGlossary
    {
        private readonly Dictionary<string, (string? Example, string? Description)> _entries =
            new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);

        public static ParameterGlossary Parse(string text, string sourceFile)
        {
            var glossary = new ParameterGlossary();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                string? description = null;
                int dashes = line.IndexOf(" -- ", StringComparison.Ordinal);
                if (dashes >= 0)
                {
                    description = line.Substring(dashes + 4).Trim();
                    line = line.Substring(0, dashes).Trim();
                }
                string? example = null;
                int equals = line.IndexOf('=');
                if (equals >= 0)
                {
                    example = line.Substring(equals + 1).Trim();
                    line = line.Substring(0, equals).Trim();
                }
                if (line.Length == 0 || line.Contains(' ') || glossary._entries.ContainsKey(line))
                    throw new FormatException($"{sourceFile}({i + 1}): bad or repeated parameter name '{line}'");
                glossary._entries.Add(line, (example, description));
            }
            return glossary;
        }

        /// <summary>The parameter as written, with the glossary filling in what the request leaves out.</summary>
        public ParameterSource Complete(ParameterSource parameter)
        {
            if (!_entries.TryGetValue(parameter.Name, out var shared)) return parameter;
            return parameter with
            {
                Example = parameter.Example ?? shared.Example,
                Description = parameter.Description ?? shared.Description,
            };
        }
    }
}
