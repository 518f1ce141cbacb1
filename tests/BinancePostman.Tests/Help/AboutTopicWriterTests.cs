using System.Linq;
using BinancePostman.HelpCompiler;
using Xunit;

namespace BinancePostman.Tests.Help
{
    public class AboutTopicWriterTests
    {
        [Fact]
        public void WritesTheLayoutGetHelpShows()
        {
            string md = "# about_Thing\n\n## SHORT DESCRIPTION\nWhat `Thing` is.\n\n## LONG DESCRIPTION\n"
                + string.Join(" ", Enumerable.Repeat("word", 40)) + "\n\n### A subsection\n- item one\n- item two\n\n```powershell\nGet-Thing -All |\n    Export-Csv x.csv\n```\n";
            string text = AboutTopicWriter.Convert(md, "about_Thing.md", "about_Thing");
            string[] lines = text.Split('\n');
            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("    about_Thing", lines[1]);
            Assert.Contains("SHORT DESCRIPTION\n    What Thing is.\n", text);
            Assert.DoesNotContain("\n\n\n", text);
            Assert.Contains("\nLONG DESCRIPTION\n    word word", text);
            Assert.All(lines.Skip(4), l => Assert.True(l.Length <= AboutTopicWriter.Width, l));
            Assert.Contains("\n  A subsection\n    - item one\n    - item two\n\n", text);
            Assert.Contains("        Get-Thing -All |\n            Export-Csv x.csv\n", text);
        }

        [Fact]
        public void TheShortDescriptionStaysOnOneLineForGetHelpsSynopsis()
        {
            string longLine = string.Join(" ", Enumerable.Repeat("word", 30));
            string text = AboutTopicWriter.Convert("# about_Thing\n\n## Short Description\n" + longLine + "\n", "about_Thing.md", "about_Thing");
            Assert.Contains("\n    " + longLine + "\n", text);
        }

        [Theory]
        [InlineData("## SHORT DESCRIPTION\nx\n", "must start with '# about_Thing'")]
        [InlineData("# about_Thing\n\n## LONG DESCRIPTION\nx\n", "starts with '## SHORT DESCRIPTION'")]
        [InlineData("# about_Thing\n\n## SHORT DESCRIPTION\nx\n\n#### Too deep\n", "'##' sections and '###' subsections only")]
        public void MalformedTopicsAreErrors(string md, string problem)
        {
            var ex = Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Convert(md, "about_Thing.md", "about_Thing"));
            Assert.Contains(problem, ex.Problem);
            Assert.Equal("about_Thing.md", ex.File);
        }
    }
}
