using BinancePostman.Catalog;
using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>
    /// Reads the line format described in collections/source/README.md:
    /// header directives (collection, about), folder lines, request lines and their indented
    /// description and parameter lines.
    /// </summary>
    public static class CollectionSourceParser
    {
        private static readonly string[] Methods = { "GET", "POST", "PUT", "DELETE", "PATCH" };

        public static CollectionSource Parse(string text, string sourceFile)
        {
            string? name = null;
            var about = new List<string>();
            var examples = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var root = new FolderSource("");
            FolderSource folder = root;
            RequestSource? request = null;
            var names = new Dictionary<string, int>(StringComparer.Ordinal);

            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int lineNumber = i + 1;
                string raw = lines[i].TrimEnd();
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                bool indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
                FormatException Error(string message) => new FormatException($"{sourceFile}({lineNumber}): {message}");

                if (indented)
                {
                    if (request == null) throw Error("indented line outside a request");
                    if (line.StartsWith("+ ", StringComparison.Ordinal) || line.StartsWith("? ", StringComparison.Ordinal))
                        request.Parameters.Add(ParseParameter(line, Error));
                    else if (line.StartsWith("! ", StringComparison.Ordinal))
                    {
                        if (request.Status != null) throw Error("a second status line for this request");
                        request.Status = StatusSource.Parse(line.Substring(2).Trim(), Error);
                    }
                    else
                        request.Description = request.Description.Length == 0 ? line : request.Description + " " + line;
                    continue;
                }

                request = null;
                string keyword = FirstWord(line, out string rest);
                switch (keyword)
                {
                    case "collection":
                        name = rest;
                        break;
                    case "about":
                        about.Add(rest);
                        break;
                    case "example":
                        var example = ParseParameter("? " + rest, Error);
                        if (example.Example == null || example.Description != null) throw Error("expected 'example <parameter> = <value>'");
                        if (!examples.TryAdd(example.Name, example.Example)) throw Error($"second example for '{example.Name}'");
                        break;
                    case "folder":
                        folder = root;
                        foreach (string part in rest.Split('>').Select(p => p.Trim()))
                        {
                            if (part.Length == 0) throw Error("empty folder name");
                            folder = folder.SubFolder(part);
                        }
                        break;
                    default:
                        if (!Methods.Contains(keyword)) throw Error($"unknown directive '{keyword}'");
                        request = ParseRequest(keyword, rest, lineNumber, Error);
                        if (names.TryGetValue(request.Name, out int first))
                            throw Error($"request name '{request.Name}' already used on line {first}");
                        names.Add(request.Name, lineNumber);
                        folder.Items.Add(request);
                        break;
                }
            }

            if (name == null) throw new FormatException($"{sourceFile}: missing 'collection <name>' line");
            foreach (var r in root.AllRequests())
                if (r.Description.Length == 0)
                    throw new FormatException($"{sourceFile}({r.Line}): request '{r.Name}' has no description");
            return new CollectionSource(name, string.Join("\n", about), examples, root, sourceFile);
        }

        // GET /api/v3/depth | Order Book | NONE | IP 5
        private static RequestSource ParseRequest(string method, string rest, int line, Func<string, FormatException> error)
        {
            string[] fields = rest.Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length < 3 || fields.Length > 4) throw error("expected '<METHOD> <path> | <name> | <security> [| <IP|UID> <weight>]'");
            string path = fields[0];
            if (!path.StartsWith('/') || path.Contains(' ') || path.Contains('?'))
                throw error($"bad path '{path}'");

            string securityText = FirstWord(fields[2], out string modifier);
            if (!SecurityTypeText.TryParse(securityText, out var security)) throw error($"unknown security type '{securityText}'");
            bool signed = security.IsSigned();
            if (modifier == "signed")
            {
                if (!security.NeedsApiKey() || signed) throw error("'signed' marks only MARKET_DATA or USER_STREAM requests");
                signed = true;
            }
            else if (modifier.Length > 0) throw error($"unknown security modifier '{modifier}'");

            Weight? weight = null;
            if (fields.Length == 4)
            {
                string per = FirstWord(fields[3], out string amount);
                if ((per != "IP" && per != "UID") || amount.Length == 0) throw error("weight must read 'IP <amount>' or 'UID <amount>'");
                weight = new Weight(per, amount);
            }
            return new RequestSource(method, path, fields[1], security, signed, weight, line);
        }

        // + symbol = BTCUSDT -- Trading pair.
        private static ParameterSource ParseParameter(string line, Func<string, FormatException> error)
        {
            bool required = line[0] == '+';
            string body = line.Substring(2).Trim();
            string? description = null;
            int dashes = body.IndexOf(" -- ", StringComparison.Ordinal);
            if (dashes >= 0)
            {
                description = body.Substring(dashes + 4).Trim();
                body = body.Substring(0, dashes).Trim();
            }
            string? example = null;
            int equals = body.IndexOf('=');
            if (equals >= 0)
            {
                example = body.Substring(equals + 1).Trim();
                body = body.Substring(0, equals).Trim();
            }
            if (body.Length == 0 || body.Contains(' ')) throw error($"bad parameter name '{body}'");
            return new ParameterSource(body, required, example, description);
        }

        private static string FirstWord(string text, out string rest)
        {
            int space = text.IndexOf(' ');
            if (space < 0)
            {
                rest = "";
                return text;
            }
            rest = text.Substring(space + 1).Trim();
            return text.Substring(0, space);
        }
    }
}
