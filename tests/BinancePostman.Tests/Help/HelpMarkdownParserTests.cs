using System;
using System.Linq;
using BinancePostman.HelpCompiler;
using Xunit;

namespace BinancePostman.Tests.Help
{
    public class HelpMarkdownParserTests
    {
        private const string Good = @"# Get-Thing

## SYNOPSIS
Gets `things`.

## DESCRIPTION
First paragraph
continues here.

- a list item
- another

## PARAMETERS

### -Name
The name, see [docs](https://example.com).

### -Count
How many.

## EXAMPLES

### Example 1: One thing
```powershell
Get-Thing -Name x
```
Gets x.

### Example 2: Two things
```powershell
Get-Thing -Count 2 |
    Format-Table
```
Gets two.

## INPUTS

### System.String
Names.

## OUTPUTS

### Thing
A **thing**.

## NOTES
A note.

## RELATED LINKS
- Get-Other
- [Online](https://example.com/get-thing)
";

        [Fact]
        public void ReadsEverySection()
        {
            HelpDocument doc = HelpMarkdownParser.Parse(Good, "Get-Thing.md", "Get-Thing");
            Assert.Equal("Get-Thing", doc.CommandName);
            Assert.Equal("Gets things.", doc.Synopsis);
            Assert.Equal(new[] { "First paragraph continues here.", "- a list item", "- another" }, doc.Description);
            Assert.Equal(new[] { "Name", "Count" }, doc.Parameters.Keys);
            Assert.Equal("The name, see docs (https://example.com).", doc.Parameters["name"].Single());
            Assert.Equal(2, doc.Examples.Count);
            Assert.Equal("Example 2: Two things", doc.Examples[1].Title);
            Assert.Equal("Get-Thing -Count 2 |\n    Format-Table", doc.Examples[1].Code);
            Assert.Equal("Gets two.", doc.Examples[1].Remarks.Single());
            Assert.Equal("System.String", doc.Inputs.Single().TypeName);
            Assert.Equal("A thing.", doc.Outputs.Single().Description.Single());
            Assert.Equal("A note.", doc.Notes.Single());
            Assert.Equal(new[] { "Get-Other", "[Online](https://example.com/get-thing)" }, doc.RelatedLinks);
            Assert.Equal(("Online", "https://example.com/get-thing"), HelpMarkdownParser.SplitLink(doc.RelatedLinks[1]));
        }

        [Fact]
        public void HeadingsInsideCodeAreCode()
        {
            string text = Good.Replace("Get-Thing -Name x", "# a comment, not a heading\nGet-Thing -Name x");
            HelpDocument doc = HelpMarkdownParser.Parse(text, "Get-Thing.md", "Get-Thing");
            Assert.StartsWith("# a comment", doc.Examples[0].Code);
        }

        [Theory]
        [InlineData("## SYNOPSIS\nx\n", 1, "(start of file)", "must start with '# Get-Thing'")]
        [InlineData("# Get-Other\n\n## SYNOPSIS\nx\n", 1, "# Get-Other", "does not match the file name")]
        [InlineData("# Get-Thing\n\n## SYNOPSYS\nx\n", 3, "## SYNOPSYS", "Unknown section 'SYNOPSYS'")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## SYNOPSIS\nz\n", 9, "## SYNOPSIS", "appears twice")]
        [InlineData("# Get-Thing\n\n## DESCRIPTION\ny\n", 1, "# Get-Thing", "'## SYNOPSIS' section is missing")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\ny\n\n## DESCRIPTION\ny\n", 3, "## SYNOPSIS", "one paragraph")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\n\n## PARAMETERS\n", 6, "## DESCRIPTION", "description is empty")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## PARAMETERS\n\n### Name\ntext\n", 11, "### Name", "'### -Name'")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## PARAMETERS\n\n### -Name\n", 11, "### -Name", "has no description")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## PARAMETERS\n\n### -Name\na\n\n### -name\nb\n", 14, "### -name", "described twice")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## PARAMETERS\nloose text\n", 10, "## PARAMETERS", "before the first '###'")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## EXAMPLES\n\n### Example 1: none\nJust words.\n", 11, "### Example 1: none", "exactly one ```powershell code block (found 0)")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## EXAMPLES\n\n### Example 1\n```powershell\nGet-Thing\n", 12, "(code block)", "never closed")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n### Stray\n", 9, "## DESCRIPTION", "No headings go inside DESCRIPTION")]
        [InlineData("# Get-Thing\n\n## SYNOPSIS\nx\n\n## DESCRIPTION\ny\n\n## RELATED LINKS\nGet-Other\n", 10, "## RELATED LINKS", "list items")]
        public void MalformedSourcesNameFileLineAndHeading(string text, int line, string heading, string problem)
        {
            var ex = Assert.Throws<HelpFormatException>(() => HelpMarkdownParser.Parse(text, "Help/Get-Thing.md", "Get-Thing"));
            Assert.Equal("Help/Get-Thing.md", ex.File);
            Assert.Equal(line, ex.Line);
            Assert.Equal(heading, ex.Heading);
            Assert.Contains(problem, ex.Problem);
            Assert.StartsWith($"Help/Get-Thing.md({line}): error BPHELP001: ", ex.Message);
        }

        [Fact]
        public void CommonParametersAreParameterSectionsUnderOneTitle()
        {
            var common = HelpMarkdownParser.ParseCommonParameters("# Common parameters\n\n### -Network\nWhich network.\n\n### -TimeoutSec\nSeconds.\n\nMore.\n", "CommonParameters.md");
            Assert.Equal(new[] { "Network", "TimeoutSec" }, common.Keys);
            Assert.Equal(new[] { "Seconds.", "More." }, common["timeoutsec"]);

            var ex = Assert.Throws<HelpFormatException>(() => HelpMarkdownParser.ParseCommonParameters("# Common parameters\n\n### Network\nx\n", "CommonParameters.md"));
            Assert.Equal(3, ex.Line);
        }
    }
}
