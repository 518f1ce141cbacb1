using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace BinancePostman.HelpCompiler
{
    /// <summary>
    /// Reads a cmdlet's help source (src/BinancePostman/Help/Verb-Noun.md) and CommonParameters.md. A file that breaks
    /// the format is a HelpFormatException naming the file, line and heading, so the build says what to fix.
    /// </summary>
    public static class HelpMarkdownParser
    {
        private static readonly string[] Sections = { "SYNOPSIS", "DESCRIPTION", "PARAMETERS", "EXAMPLES", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };
        private static readonly Regex ParameterHeading = new Regex(@"^-([A-Za-z][A-Za-z0-9_]*)$");
        private static readonly Regex LinkItem = new Regex(@"^\[([^\]]+)\]\(([^)\s]*)\)$");

        public static HelpDocument ParseFile(string path) => Parse(File.ReadAllText(path), path, Path.GetFileNameWithoutExtension(path));

        public static HelpDocument Parse(string text, string file, string expectedName)
        {
            List<MarkdownBlock> blocks = MarkdownBlocks.Read(text, file);
            if (blocks.Count == 0 || blocks[0].Kind != BlockKind.Heading || blocks[0].Level != 1)
                throw new HelpFormatException(file, blocks.Count == 0 ? 1 : blocks[0].Line, "(start of file)", $"The file must start with '# {expectedName}'");
            string name = blocks[0].Text;
            if (!string.Equals(name, expectedName, StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, blocks[0].Line, "# " + name, $"The title '{name}' does not match the file name; it must be '# {expectedName}'");

            var doc = new HelpDocument(name, file);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int i = 1;
            if (i < blocks.Count && blocks[i].Kind != BlockKind.Heading)
                throw new HelpFormatException(file, blocks[i].Line, "# " + name, "Text before the first '##' section; start with '## SYNOPSIS'");
            while (i < blocks.Count)
            {
                MarkdownBlock heading = blocks[i];
                if (heading.Level != 2)
                    throw new HelpFormatException(file, heading.Line, Heading(heading), "Expected a '##' section heading (" + string.Join(", ", Sections) + ")");
                string section = heading.Text.Trim().ToUpperInvariant();
                if (Array.IndexOf(Sections, section) < 0)
                    throw new HelpFormatException(file, heading.Line, Heading(heading), $"Unknown section '{heading.Text}'; the sections are " + string.Join(", ", Sections));
                if (!seen.Add(section))
                    throw new HelpFormatException(file, heading.Line, Heading(heading), $"The section '{section}' appears twice");
                int end = i + 1;
                while (end < blocks.Count && !(blocks[end].Kind == BlockKind.Heading && blocks[end].Level <= 2)) end++;
                var body = blocks.GetRange(i + 1, end - i - 1);
                ReadSection(doc, section, heading, body, file);
                i = end;
            }

            foreach (string required in new[] { "SYNOPSIS", "DESCRIPTION" })
                if (!seen.Contains(required))
                    throw new HelpFormatException(file, 1, "# " + name, $"The '## {required}' section is missing");
            return doc;
        }

        /// <summary>CommonParameters.md: '# Common parameters', then one '### -Name' section per shared parameter.</summary>
        public static Dictionary<string, List<string>> ParseCommonParameters(string text, string file)
        {
            List<MarkdownBlock> blocks = MarkdownBlocks.Read(text, file);
            if (blocks.Count == 0 || blocks[0].Kind != BlockKind.Heading || blocks[0].Level != 1)
                throw new HelpFormatException(file, 1, "(start of file)", "The file must start with '# Common parameters'");
            var body = blocks.Skip(1).Where(b => !(b.Kind == BlockKind.Heading && b.Level == 2 && b.Text.Trim().Equals("PARAMETERS", StringComparison.OrdinalIgnoreCase))).ToList();
            var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            ReadParameters(result, new MarkdownBlock(BlockKind.Heading, blocks[0].Line, blocks[0].Text, 1), body, file);
            return result;
        }

        private static string Heading(MarkdownBlock b) => new string('#', b.Level) + " " + b.Text;

        private static void ReadSection(HelpDocument doc, string section, MarkdownBlock heading, List<MarkdownBlock> body, string file)
        {
            switch (section)
            {
                case "SYNOPSIS":
                    NoSubheadings(body, heading, file);
                    var paras = body.Where(b => b.Kind == BlockKind.Paragraph).ToList();
                    if (paras.Count != 1 || body.Count != 1)
                        throw new HelpFormatException(file, heading.Line, Heading(heading), "The synopsis must be one paragraph of plain text (one sentence)");
                    doc.Synopsis = MarkdownBlocks.PlainText(paras[0].Text);
                    break;
                case "DESCRIPTION":
                    NoSubheadings(body, heading, file);
                    doc.Description.AddRange(Paragraphs(body));
                    if (doc.Description.Count == 0)
                        throw new HelpFormatException(file, heading.Line, Heading(heading), "The description is empty");
                    break;
                case "NOTES":
                    NoSubheadings(body, heading, file);
                    doc.Notes.AddRange(Paragraphs(body));
                    break;
                case "PARAMETERS":
                    ReadParameters(doc.Parameters, heading, body, file);
                    break;
                case "EXAMPLES":
                    foreach (var (title, content) in Subsections(body, heading, file))
                        doc.Examples.Add(ReadExample(title, content, file));
                    break;
                case "INPUTS":
                case "OUTPUTS":
                    var list = section == "INPUTS" ? doc.Inputs : doc.Outputs;
                    foreach (var (title, content) in Subsections(body, heading, file))
                    {
                        if (content.Any(b => b.Kind == BlockKind.Heading))
                            throw new HelpFormatException(file, title.Line, Heading(title), "Only text goes under a type heading");
                        list.Add(new HelpTypeEntry(title.Text.Trim(), Paragraphs(content)));
                    }
                    break;
                case "RELATED LINKS":
                    NoSubheadings(body, heading, file);
                    foreach (MarkdownBlock b in body)
                    {
                        if (b.Kind != BlockKind.ListItem)
                            throw new HelpFormatException(file, b.Line, Heading(heading), "Related links are list items: '- Get-BinanceEndpoint' or '- [text](https://...)'");
                        doc.RelatedLinks.Add(b.Text.Trim());
                    }
                    break;
            }
        }

        private static void ReadParameters(Dictionary<string, List<string>> into, MarkdownBlock heading, List<MarkdownBlock> body, string file)
        {
            foreach (var (title, content) in Subsections(body, heading, file))
            {
                Match m = ParameterHeading.Match(title.Text.Trim());
                if (!m.Success)
                    throw new HelpFormatException(file, title.Line, Heading(title), "A parameter heading is '### -Name' (the dash and the parameter's name only)");
                string name = m.Groups[1].Value;
                if (into.ContainsKey(name))
                    throw new HelpFormatException(file, title.Line, Heading(title), $"The parameter -{name} is described twice");
                if (content.Any(b => b.Kind == BlockKind.Heading))
                    throw new HelpFormatException(file, content.First(b => b.Kind == BlockKind.Heading).Line, Heading(title), "Only text goes under a parameter heading");
                var text = Paragraphs(content);
                if (text.Count == 0)
                    throw new HelpFormatException(file, title.Line, Heading(title), $"The parameter -{name} has no description");
                into[name] = text;
            }
        }

        private static HelpExample ReadExample(MarkdownBlock title, List<MarkdownBlock> content, string file)
        {
            if (content.Any(b => b.Kind == BlockKind.Heading))
                throw new HelpFormatException(file, content.First(b => b.Kind == BlockKind.Heading).Line, Heading(title), "Only a code block and text go under an example heading");
            var code = content.Where(b => b.Kind == BlockKind.Code).ToList();
            if (code.Count != 1)
                throw new HelpFormatException(file, title.Line, Heading(title), $"An example has exactly one ```powershell code block (found {code.Count})");
            if (code[0].Text.Trim().Length == 0)
                throw new HelpFormatException(file, code[0].Line, Heading(title), "The example's code block is empty");
            var remarks = Paragraphs(content.Where(b => b.Kind != BlockKind.Code));
            return new HelpExample(title.Text.Trim(), code[0].Text, remarks);
        }

        /// <summary>The '###' subsections of a section; text before the first one is an error.</summary>
        private static List<(MarkdownBlock title, List<MarkdownBlock> content)> Subsections(List<MarkdownBlock> body, MarkdownBlock heading, string file)
        {
            var result = new List<(MarkdownBlock, List<MarkdownBlock>)>();
            foreach (MarkdownBlock b in body)
            {
                if (b.Kind == BlockKind.Heading && b.Level == 3)
                {
                    result.Add((b, new List<MarkdownBlock>()));
                    continue;
                }
                if (result.Count == 0)
                    throw new HelpFormatException(file, b.Line, Heading(heading), "Text before the first '###' heading of this section");
                result[result.Count - 1].Item2.Add(b);
            }
            return result;
        }

        private static void NoSubheadings(List<MarkdownBlock> body, MarkdownBlock heading, string file)
        {
            MarkdownBlock? sub = body.FirstOrDefault(b => b.Kind == BlockKind.Heading);
            if (sub != null)
                throw new HelpFormatException(file, sub.Line, Heading(heading), $"No headings go inside {heading.Text}; found '{Heading(sub)}'");
        }

        /// <summary>Paragraphs as Get-Help shows them: prose in plain text, list items with a dash, code indented.</summary>
        internal static List<string> Paragraphs(IEnumerable<MarkdownBlock> blocks)
        {
            var result = new List<string>();
            foreach (MarkdownBlock b in blocks)
            {
                switch (b.Kind)
                {
                    case BlockKind.Paragraph: result.Add(MarkdownBlocks.PlainText(b.Text)); break;
                    case BlockKind.ListItem: result.Add("- " + MarkdownBlocks.PlainText(b.Text)); break;
                    case BlockKind.Code: result.Add(string.Join("\n", b.Text.Split('\n').Select(l => "    " + l))); break;
                }
            }
            return result;
        }

        /// <summary>A related link as (text, uri): '[text](uri)' or a bare command or topic name.</summary>
        public static (string text, string uri) SplitLink(string link)
        {
            Match m = LinkItem.Match(link);
            return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : (link, "");
        }
    }
}
