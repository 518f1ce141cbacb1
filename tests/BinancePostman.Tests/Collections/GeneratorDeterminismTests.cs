using System;
using BinancePostman.CollectionGenerator.Output;
using Xunit;
using Generator = BinancePostman.CollectionGenerator.CollectionGenerator;

namespace BinancePostman.Tests.Collections
{
    public class GeneratorDeterminismTests
    {
        [Fact]
        public void GeneratingTwiceGivesIdenticalText()
        {
            var first = Generator.Generate(Fixtures.RepoRoot);
            var second = Generator.Generate(Fixtures.RepoRoot);
            Assert.Equal(first.Keys, second.Keys);
            foreach (var file in first) Assert.True(file.Value == second[file.Key], file.Key + " changed between two runs");
        }

        [Fact]
        public void OutputUsesUnixLineEndsAndEndsWithNewline()
        {
            foreach (var file in Generator.Generate(Fixtures.RepoRoot))
            {
                Assert.DoesNotContain("\r", file.Value);
                Assert.EndsWith("}\n", file.Value);
            }
        }

        [Fact]
        public void NameBasedGuidMatchesRfc4122Version5()
        {
            // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example in Python's documentation
            var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
            Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedGuid.Create(dns, "python.org"));
        }
    }
}
