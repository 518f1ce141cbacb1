using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using BinancePostman.Output;
using Xunit;

namespace BinancePostman.Tests.Output
{
    public class ShapedRowReaderTests
    {
        [Theory]
        [InlineData("0")]
        [InlineData("20000.00000000")]
        [InlineData("0.01633102")]
        [InlineData("-123.4500")]
        [InlineData("9999999999999999999")]
        [InlineData("0.0000000000000000001")]
        [InlineData("184467440737095516.1")]
        [InlineData("00012.50")]
        public void PlainDecimalsParseAsDecimalParseDoes(string text)
        {
            Assert.True(ShapedRowReader.TryParsePlainDecimal(Encoding.ASCII.GetBytes(text), out decimal fast));
            decimal expected = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            Assert.Equal(expected, fast);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), fast.ToString(CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("")]
        [InlineData("-")]
        [InlineData(".5")]
        [InlineData("1.")]
        [InlineData("1.2.3")]
        [InlineData("1e5")]
        [InlineData(" 1")]
        [InlineData("12345678901234567890")]
        [InlineData("-0.0")]
        public void AnythingElseIsLeftToTheFullParser(string text)
        {
            Assert.False(ShapedRowReader.TryParsePlainDecimal(Encoding.ASCII.GetBytes(text), out _));
        }

        private static object? ReadOne(string json, JsonElementReader read)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return read(ref reader);
        }

        [Fact]
        public void AKlineRowBecomesAKline()
        {
            string row = "[1499040000000,\"0.01634790\",\"0.80000000\",\"0.01575800\",\"0.01577100\",\"148976.11427815\",1499644799999,\"2434.19055334\",308,\"1756.87402397\",\"28.46694368\",\"0\"]";
            var k = (Kline)ReadOne(row, (ref Utf8JsonReader r) => ShapedRowReader.TryKline(ref r))!;
            Assert.Equal(new DateTime(2017, 7, 3, 0, 0, 0, DateTimeKind.Utc), k.OpenTime);
            Assert.Equal(DateTimeKind.Utc, k.OpenTime.Kind);
            Assert.Equal("0.01634790", k.Open.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(0.80000000m, k.High);
            Assert.Equal(1499644799999L, new DateTimeOffset(k.CloseTime).ToUnixTimeMilliseconds());
            Assert.Equal(308, k.Trades);
            Assert.Equal(28.46694368m, k.TakerBuyQuoteVolume);
            Assert.Equal(1499040000000L, k.OpenTimeMs);
        }

        [Theory]
        [InlineData("[1499040000000,\"1\",\"1\",\"1\",\"1\",\"1\",1499644799999,\"1\",308,\"1\"]")]      // too short
        [InlineData("[1499040000000,\"x\",\"1\",\"1\",\"1\",\"1\",1499644799999,\"1\",308,\"1\",\"1\"]")] // not a price
        [InlineData("[\"1499040000000\",\"1\",\"1\",\"1\",\"1\",\"1\",1499644799999,\"1\",308,\"1\",\"1\"]")] // time as text
        [InlineData("{\"openTime\":1}")]
        public void ARowOfAnotherFormIsNotAKline(string row)
        {
            Assert.Null(ReadOne(row, (ref Utf8JsonReader r) => ShapedRowReader.TryKline(ref r)));
        }

        [Fact]
        public void AggregateTradesOfSpotAndFutures()
        {
            var spot = (AggregateTrade)ReadOne("{\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.70443515\",\"f\":27781,\"l\":27782,\"T\":1498793709153,\"m\":true,\"M\":false}",
                (ref Utf8JsonReader r) => ShapedRowReader.TryAggregateTrade(ref r))!;
            Assert.Equal(26129, spot.AggregateTradeId);
            Assert.Equal("0.01633102", spot.Price.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(27782, spot.LastTradeId);
            Assert.True(spot.IsBuyerMaker);
            Assert.False(spot.IsBestMatch);
            var futures = (AggregateTrade)ReadOne("{\"a\":1,\"p\":\"2\",\"q\":\"3\",\"f\":4,\"l\":5,\"T\":1498793709153,\"m\":false}",
                (ref Utf8JsonReader r) => ShapedRowReader.TryAggregateTrade(ref r))!;
            Assert.Null(futures.IsBestMatch);
            Assert.Null(ReadOne("{\"a\":1,\"p\":\"2\",\"q\":\"3\",\"T\":1,\"extra\":1}", (ref Utf8JsonReader r) => ShapedRowReader.TryAggregateTrade(ref r)));
        }
    }
}
