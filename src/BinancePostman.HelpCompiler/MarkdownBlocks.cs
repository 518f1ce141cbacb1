using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace BinancePostman.HelpCompiler
{
    /// <summary>What a stretch of markdown holds: headings, paragraphs, list items and fenced code, with line numbers.</summary>
    public enum BlockKind { Heading, Paragraph, ListItem, Code }

    public sealed class MarkdownBlock
    {
        public MarkdownBlock(BlockKind kind, int line, string text, int level = 0, string? language = null)
        {
            Kind = kind;
            Line = line;
            Text = text;
            Level = level;
            Language = language;
        }

        public BlockKind Kind { get; }
        public int Line { get; }
        /// <summary>Heading text, a paragraph's lines joined by spaces, a list item's text, or code with its line breaks.</summary>
        public string Text { get; }
        /// <summary>1 for '#', 2 for '##'...; 0 for anything that is not a heading.</summary>
        public int Level { get; }
        public string? Language { get; }
    }

    /// <summary>
    /// The small subset of markdown the help sources use. Not a general parser: '#' headings, blank-line separated
    /// paragraphs, '-' or '*' list items, ``` fences. Anything else is kept as paragraph text.
    /// </summary>
    public static class MarkdownBlocks
    {
        private static readonly Regex HeadingLine = new Regex(@"^(#{1,6})\s+(.*?)\s*#*\s*$");
        private static readonly Regex ListLine = new Regex(@"^\s{0,3}[-*]\s+(.*)$");
        private static readonly Regex Fence = new Regex(@"^\s{0,3}```\s*([\w-]*)\s*$");

        public static List<MarkdownBlock> Read(string text, string file)
        {
            var blocks = new List<MarkdownBlock>();
            string[] lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            var paragraph = new StringBuilder();
            int paragraphLine = 0;
            bool inList = false;

            void Flush()
            {
                if (paragraph.Length > 0)
                    blocks.Add(new MarkdownBlock(inList ? BlockKind.ListItem : BlockKind.Paragraph, paragraphLine, paragraph.ToString()));
                paragraph.Clear();
                inList = false;
            }

            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                int number = i + 1;
                Match fence = Fence.Match(line);
                if (fence.Success)
                {
                    Flush();
                    var code = new List<string>();
                    int start = number;
                    int j = i + 1;
                    while (j < lines.Length && !Fence.IsMatch(lines[j])) code.Add(lines[j++]);
                    if (j >= lines.Length)
                        throw new HelpFormatException(file, start, "(code block)", "A code block opened with ``` is never closed");
                    blocks.Add(new MarkdownBlock(BlockKind.Code, start, TrimCommonIndent(code), language: fence.Groups[1].Value));
                    i = j;
                    continue;
                }
                if (line.Trim().Length == 0)
                {
                    Flush();
                    continue;
                }
                Match heading = HeadingLine.Match(line);
                if (heading.Success)
                {
                    Flush();
                    blocks.Add(new MarkdownBlock(BlockKind.Heading, number, heading.Groups[2].Value, heading.Groups[1].Value.Length));
                    continue;
                }
                Match item = ListLine.Match(line);
                if (item.Success)
                {
                    Flush();
                    inList = true;
                    paragraphLine = number;
                    paragraph.Append(item.Groups[1].Value.Trim());
                    continue;
                }
                if (paragraph.Length == 0) paragraphLine = number;
                else paragraph.Append(' ');
                paragraph.Append(line.Trim());
            }
            Flush();
            return blocks;
        }

        private static string TrimCommonIndent(List<string> lines)
        {
            int indent = int.MaxValue;
            foreach (string l in lines)
                if (l.Trim().Length > 0) indent = Math.Min(indent, l.Length - l.TrimStart().Length);
            if (indent == int.MaxValue) indent = 0;
            var sb = new StringBuilder();
            foreach (string l in lines)
            {
                if (sb.Length > 0) sb.Append('\n');
                sb.Append(l.Length >= indent ? l.Substring(indent).TrimEnd() : l.TrimEnd());
            }
            return sb.ToString().Trim('\n');
        }

        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]+)\)");
        private static readonly Regex Emphasis = new Regex(@"(\*\*|__)(.+?)\1");

        /// <summary>Prose as plain text for Get-Help: inline code and emphasis marks dropped, links as "text (url)".</summary>
        public static string PlainText(string text)
        {
            string plain = Link.Replace(text, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[2].Value : m.Groups[1].Value + " (" + m.Groups[2].Value + ")");
            plain = Emphasis.Replace(plain, "$2");
            return plain.Replace("`", "");
        }
    }
}
