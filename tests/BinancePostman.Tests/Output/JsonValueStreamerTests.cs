using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using BinancePostman.Output;
using Xunit;

namespace BinancePostman.Tests.Output
{
    public class JsonValueStreamerTests
    {
        /// <summary>A stream that hands out at most a few bytes per read, as a slow network would.</summary>
        private sealed class DripStream : MemoryStream
        {
            private readonly int _chunk;
            public DripStream(string text, int chunk) : base(Encoding.UTF8.GetBytes(text)) => _chunk = chunk;
            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _chunk));
        }

        private static string[] Values(string json, int chunk) =>
            new JsonValueStreamer(new DripStream(json, chunk)).Values().Select(v => Encoding.UTF8.GetString(v.ToArray())).ToArray();

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(4096)]
        public void ArrayElementsComeOneByOneWhateverTheChunking(int chunk)
        {
            string json = " [ {\"a\":[1,2,{\"b\":\"x]\"}]} , 12345678901234 ,\"s,\" , [] , -0.5e3 , true , null ] ";
            Assert.Equal(new[] { "{\"a\":[1,2,{\"b\":\"x]\"}]}", "12345678901234", "\"s,\"", "[]", "-0.5e3", "true", "null" }, Values(json, chunk));
        }

        [Fact]
        public void ANumberAtTheEndOfABufferWaitsForItsLastDigits()
        {
            string big = "[" + string.Join(",", Enumerable.Range(0, 5000).Select(i => (1000000 + i).ToString())) + "]";
            string[] values = Values(big, 4093);
            Assert.Equal(5000, values.Length);
            Assert.Equal("1004999", values[^1]);
            Assert.All(values, v => Assert.Equal(7, v.Length));
        }

        [Fact]
        public void ASingleValueAndAnEmptyArrayAndAnEmptyBody()
        {
            Assert.Equal(new[] { "{\"serverTime\":1}" }, Values("{\"serverTime\":1}", 2));
            Assert.Empty(Values("[]", 1));
            Assert.Empty(Values("  ", 1));
        }

        [Fact]
        public void AReplyCutOffSaysHowManyElementsCameFirst()
        {
            var streamer = new JsonValueStreamer(new DripStream("[[1,\"2\"],[3,\"4\"],[5,", 4));
            int seen = 0;
            var ex = Assert.Throws<JsonException>(() => { foreach (var _ in streamer.Values()) seen++; });
            Assert.Equal(2, seen);
            Assert.Contains("after 2 element(s)", ex.Message);
        }

        [Fact]
        public void GarbageBetweenElementsIsAnError()
        {
            var ex = Assert.Throws<JsonException>(() => Values("[1 2]", 16));
            Assert.Contains("expected ',' or ']'", ex.Message);
        }
    }
}

