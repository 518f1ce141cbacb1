using System.Management.Automation;
using System.Text;
using BinancePostman.Output;
using Xunit;

namespace BinancePostman.Tests.Output
{
    /// <summary>24-hour tickers become StreamMiniTicker and StreamTicker objects; anything they cannot hold stays a PSObject with every field.</summary>
    public class StreamTickerReadingTests
    {
        private const string Mini = "{\"e\":\"24hrMiniTicker\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"c\":\"0.0025\",\"o\":\"0.0010\",\"h\":\"0.0025\",\"l\":\"0.0010\",\"v\":\"10000\",\"q\":\"18\"}";

        private const string SpotTicker = "{\"e\":\"24hrTicker\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"p\":\"0.0015\",\"P\":\"250.00\",\"w\":\"0.0018\","
            + "\"x\":\"0.0009\",\"c\":\"0.0025\",\"Q\":\"10\",\"b\":\"0.0024\",\"B\":\"10\",\"a\":\"0.0026\",\"A\":\"100\",\"o\":\"0.0010\",\"h\":\"0.0025\","
            + "\"l\":\"0.0010\",\"v\":\"10000\",\"q\":\"18\",\"O\":0,\"C\":86400000,\"F\":0,\"L\":18150,\"n\":18151}";

        private static object? Read(string json, string? stream = null) => new StreamEventReader().Read(stream, null, Encoding.UTF8.GetBytes(json));

        [Fact]
        public void AMiniTickerIsAStreamMiniTickerWithDecimalPricesAndMillisecondTimes()
        {
            var t = Assert.IsType<StreamMiniTicker>(Read(Mini, "bnbbtc@miniTicker"));
            Assert.Equal("BNBBTC", t.Symbol);
            Assert.Equal(0.0025m, t.LastPrice);
            Assert.Equal(0.0010m, t.LowPrice);
            Assert.Equal(18m, t.QuoteVolume);
            Assert.Equal(1672515782136L, t.EventTime);
            Assert.Equal("bnbbtc@miniTicker", t.Stream);
        }

        [Fact]
        public void ASpotTickerHasTheChangeTheWindowAndTheBestBidAndAsk()
        {
            var t = Assert.IsType<StreamTicker>(Read(SpotTicker));
            Assert.Equal(250.00m, t.PriceChangePercent);
            Assert.Equal(0.0009m, t.PrevClosePrice);
            Assert.Equal(0.0024m, t.BidPrice);
            Assert.Equal(100m, t.AskQty);
            Assert.Equal(86400000L, t.CloseTime - t.OpenTime);
            Assert.Equal(18151L, t.Count);
            Assert.Equal(18150L, t.LastId);
        }

        [Fact]
        public void AFuturesTickerHasNoBookFieldsAndCoinMCarriesItsPair()
        {
            string usdm = "{\"e\":\"24hrTicker\",\"E\":123456789,\"s\":\"BTCUSDT\",\"p\":\"0.0015\",\"P\":\"250.00\",\"w\":\"0.0018\",\"c\":\"0.0025\",\"Q\":\"10\","
                + "\"o\":\"0.0010\",\"h\":\"0.0025\",\"l\":\"0.0010\",\"v\":\"10000\",\"q\":\"18\",\"O\":0,\"C\":86400000,\"F\":0,\"L\":18150,\"n\":18151}";
            var t = Assert.IsType<StreamTicker>(Read(usdm));
            Assert.Null(t.BidPrice);
            Assert.Null(t.PrevClosePrice);
            string coinm = usdm.Replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTCUSD_PERP\",\"ps\":\"BTCUSD\"");
            var c = Assert.IsType<StreamTicker>(Read(coinm));
            Assert.Equal("BTCUSD", c.Pair);
            Assert.Equal("BTCUSD_PERP", c.Symbol);
        }

        [Fact]
        public void AnArrayOfTickersIsOneObjectPerElement()
        {
            var all = Assert.IsType<object[]>(Read("[" + Mini + "," + Mini.Replace("BNBBTC", "ETHBTC") + "]", "!miniTicker@arr"));
            Assert.Equal(2, all.Length);
            Assert.Equal("ETHBTC", Assert.IsType<StreamMiniTicker>(all[1]).Symbol);
        }

        [Theory]
        [InlineData("\"z\":\"1\"")]          // a field Binance adds later
        [InlineData("\"c\":\"not a number\"")] // a value of the wrong kind (a duplicate "c": the last one counts)
        public void ATickerTheClassCannotHoldStaysAPSObjectWithEveryField(string extra)
        {
            string json = Mini.TrimEnd('}') + "," + extra + "}";
            var obj = Assert.IsType<PSObject>(Read(json));
            Assert.Equal("BinancePostman.StreamEvent.24hrMiniTicker", obj.TypeNames[0]);
            Assert.Equal("BNBBTC", obj.Properties["symbol"].Value);
        }

        [Fact]
        public void AMiniTickerWithoutAPriceIsNotAClassObjectWithZeros()
        {
            string json = Mini.Replace(",\"c\":\"0.0025\"", "");
            Assert.IsType<PSObject>(Read(json));
        }
    }
}
