using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>One Postman environment: the seed's folder (spot, perpetual_futures…), its display name and base URL.</summary>
    public sealed record EnvironmentSource(string Folder, string Name, string Url)
    {
        /// <summary>environments/spot/spot-production.postman_environment.json</summary>
        public string RelativePath => $"environments/{Folder}/{Slug.From(Name)}.postman_environment.json";

        /// <summary>Reads environments.txt: one environment per line, <c>folder | name | url</c>.</summary>
        public static IReadOnlyList<EnvironmentSource> ParseAll(string text, string sourceFile)
        {
            var result = new List<EnvironmentSource>();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                string[] fields = line.Split('|').Select(f => f.Trim()).ToArray();
                if (fields.Length != 3 || fields.Any(f => f.Length == 0) || !fields[2].StartsWith("https://", StringComparison.Ordinal))
                    throw new FormatException($"{sourceFile}({i + 1}): expected '<folder> | <name> | https://<host>'");
                result.Add(new EnvironmentSource(fields[0], fields[1], fields[2]));
            }
            return result;
        }
    }
}