namespace BinancePostman.Tests.Output
{
    public class JsonValueStreamerConvertTests
    {
        private sealed class DripStream : MemoryStream
        {
            private readonly int _chunk;
            public DripStream(byte[] bytes, int chunk) : base(bytes) => _chunk = chunk;
            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _chunk));
        }

        private static string Klines(int rows) => "[" + string.Join(",", Enumerable.Range(0, rows).Select(i =>
            $"[{1609459200000L + i * 60000L},\"{20000 + i}.25000000\",\"1.0\",\"2.0\",\"3.0\",\"4.0\",{1609459200000L + i * 60000L + 59999},\"5.0\",{i},\"6.0\",\"7.0\",\"0\"]")) + "]";

        /// <summary>An element split across reads is read again once more bytes came: the same rows whatever the chunking.</summary>
        [Theory]
        [InlineData(1)]
        [InlineData(13)]
        [InlineData(4093)]
        [InlineData(1 << 20)]
        public void ElementsConvertedInOnePassWhateverTheChunking(int chunk)
        {
            byte[] json = Encoding.UTF8.GetBytes(Klines(300));
            var rows = new JsonValueStreamer(new DripStream(json, chunk)).Convert((ref Utf8JsonReader r) => ShapedRowReader.TryKline(ref r)).Cast<Kline>().ToList();
            Assert.Equal(300, rows.Count);
            Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), rows.Select(k => k.Trades));
            Assert.Equal(20299.25m, rows[^1].Open);
        }

        [Fact]
        public void OneLargeValueIsReadWhole()
        {
            string big = "{\"symbols\":" + Klines(5000) + "}";
            var streamer = new JsonValueStreamer(new DripStream(Encoding.UTF8.GetBytes(big), 1000));
            var values = streamer.Values().Select(v => v.Length).ToList();
            Assert.Equal(new[] { big.Length }, values);
        }

        /// <summary>A value larger than the buffer is tokenized as it arrives and converted once it is whole, not once per read.</summary>
        [Theory]
        [InlineData(1000)]
        [InlineData(1 << 20)]
        public void OneLargeValueIsConvertedAtMostTwice(int chunk)
        {
            string big = "{\"symbols\":" + Klines(5000) + ",\"n\":12}";
            int attempts = 0;
            var converter = new JsonToPSObject(false);
            var values = new JsonValueStreamer(new DripStream(Encoding.UTF8.GetBytes(big), chunk))
                .Convert((ref Utf8JsonReader r) => { attempts++; return converter.ReadValue(ref r); }).ToList();
            var obj = Assert.IsType<System.Management.Automation.PSObject>(Assert.Single(values));
            Assert.Equal(5000, ((object?[])obj.Properties["symbols"].Value).Length);
            Assert.Equal(12L, obj.Properties["n"].Value);
            Assert.InRange(attempts, 1, 2);
        }

        /// <summary>One note property per name is handed to PowerShell for every object: each object still gets its own.</summary>
        [Fact]
        public void EveryObjectHasItsOwnPropertiesAndValues()
        {
            string json = "[" + string.Join(",", Enumerable.Range(0, 300).Select(i =>
                $"{{\"symbol\":\"S{i}\",\"n\":{i * 7},\"ok\":{(i % 2 == 0 ? "true" : "false")},\"p\":\"0.01\",\"N\":-1,\"f\":[{{\"t\":{i}}}]}}")) + "]";
            var rows = new JsonValueStreamer(new DripStream(Encoding.UTF8.GetBytes(json), 97)).Convert(new JsonToPSObject(false).ReadValue)
                .Cast<System.Management.Automation.PSObject>().ToList();
            Assert.Equal(300, rows.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                var props = rows[i].Properties.ToList();
                Assert.Equal(new[] { "symbol", "n", "ok", "p", "f" }, props.Select(p => p.Name));
                Assert.Equal("S" + i, props[0].Value);
                Assert.Equal((long)i * 7, Assert.IsType<long>(props[1].Value));
                Assert.Equal(i % 2 == 0, props[2].Value);
                var inner = Assert.IsType<System.Management.Automation.PSObject>(Assert.Single((object?[])props[4].Value));
                Assert.Equal((long)i, inner.Properties["t"].Value);
            }
            Assert.NotSame(rows[0].Properties["symbol"], rows[1].Properties["symbol"]);
            rows[0].Properties["n"].Value = 99L;
            Assert.Equal(7L, rows[1].Properties["n"].Value);
        }

        [Fact]
        public void DeepNestingUpTo256IsReadAndDeeperIsAClearError()
        {
            string Nested(int depth) => new string('[', depth) + new string(']', depth);
            Assert.Single(new JsonValueStreamer(new MemoryStream(Encoding.UTF8.GetBytes("[" + Nested(255) + "]"))).Values());
            var ex = Assert.Throws<JsonException>(() => new JsonValueStreamer(new MemoryStream(Encoding.UTF8.GetBytes("[" + Nested(300) + "]"))).Values().ToList());
            Assert.Contains("depth", ex.Message);
            Assert.Contains("after 0 element(s)", ex.Message);
        }

        [Fact]
        public void TruncatedJsonInsideAnElementIsAnError()
        {
            var ex = Assert.Throws<JsonException>(() => new JsonValueStreamer(new MemoryStream(Encoding.UTF8.GetBytes("[{\"a\":1},{\"a\":\"x"))).Values().ToList());
            Assert.Contains("after 1 element(s)", ex.Message);
            Assert.Contains("ended in the middle of a value", ex.Message);
        }
    }
}
