using System;
using System.IO;
using System.Linq;
using BinancePostman.Commands;
using BinancePostman.HelpCompiler;
using Xunit;

namespace BinancePostman.Tests.Help
{
    public class HelpCompilerTests
    {
        private static string HelpFolder => Path.Combine(Fixtures.RepoRoot, "src", "BinancePostman", "Help");

        [Fact]
        public void ReflectsParameterSetsBindingAndDefaultsFromTheCmdletClass()
        {
            CmdletMetadata invoke = CmdletReflector.Describe(typeof(InvokeBinanceRequestCommand));
            Assert.Equal("Invoke-BinanceRequest", invoke.Name);
            Assert.Equal(new[] { "ByName", "ByEndpoint", "Raw" }, MamlWriter.ParameterSets(invoke));
            Assert.DoesNotContain(invoke.Parameters, p => p.Name == "RemainingArguments");     // DontShow
            ParameterMetadata name = invoke.Parameters.Single(p => p.Name == "Name");
            Assert.True(name.Sets["ByName"].Mandatory);
            Assert.Equal(0, name.Sets["ByName"].Position);
            Assert.True(invoke.Parameters.Single(p => p.Name == "Endpoint").Sets["ByEndpoint"].ValueFromPipeline);
            Assert.Equal("30", invoke.Parameters.Single(p => p.Name == "TimeoutSec").DefaultValue);
            ParameterMetadata network = invoke.Parameters.Single(p => p.Name == "Network");
            Assert.Equal("BinanceNetwork", network.TypeName);                                 // Nullable<T> shown as T
            Assert.Equal(new[] { "Production", "Testnet", "Demo" }, network.AllowedValues);
            Assert.Contains("PATCH", invoke.Parameters.Single(p => p.Name == "Method").AllowedValues);
            Assert.Contains(invoke.Parameters, p => p.Name == "WhatIf" && p.IsShouldProcess);
            // SupportsPaging: PowerShell's -First, -Skip and -IncludeTotalCount, with its types and defaults
            Assert.Equal("UInt64", invoke.Parameters.Single(p => p.Name == "First" && p.IsPaging).TypeName);
            Assert.Equal("0", invoke.Parameters.Single(p => p.Name == "Skip" && p.IsPaging).DefaultValue);
            Assert.True(invoke.Parameters.Single(p => p.Name == "IncludeTotalCount").IsSwitch);
            Assert.Equal(new[] { "RHV" }, invoke.Parameters.Single(p => p.Name == "ResponseHeadersVariable").Aliases);

            CmdletMetadata import = CmdletReflector.Describe(typeof(ImportBinanceCollectionCommand));
            Assert.Equal(new[] { "PSPath", "LP" }, import.Parameters.Single(p => p.Name == "LiteralPath").Aliases);
            Assert.True(import.Parameters.Single(p => p.Name == "Path").SupportsWildcards);
        }

        [Fact]
        public void TheModulesHelpSourcesCompileWithoutErrorsOrWarnings()
        {
            var cmdlets = CmdletReflector.Read(typeof(InvokeBinanceRequestCommand).Assembly.Location);
            Assert.Contains(cmdlets, c => c.Name == "Connect-Binance");
            HelpBuild build = HelpBuild.Run(HelpFolder, cmdlets, "BinancePostman.dll-Help.xml");
            Assert.Empty(build.Errors);
            Assert.Empty(build.Warnings);
            Assert.Contains("BinancePostman.dll-Help.xml", build.Files.Keys);
            Assert.Contains("about_BinancePostman.help.txt", build.Files.Keys);
        }

        [Fact]
        public void ACmdletWithoutHelpAndAnUndocumentedParameterAreWarningsAMalformedFileAnError()
        {
            string folder = Path.Combine(Path.GetTempPath(), "bp-help-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                File.WriteAllText(Path.Combine(folder, "Get-BinanceConnection.md"), "# Get-BinanceConnection\n\n## SYNOPSIS\nShows it.\n\n## DESCRIPTION\nText.\n");
                File.WriteAllText(Path.Combine(folder, "Get-BinanceEndpoint.md"), "# Get-BinanceEndpoint\n\n## SYNOPSIS\nFinds.\n\n## DESCRIPTION\nText.\n\n## PARAMETERS\n\n### -Name\nNames.\n");
                var cmdlets = new[] { typeof(GetBinanceConnectionCommand), typeof(GetBinanceEndpointCommand), typeof(GetBinanceCollectionCommand) }.Select(CmdletReflector.Describe).ToList();

                HelpBuild build = HelpBuild.Run(folder, cmdlets, "X.dll-Help.xml");
                Assert.Empty(build.Errors);
                Assert.Contains(build.Warnings, w => w.Contains("BPHELP101") && w.Contains("Get-BinanceCollection"));
                Assert.Contains(build.Warnings, w => w.Contains("BPHELP102") && w.Contains("-Collection of Get-BinanceEndpoint"));
                Assert.Contains(build.Warnings, w => w.Contains("BPHELP104") && w.Contains("Get-BinanceConnection has 0 example(s)"));

                File.WriteAllText(Path.Combine(folder, "Get-BinanceConnection.md"), "# Get-BinanceConnection\n\n## SYNOPSIS\nShows it.\n\n## DESCRIPTON\nText.\n");
                build = HelpBuild.Run(folder, cmdlets, "X.dll-Help.xml");
                string error = Assert.Single(build.Errors);
                Assert.Contains("Get-BinanceConnection.md(6): error BPHELP001: Unknown section 'DESCRIPTON'", error);
                Assert.DoesNotContain("X.dll-Help.xml", build.Files.Keys);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
