using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace BinancePostman.HelpCompiler
{
    /// <summary>
    /// Writes the MAML that Get-Help reads for binary cmdlets (&lt;assembly&gt;.dll-Help.xml): the text comes from the
    /// markdown, syntax and parameter facts from the cmdlet class, so the two cannot drift apart.
    /// </summary>
    public static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static readonly Dictionary<string, string> ShouldProcessText = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["WhatIf"] = "Shows what would happen if the command ran, without running it: nothing is changed or sent.",
            ["Confirm"] = "Asks for confirmation before the command changes anything.",
        };

        public static XDocument Write(IEnumerable<(CmdletMetadata cmdlet, HelpDocument doc)> commands,
            IReadOnlyDictionary<string, List<string>> commonParameters)
        {
            var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
            foreach (var (cmdlet, doc) in commands) root.Add(CommandElement(cmdlet, doc, commonParameters));
            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        /// <summary>The text for a parameter: the cmdlet's own section, else CommonParameters.md, else WhatIf/Confirm's standard text.</summary>
        public static List<string>? DescriptionOf(ParameterMetadata p, HelpDocument doc, IReadOnlyDictionary<string, List<string>> common)
        {
            if (doc.Parameters.TryGetValue(p.Name, out List<string>? own)) return own;
            if (common.TryGetValue(p.Name, out List<string>? shared)) return shared;
            if (p.IsShouldProcess && ShouldProcessText.TryGetValue(p.Name, out string? text)) return new List<string> { text };
            return null;
        }

        private static XElement CommandElement(CmdletMetadata cmdlet, HelpDocument doc, IReadOnlyDictionary<string, List<string>> common)
        {
            var command = new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XElement(Command + "details",
                    new XElement(Command + "name", cmdlet.Name),
                    new XElement(Command + "verb", cmdlet.Verb),
                    new XElement(Command + "noun", cmdlet.Noun),
                    Description(new[] { doc.Synopsis })),
                Description(doc.Description),
                Syntax(cmdlet, doc, common),
                new XElement(Command + "parameters", cmdlet.Parameters.Select(p => Parameter(p, Merged(p), DescriptionOf(p, doc, common), inSyntax: false))),
                TypeList("inputTypes", "inputType", InputsOf(cmdlet, doc)),
                TypeList("returnValues", "returnValue", OutputsOf(cmdlet, doc)));
            if (doc.Notes.Count > 0)
                command.Add(new XElement(Maml + "alertSet", new XElement(Maml + "alert", doc.Notes.Select(Para))));
            command.Add(new XElement(Command + "examples", doc.Examples.Select(Example)));
            command.Add(new XElement(Command + "relatedLinks", doc.RelatedLinks.Select(link =>
            {
                var (text, uri) = HelpMarkdownParser.SplitLink(link);
                return new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));
            })));
            return command;
        }

        private static XElement Syntax(CmdletMetadata cmdlet, HelpDocument doc, IReadOnlyDictionary<string, List<string>> common)
        {
            var syntax = new XElement(Command + "syntax");
            foreach (string set in ParameterSets(cmdlet))
            {
                var members = cmdlet.Parameters
                    .Select((p, index) => (p, index, binding: p.Sets.TryGetValue(set, out var b) ? b : p.Sets.TryGetValue(CmdletReflector.AllSets, out var all) ? all : null))
                    .Where(x => x.binding != null)
                    .OrderBy(x => x.p.IsShouldProcess ? 4 : x.p.IsPaging ? 3 : x.binding!.Position != null ? 0 : x.binding.Mandatory ? 1 : 2)
                    .ThenBy(x => x.binding!.Position ?? 0)
                    .ThenBy(x => x.index);
                syntax.Add(new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", cmdlet.Name),
                    members.Select(x => Parameter(x.p, x.binding!, DescriptionOf(x.p, doc, common), inSyntax: true))));
            }
            return syntax;
        }

        /// <summary>Named sets, the default first; one unnamed set when the cmdlet declares none.</summary>
        public static List<string> ParameterSets(CmdletMetadata cmdlet)
        {
            var named = cmdlet.Parameters.SelectMany(p => p.Sets.Keys).Where(s => s != CmdletReflector.AllSets).Distinct().ToList();
            if (named.Count == 0) return new List<string> { CmdletReflector.AllSets };
            if (cmdlet.DefaultParameterSet != null && named.Remove(cmdlet.DefaultParameterSet)) named.Insert(0, cmdlet.DefaultParameterSet);
            return named;
        }

        /// <summary>One binding for the PARAMETERS section: required if it is required anywhere, first position, all pipeline ways.</summary>
        private static ParameterBinding Merged(ParameterMetadata p) => new ParameterBinding
        {
            Mandatory = p.Sets.Values.Any(s => s.Mandatory),
            Position = p.Sets.Values.Select(s => s.Position).FirstOrDefault(x => x != null),
            ValueFromPipeline = p.Sets.Values.Any(s => s.ValueFromPipeline),
            ValueFromPipelineByPropertyName = p.Sets.Values.Any(s => s.ValueFromPipelineByPropertyName),
        };

        private static XElement Parameter(ParameterMetadata p, ParameterBinding binding, List<string>? description, bool inSyntax)
        {
            var element = new XElement(Command + "parameter",
                new XAttribute("required", Bool(binding.Mandatory)),
                new XAttribute("variableLength", Bool(p.TypeName.EndsWith("[]", StringComparison.Ordinal))),
                new XAttribute("globbing", Bool(p.SupportsWildcards)),
                new XAttribute("pipelineInput", PipelineText(binding)),
                new XAttribute("position", binding.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
                new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
                new XElement(Maml + "name", p.Name));
            // syntax lines need only names and types: the text is in the PARAMETERS section once
            if (!inSyntax) element.Add(Description(description ?? new List<string>()));
            if (p.AllowedValues.Count > 0 && inSyntax)
                element.Add(new XElement(Command + "parameterValueGroup",
                    p.AllowedValues.Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
            if (!(inSyntax && p.IsSwitch))
                element.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", Bool(!p.IsSwitch)),
                    new XAttribute("variableLength", Bool(p.TypeName.EndsWith("[]", StringComparison.Ordinal))),
                    p.TypeName));
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", p.FullTypeName), new XElement(Maml + "uri")));
            element.Add(new XElement(Dev + "defaultValue", p.DefaultValue));
            return element;
        }

        private static string PipelineText(ParameterBinding b)
        {
            var ways = new List<string>();
            if (b.ValueFromPipelineByPropertyName) ways.Add("ByPropertyName");
            if (b.ValueFromPipeline) ways.Add("ByValue");
            return ways.Count == 0 ? "False" : "True (" + string.Join(", ", ways) + ")";
        }

        private static IEnumerable<HelpTypeEntry> InputsOf(CmdletMetadata cmdlet, HelpDocument doc)
        {
            if (doc.Inputs.Count > 0) return doc.Inputs;
            var piped = cmdlet.Parameters.Where(p => p.Sets.Values.Any(s => s.ValueFromPipeline || s.ValueFromPipelineByPropertyName)).ToList();
            if (piped.Count == 0) return new[] { new HelpTypeEntry("None", new List<string> { "This command takes no pipeline input." }) };
            return piped.Select(p => new HelpTypeEntry(p.FullTypeName, new List<string> { "-" + p.Name + " from the pipeline." }));
        }

        private static IEnumerable<HelpTypeEntry> OutputsOf(CmdletMetadata cmdlet, HelpDocument doc)
        {
            if (doc.Outputs.Count > 0) return doc.Outputs;
            if (cmdlet.OutputTypes.Count == 0) return new[] { new HelpTypeEntry("None", new List<string> { "This command writes nothing to the pipeline." }) };
            return cmdlet.OutputTypes.Select(t => new HelpTypeEntry(t, new List<string>()));
        }

        private static XElement TypeList(string list, string item, IEnumerable<HelpTypeEntry> entries) =>
            new XElement(Command + list, entries.Select(e => new XElement(Command + item,
                new XElement(Dev + "type", new XElement(Maml + "name", e.TypeName), new XElement(Maml + "uri")),
                Description(e.Description))));

        private static XElement Example(HelpExample example, int index)
        {
            string title = example.Title.StartsWith("Example", StringComparison.OrdinalIgnoreCase) ? example.Title : $"Example {index + 1}: {example.Title}";
            return new XElement(Command + "example",
                new XElement(Maml + "title", "---------- " + title + " ----------"),
                new XElement(Dev + "code", example.Code),
                // the empty last paragraph gives the blank line Get-Help shows between examples
                new XElement(Dev + "remarks", example.Remarks.Select(Para), Para("")));
        }

        private static XElement Description(IEnumerable<string> paragraphs) => new XElement(Maml + "description", paragraphs.Select(Para));

        private static XElement Para(string text) => new XElement(Maml + "para", text);

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
