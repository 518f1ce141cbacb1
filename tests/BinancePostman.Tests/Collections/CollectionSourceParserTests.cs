using System;
using System.Linq;
using BinancePostman.CollectionGenerator.Source;
using Xunit;

namespace BinancePostman.Tests.Collections
{
    public class CollectionSourceParserTests
    {
        private const string Sample =
            "collection Sample\n" +
            "about First line.\n" +
            "example symbol = BTCUSDT\n" +
            "folder Market\n" +
            "GET /api/v3/depth | Order Book | NONE | IP 5\n" +
            "  Returns the book.\n" +
            "  + symbol\n" +
            "  ? limit = 100 -- Levels per side.\n" +
            "folder User Data Stream > Spot\n" +
            "POST /api/v3/userDataStream | Create a ListenKey | USER_STREAM\n" +
            "  Opens a stream.\n";

        [Fact]
        public void ReadsFoldersRequestsAndParameters()
        {
            var source = CollectionSourceParser.Parse(Sample, "sample.collection.txt");
            Assert.Equal("Sample", source.Name);
            Assert.Equal("BTCUSDT", source.Examples["symbol"]);
            var requests = source.Root.AllRequests().ToList();
            Assert.Equal(new[] { "Order Book", "Create a ListenKey (USER_STREAM)" }, requests.Select(r => r.Name));
            var depth = requests[0];
            Assert.Equal("Weight(IP): 5", depth.Weight!.ToString());
            Assert.False(depth.IsSigned);
            Assert.Equal(new ParameterSource("limit", false, "100", "Levels per side."), depth.Parameters[1]);
            var nested = (FolderSource)source.Root.Items[1];
            Assert.Equal("Spot", ((FolderSource)nested.Items[0]).Name);
        }

        [Theory]
        [InlineData("GET /x | A | SOMETHING\n  Text.\n", "unknown security type")]
        [InlineData("GET /x | A | NONE\n  Text.\nGET /y | A | NONE\n  Text.\n", "already used")]
        [InlineData("GET /x | A | USER_DATA signed\n  Text.\n", "'signed' marks only")]
        [InlineData("GET /x | A | NONE\n", "no description")]
        [InlineData("FETCH /x | A | NONE\n", "unknown directive")]
        public void ReportsMistakesWithFileAndLine(string body, string message)
        {
            var error = Assert.Throws<FormatException>(() => CollectionSourceParser.Parse("collection T\n" + body, "t.collection.txt"));
            Assert.Contains("t.collection.txt(", error.Message);
            Assert.Contains(message, error.Message);
        }
    }
}
