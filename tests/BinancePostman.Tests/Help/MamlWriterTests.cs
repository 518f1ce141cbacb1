using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using BinancePostman.HelpCompiler;
using Xunit;

namespace BinancePostman.Tests.Help
{
    public class MamlWriterTests
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static CmdletMetadata Cmdlet()
        {
            var meta = new CmdletMetadata("Get", "Thing") { DefaultParameterSet = "ByName", SupportsShouldProcess = true };
            var name = new ParameterMetadata("Name", "String[]", "System.String[]") { SupportsWildcards = true };
            name.Sets["ByName"] = new ParameterBinding { Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true };
            var id = new ParameterMetadata("Id", "Int64", "System.Int64");
            id.Sets["ById"] = new ParameterBinding { Mandatory = true };
            var network = new ParameterMetadata("Network", "BinanceNetwork", "BinancePostman.Catalog.BinanceNetwork") { DefaultValue = "Production" };
            network.AllowedValues.AddRange(new[] { "Production", "Testnet", "Demo" });
            network.Sets[CmdletReflector.AllSets] = new ParameterBinding();
            var all = new ParameterMetadata("All", "SwitchParameter", "System.Management.Automation.SwitchParameter") { DefaultValue = "False" };
            all.Aliases.Add("Everything");
            all.Sets[CmdletReflector.AllSets] = new ParameterBinding();
            var whatIf = new ParameterMetadata("WhatIf", "SwitchParameter", "System.Management.Automation.SwitchParameter") { IsShouldProcess = true };
            whatIf.Sets[CmdletReflector.AllSets] = new ParameterBinding();
            meta.Parameters.AddRange(new[] { all, network, name, id, whatIf });
            meta.OutputTypes.Add("BinancePostman.Thing");
            return meta;
        }

        private static HelpDocument Doc()
        {
            var doc = new HelpDocument("Get-Thing", "Get-Thing.md") { Synopsis = "Gets things." };
            doc.Description.Add("Long text.");
            doc.Parameters["Name"] = new List<string> { "The name." };
            doc.Parameters["All"] = new List<string> { "Every page." };
            doc.Examples.Add(new HelpExample("Example 1: By name", "Get-Thing x", new List<string> { "Gets x." }));
            doc.Examples.Add(new HelpExample("By id", "Get-Thing -Id 1", new List<string> { "Gets 1." }));
            doc.RelatedLinks.Add("about_Things");
            return doc;
        }

        private static XElement Write(out XDocument xml)
        {
            var common = new Dictionary<string, List<string>> { ["Network"] = new List<string> { "Shared network text." }, ["Name"] = new List<string> { "Not used: the cmdlet's own text wins." } };
            xml = MamlWriter.Write(new[] { (Cmdlet(), Doc()) }, common);
            return xml.Root!.Element(Command + "command")!;
        }

        [Fact]
        public void WritesTheMamlShapeGetHelpReads()
        {
            XElement command = Write(out XDocument xml);
            Assert.Equal(Msh + "helpItems", xml.Root!.Name);
            Assert.Equal("maml", xml.Root.Attribute("schema")!.Value);
            XElement details = command.Element(Command + "details")!;
            Assert.Equal("Get-Thing", details.Element(Command + "name")!.Value);
            Assert.Equal("Get", details.Element(Command + "verb")!.Value);
            Assert.Equal("Thing", details.Element(Command + "noun")!.Value);
            Assert.Equal("Gets things.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
            Assert.Equal("Long text.", command.Element(Maml + "description")!.Element(Maml + "para")!.Value);
            Assert.Equal("BinancePostman.Thing", command.Element(Command + "returnValues")!.Descendants(Maml + "name").Single().Value);
            Assert.Equal("System.String[]", command.Element(Command + "inputTypes")!.Descendants(Maml + "name").Single().Value);
            Assert.Equal("about_Things", command.Descendants(Maml + "linkText").Single().Value);
        }

        [Fact]
        public void OneSyntaxItemPerSetDefaultFirstPositionalThenMandatoryThenOptional()
        {
            XElement command = Write(out _);
            var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            Assert.Equal(2, items.Count);
            Assert.Equal(new[] { "Name", "All", "Network", "WhatIf" }, items[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
            Assert.Equal(new[] { "Id", "All", "Network", "WhatIf" }, items[1].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));

            XElement name = items[0].Elements(Command + "parameter").First();
            Assert.Equal("true", name.Attribute("required")!.Value);
            Assert.Equal("0", name.Attribute("position")!.Value);
            Assert.Equal("true", name.Attribute("globbing")!.Value);
            Assert.Equal("true", name.Attribute("variableLength")!.Value);
            Assert.Equal("True (ByPropertyName, ByValue)", name.Attribute("pipelineInput")!.Value);
            Assert.Equal("String[]", name.Element(Command + "parameterValue")!.Value);

            XElement all = items[0].Elements(Command + "parameter").ElementAt(1);
            Assert.Null(all.Element(Command + "parameterValue"));        // a switch has no value in syntax
            Assert.Equal("named", all.Attribute("position")!.Value);
            Assert.Equal("Everything", all.Attribute("aliases")!.Value);

            XElement network = items[0].Elements(Command + "parameter").ElementAt(2);
            Assert.Equal(new[] { "Production", "Testnet", "Demo" }, network.Element(Command + "parameterValueGroup")!.Elements().Select(e => e.Value));
        }

        [Fact]
        public void ParameterTextComesFromTheCmdletThenCommonParametersThenShouldProcessDefaults()
        {
            XElement command = Write(out _);
            var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter")
                .ToDictionary(p => p.Element(Maml + "name")!.Value, p => string.Join("|", p.Element(Maml + "description")!.Elements(Maml + "para").Select(x => x.Value)));
            Assert.Equal("The name.", parameters["Name"]);
            Assert.Equal("Shared network text.", parameters["Network"]);
            Assert.Contains("without running it", parameters["WhatIf"]);
            Assert.Equal("", parameters["Id"]);   // described nowhere: written empty, and the compiler warns

            XElement network = command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Network");
            Assert.Equal("Production", network.Element(Dev + "defaultValue")!.Value);
            Assert.Equal("BinancePostman.Catalog.BinanceNetwork", network.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        }

        [Fact]
        public void ExamplesKeepTheirCodeAndNumberUntitledOnes()
        {
            XElement command = Write(out _);
            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.Equal("---------- Example 1: By name ----------", examples[0].Element(Maml + "title")!.Value);
            Assert.Equal("---------- Example 2: By id ----------", examples[1].Element(Maml + "title")!.Value);
            Assert.Equal("Get-Thing -Id 1", examples[1].Element(Dev + "code")!.Value);
            Assert.Equal("Gets 1.", examples[1].Element(Dev + "remarks")!.Element(Maml + "para")!.Value);
        }
    }
}
