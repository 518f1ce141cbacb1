using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace BinancePostman.HelpCompiler
{
    /// <summary>
    /// Turns about_Topic.md into about_Topic.help.txt, the plain-text layout Get-Help shows: section titles in capitals
    /// at the margin, text wrapped and indented under them, code indented further and never wrapped.
    /// </summary>
    public static class AboutTopicWriter
    {
        public const int Width = 80;

        public static string Convert(string markdown, string file, string expectedName)
        {
            List<MarkdownBlock> blocks = MarkdownBlocks.Read(markdown, file);
            if (blocks.Count == 0 || blocks[0].Kind != BlockKind.Heading || blocks[0].Level != 1)
                throw new HelpFormatException(file, 1, "(start of file)", $"The file must start with '# {expectedName}'");
            if (!string.Equals(blocks[0].Text, expectedName, StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, blocks[0].Line, "# " + blocks[0].Text, $"The title does not match the file name; it must be '# {expectedName}'");
            if (blocks.Count < 2 || blocks[1].Kind != BlockKind.Heading || blocks[1].Level != 2 || !blocks[1].Text.Equals("SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, blocks.Count < 2 ? blocks[0].Line : blocks[1].Line, "# " + blocks[0].Text, "An about topic starts with '## SHORT DESCRIPTION' right after its title");
            if (blocks.Count < 3 || blocks[2].Kind != BlockKind.Paragraph)
                throw new HelpFormatException(file, blocks[1].Line, "## SHORT DESCRIPTION", "The short description is one paragraph of text");

            var text = new StringBuilder();
            text.Append("TOPIC\n    ").Append(blocks[0].Text).Append('\n');
            string heading = "# " + blocks[0].Text;
            foreach (MarkdownBlock b in blocks.Skip(1))
            {
                switch (b.Kind)
                {
                    case BlockKind.Heading when b.Level == 2:
                        heading = "## " + b.Text;
                        BlankLine(text);
                        text.Append(b.Text.ToUpperInvariant()).Append('\n');
                        break;
                    case BlockKind.Heading when b.Level == 3:
                        heading = "### " + b.Text;
                        BlankLine(text);
                        text.Append("  ").Append(MarkdownBlocks.PlainText(b.Text)).Append('\n');
                        break;
                    case BlockKind.Heading:
                        throw new HelpFormatException(file, b.Line, heading, "About topics use '##' sections and '###' subsections only");
                    case BlockKind.Paragraph when heading.Equals("## SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase):
                        // Get-Help takes an about topic's synopsis from the one line under SHORT DESCRIPTION: never wrapped
                        text.Append("    ").Append(MarkdownBlocks.PlainText(b.Text)).Append('\n');
                        break;
                    case BlockKind.Paragraph:
                        Wrap(text, MarkdownBlocks.PlainText(b.Text), "    ", "    ");
                        break;
                    case BlockKind.ListItem:
                        Wrap(text, MarkdownBlocks.PlainText(b.Text), "    - ", "      ");
                        break;
                    case BlockKind.Code:
                        foreach (string line in b.Text.Split('\n')) text.Append(line.Length == 0 ? "" : "        " + line).Append('\n');
                        break;
                }
                if (b.Kind != BlockKind.Heading && !(b.Kind == BlockKind.ListItem && NextIsListItem(blocks, b))) text.Append('\n');
            }
            return text.ToString().TrimEnd('\n') + "\n";
        }

        private static void BlankLine(StringBuilder text)
        {
            if (text.Length >= 2 && text[text.Length - 1] == '\n' && text[text.Length - 2] == '\n') return;
            text.Append('\n');
        }

        private static bool NextIsListItem(List<MarkdownBlock> blocks, MarkdownBlock b)
        {
            int i = blocks.IndexOf(b);
            return i + 1 < blocks.Count && blocks[i + 1].Kind == BlockKind.ListItem;
        }

        private static void Wrap(StringBuilder text, string paragraph, string firstIndent, string indent)
        {
            string prefix = firstIndent;
            var line = new StringBuilder();
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && prefix.Length + line.Length + 1 + word.Length > Width)
                {
                    text.Append(prefix).Append(line).Append('\n');
                    line.Clear();
                    prefix = indent;
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            if (line.Length > 0) text.Append(prefix).Append(line).Append('\n');
        }

        public static string TopicName(string path) => Path.GetFileNameWithoutExtension(path);
    }
}
