using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using BinancePostman.Session;
using Xunit;

namespace BinancePostman.Tests.Session
{
    public class DependencyResolverTests
    {
        private static readonly Assembly Own = typeof(DependencyResolver).Assembly;
        private static readonly Assembly Loaded = typeof(Uri).Assembly; // stands in for whatever the loader returns

        private static IReadOnlyDictionary<string, ShippedAssembly> Folder() => new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase)
        {
            ["System.Buffers"] = new ShippedAssembly("System.Buffers", new Version(4, 0, 3, 0), new byte[0], "/m/System.Buffers.dll"),
            ["System.Runtime.CompilerServices.Unsafe"] = new ShippedAssembly("System.Runtime.CompilerServices.Unsafe", new Version(6, 0, 0, 0), new byte[0], "/m/System.Runtime.CompilerServices.Unsafe.dll"),
            [Own.GetName().Name!] = new ShippedAssembly(Own.GetName().Name!, Own.GetName().Version!, new byte[0], Own.Location),
        };

        private static ResolveEventArgs Request(string name) => new ResolveEventArgs(name);

        [Fact]
        public void AnOlderRequestIsLoadedFromTheShippedFile()
        {
            var loads = new List<string>();
            var resolver = new DependencyResolver(Own, Folder, path => { loads.Add(path); return Loaded; });

            Assert.Same(Loaded, resolver.Resolve(null, Request("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral")));
            Assert.Equal(new[] { "/m/System.Runtime.CompilerServices.Unsafe.dll" }, loads);
        }

        [Theory]
        [InlineData("System.Buffers, Version=4.0.4.0")]
        [InlineData("Newtonsoft.Json, Version=13.0.0.0")]
        [InlineData("System.Management.Automation, Version=3.0.0.0")]
        public void WhatIsNotOursIsLeftToTheRuntimeWithoutLoadingAnything(string name)
        {
            var loads = new List<string>();
            var resolver = new DependencyResolver(Own, Folder, path => { loads.Add(path); return Loaded; });

            Assert.Null(resolver.Resolve(null, Request(name)));
            Assert.Empty(loads);
        }

        [Fact]
        public void ARequestForTheModuleItselfGetsTheLoadedModuleNotASecondLoad()
        {
            var loads = new List<string>();
            var resolver = new DependencyResolver(Own, Folder, path => { loads.Add(path); return Loaded; });

            Assert.Same(Own, resolver.Resolve(null, Request(Own.FullName!)));
            Assert.Empty(loads);
        }

        [Fact]
        public void ALoadThatAsksAgainOnTheSameThreadIsNotAnsweredInALoop()
        {
            DependencyResolver? resolver = null;
            var inner = new List<Assembly?>();
            int loads = 0;
            resolver = new DependencyResolver(Own, Folder, path =>
            {
                loads++;
                // the runtime raising AssemblyResolve again while our load runs
                inner.Add(resolver!.Resolve(null, Request("System.Buffers, Version=4.0.2.0")));
                return Loaded;
            });

            Assert.Same(Loaded, resolver.Resolve(null, Request("System.Buffers, Version=4.0.2.0")));
            Assert.Equal(1, loads);
            Assert.Equal(new Assembly?[] { null }, inner);
            // and the guard is released afterwards: the next request is answered again
            Assert.Same(Loaded, resolver.Resolve(null, Request("System.Buffers, Version=4.0.2.0")));
            Assert.Equal(2, loads);
        }

        [Fact]
        public void TheFolderIsReadOnFirstRequestAndOnce()
        {
            int reads = 0;
            var resolver = new DependencyResolver(Own, () => { reads++; return Folder(); }, _ => Loaded);
            Assert.Equal(0, reads);

            resolver.Resolve(null, Request("System.Buffers, Version=4.0.2.0"));
            resolver.Resolve(null, Request("Unrelated, Version=1.0.0.0"));
            Assert.Equal(1, reads);
        }

        [Fact]
        public void AFileThatFailsToLoadLeavesTheRuntimesOwnErrorStanding()
        {
            var resolver = new DependencyResolver(Own, Folder, path => throw new FileLoadException("locked", path));
            Assert.Null(resolver.Resolve(null, Request("System.Buffers, Version=4.0.2.0")));
        }

        [Fact]
        public void ShippedAssembliesReadsManagedFilesByTheirManifestAndSkipsTheRest()
        {
            string dir = Path.Combine(Path.GetTempPath(), "bp-shipped-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.Copy(Own.Location, Path.Combine(dir, "Renamed.dll"));
                File.WriteAllText(Path.Combine(dir, "native.dll"), "MZ not a managed image");

                IReadOnlyDictionary<string, ShippedAssembly> shipped = ShippedAssemblies.Read(dir);

                ShippedAssembly only = Assert.Single(shipped.Values);
                Assert.Equal("BinancePostman", only.Name);
                Assert.Equal(Own.GetName().Version, only.Version);
                Assert.Equal(Path.Combine(dir, "Renamed.dll"), only.Path);
                Assert.Same(only, shipped["binancepostman"]);
                Assert.Empty(ShippedAssemblies.Read(Path.Combine(dir, "missing")));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
