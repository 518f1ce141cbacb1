using System.IO;
using System.Text;
using BinancePostman.Catalog;
using Xunit;

namespace BinancePostman.Tests.Catalog
{
    public class BadInputTests
    {
        private static CollectionLoadException LoadCollection(string text)
        {
            return Assert.Throws<CollectionLoadException>(() => PostmanCollectionReader.Parse(Encoding.UTF8.GetBytes(text), "/tmp/bad.json"));
        }

        [Fact]
        public void InvalidJsonNamesLineAndPosition()
        {
            var ex = LoadCollection("{\n  \"info\": {\n    \"name\": \"x\",,\n  }\n}");
            Assert.Equal(CollectionLoadError.InvalidJson, ex.Error);
            Assert.Equal(3, ex.Line);
            Assert.NotNull(ex.Position);
            Assert.StartsWith("bad.json (line 3, position", ex.Message);
        }

        [Fact]
        public void EmptyFile() => Assert.Equal(CollectionLoadError.EmptyFile, LoadCollection("  \n").Error);

        [Fact]
        public void MissingFile()
        {
            var ex = Assert.Throws<CollectionLoadException>(() => PostmanCollectionReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-dir-bp", "x.json")));
            Assert.Equal(CollectionLoadError.FileNotFound, ex.Error);
        }

        [Fact]
        public void EnvironmentGivenAsCollection()
        {
            var ex = LoadCollection(@"{ ""name"": ""env"", ""values"": [], ""_postman_variable_scope"": ""environment"" }");
            Assert.Equal(CollectionLoadError.EnvironmentGivenAsCollection, ex.Error);
            // the fact; the cmdlet to use instead is the cmdlets' own wording (tests/pester/Catalog.Tests.ps1)
            Assert.Contains("is a Postman environment, not a collection", ex.Message);
        }

        [Fact]
        public void CollectionGivenAsEnvironment()
        {
            var ex = Assert.Throws<CollectionLoadException>(() => PostmanEnvironmentReader.Parse(Encoding.UTF8.GetBytes(@"{ ""info"": {}, ""item"": [] }")));
            Assert.Equal(CollectionLoadError.CollectionGivenAsEnvironment, ex.Error);
        }

        [Fact]
        public void PostmanV1Collection()
        {
            var ex = LoadCollection(@"{ ""id"": ""1"", ""name"": ""old"", ""order"": [], ""requests"": [] }");
            Assert.Equal(CollectionLoadError.PostmanV1Collection, ex.Error);
            Assert.Contains("v2.1", ex.Message);
        }

        [Fact]
        public void UnknownSchema()
        {
            var ex = LoadCollection(@"{ ""info"": { ""name"": ""x"", ""schema"": ""https://example.com/other.json"" }, ""item"": [] }");
            Assert.Equal(CollectionLoadError.UnknownSchema, ex.Error);
            Assert.Contains("https://example.com/other.json", ex.Message);
        }

        [Fact]
        public void JsonThatIsNotAnObject() => Assert.Equal(CollectionLoadError.NotACollection, LoadCollection("[1,2]").Error);

        [Fact]
        public void OneBrokenFileDoesNotStopTheOthers()
        {
            string dir = Directory.CreateTempSubdirectory("bp-cat").FullName;
            try
            {
                File.WriteAllText(Path.Combine(dir, "a-good.json"), @"{ ""info"": { ""name"": ""Good"", ""schema"": ""https://schema.getpostman.com/json/collection/v2.1.0/collection.json"" }, ""item"": [] }");
                File.WriteAllText(Path.Combine(dir, "b-bad.json"), "{ nope");
                var (loaded, failed) = CatalogFolderLoader.LoadEach(CatalogFolderLoader.CollectionFiles(dir), PostmanCollectionReader.ReadFile);
                Assert.Equal("Good", Assert.Single(loaded).Name);
                Assert.EndsWith("b-bad.json", Assert.Single(failed).File);
            }
            finally { Directory.Delete(dir, true); }
        }
    }
}
