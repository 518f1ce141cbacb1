using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using BinancePostman.Session;
using Xunit;

namespace BinancePostman.Tests.Session
{
    public class DependencyRuleTests
    {
        private static readonly byte[] BuffersToken = { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 };
        private static readonly byte[] OtherToken = { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a };

        private static readonly Dictionary<string, ShippedAssembly> Shipped = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase)
        {
            ["System.Buffers"] = new ShippedAssembly("System.Buffers", new Version(4, 0, 3, 0), BuffersToken, "/m/System.Buffers.dll"),
            ["BinancePostman"] = new ShippedAssembly("BinancePostman", new Version(1, 0, 0, 0), new byte[0], "/m/BinancePostman.dll"),
            // copies of the host's own assemblies in the folder must still never be answered
            ["System.Management.Automation"] = new ShippedAssembly("System.Management.Automation", new Version(3, 0, 0, 0), OtherToken, "/m/System.Management.Automation.dll"),
            ["mscorlib"] = new ShippedAssembly("mscorlib", new Version(4, 0, 0, 0), OtherToken, "/m/mscorlib.dll"),
            ["netstandard"] = new ShippedAssembly("netstandard", new Version(2, 0, 0, 0), OtherToken, "/m/netstandard.dll"),
            ["Microsoft.PowerShell.Commands.Utility"] = new ShippedAssembly("Microsoft.PowerShell.Commands.Utility", new Version(3, 0, 0, 0), OtherToken, "/m/Microsoft.PowerShell.Commands.Utility.dll"),
        };

        [Theory]
        [InlineData("4.0.2.0")] // older: what System.Memory asks for
        [InlineData("4.0.0.0")]
        [InlineData("4.0.3.0")] // equal
        public void AnOlderOrEqualVersionOfAShippedAssemblyIsAnsweredWithTheShippedFile(string requested)
        {
            Assert.Equal("/m/System.Buffers.dll", DependencyRule.PathFor("System.Buffers", Version.Parse(requested), BuffersToken, Shipped));
        }

        [Theory]
        [InlineData("4.0.3.1")]
        [InlineData("4.0.4.0")]
        [InlineData("5.0.0.0")]
        public void ANewerVersionIsNotOurs(string requested)
        {
            Assert.Null(DependencyRule.PathFor("System.Buffers", Version.Parse(requested), BuffersToken, Shipped));
        }

        [Fact]
        public void AnUnrelatedNameIsNotOurs()
        {
            Assert.Null(DependencyRule.PathFor("Newtonsoft.Json", new Version(13, 0, 0, 0), null, Shipped));
            Assert.Null(DependencyRule.PathFor("System.Buffers.resources", new Version(4, 0, 3, 0), BuffersToken, Shipped));
            Assert.Null(DependencyRule.PathFor("", null, null, Shipped));
            Assert.Null(DependencyRule.PathFor(null, null, null, Shipped));
        }

        [Theory]
        [InlineData("System.Management.Automation", "3.0.0.0")]
        [InlineData("mscorlib", "4.0.0.0")]
        [InlineData("netstandard", "2.0.0.0")]
        [InlineData("Microsoft.PowerShell.Commands.Utility", "3.0.0.0")]
        public void PowerShellsAndTheFrameworksOwnAssembliesAreNeverOursEvenWhenACopyIsInTheFolder(string name, string version)
        {
            Assert.Null(DependencyRule.PathFor(name, Version.Parse(version), null, Shipped));
            Assert.Null(DependencyRule.PathFor(name + ", Version=" + version + ", Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", Shipped));
        }

        [Fact]
        public void AnotherPublisherOfTheSameNameIsNotOurs()
        {
            Assert.Null(DependencyRule.PathFor("System.Buffers", new Version(4, 0, 2, 0), OtherToken, Shipped));
            Assert.Null(DependencyRule.PathFor("System.Buffers", new Version(4, 0, 2, 0), new byte[0], Shipped)); // asks for no strong name
        }

        [Fact]
        public void ARequestThatStatesNoVersionOrTokenGetsTheShippedFile()
        {
            Assert.Equal("/m/System.Buffers.dll", DependencyRule.PathFor("System.Buffers", null, null, Shipped));
            Assert.Equal("/m/System.Buffers.dll", DependencyRule.PathFor("system.buffers", null, null, Shipped));
        }

        [Fact]
        public void DisplayNamesAsTheResolveEventGivesThem()
        {
            Assert.Equal("/m/System.Buffers.dll", DependencyRule.PathFor("System.Buffers, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", Shipped));
            Assert.Null(DependencyRule.PathFor("System.Buffers, Version=4.0.5.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", Shipped));
            Assert.Equal("/m/BinancePostman.dll", DependencyRule.PathFor("BinancePostman, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", Shipped));
            Assert.Null(DependencyRule.PathFor("System.Buffers, Version=not-a-version", Shipped));
            Assert.Null(DependencyRule.PathFor("", Shipped));
        }

        [Theory]
        [InlineData(".NET Framework 4.8.9032.0", true)]
        [InlineData(".NET Framework 4.7.3324.0", true)]
        [InlineData(".NET 10.0.0", false)]
        [InlineData(".NET 8.0.11", false)]
        [InlineData(".NET Core 3.1.32", false)]
        [InlineData(".NET Native 2.2", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void OnlyDotNetFrameworkNeedsTheResolver(string? description, bool expected)
        {
            Assert.Equal(expected, DependencyRule.IsNetFramework(description));
        }

        [Fact]
        public void ThisProcessIsNotDotNetFramework()
        {
            Assert.False(DependencyRule.IsNetFramework(RuntimeInformation.FrameworkDescription));
        }
    }
}
