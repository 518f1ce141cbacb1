using System;
using BinancePostman.Orders;
using Xunit;

namespace BinancePostman.Tests.Orders
{
    public class SymbolFilterCacheTests
    {
        private DateTimeOffset _now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private SymbolFilterCache NewCache() => new SymbolFilterCache(TimeSpan.FromMinutes(10), () => _now);

        [Fact]
        public void KeepsEverySymbolOfAReplyPerHostAndApiForItsLifetime()
        {
            SymbolFilterCache cache = NewCache();
            cache.Put("api.binance.com", OrderApi.Spot, ExchangeInfoReader.Read(FilterSamples.Spot, OrderApi.Spot).Values);
            Assert.Equal(3, cache.Count);
            Assert.True(cache.TryGet("API.binance.com", OrderApi.Spot, "bnbusdt", out SymbolFilters? bnb, out DateTimeOffset at));
            Assert.Equal("BNBUSDT", bnb!.Symbol);
            Assert.Equal(_now, at);
            Assert.False(cache.TryGet("api.binance.com", OrderApi.UsdM, "BNBUSDT", out _, out _));
            Assert.False(cache.TryGet("testnet.binance.vision", OrderApi.Spot, "BNBUSDT", out _, out _));

            _now += TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1);
            Assert.True(cache.TryGet("api.binance.com", OrderApi.Spot, "BTCUSDT", out _, out _));
            _now += TimeSpan.FromTicks(1);
            Assert.False(cache.TryGet("api.binance.com", OrderApi.Spot, "BTCUSDT", out _, out _));
        }

        [Theory]
        [InlineData(-1013, true)]
        [InlineData(-1111, true)]
        [InlineData(-2010, false)]
        [InlineData(-1021, false)]
        [InlineData(null, false)]
        public void AnOrderRejectedForItsNumbersDropsTheSymbolsFilters(int? code, bool dropped)
        {
            SymbolFilterCache cache = NewCache();
            cache.Put("fapi.binance.com", OrderApi.UsdM, ExchangeInfoReader.Read(FilterSamples.UsdM, OrderApi.UsdM).Values);
            Assert.Equal(dropped, cache.InvalidateOnRejection("fapi.binance.com", "BTCUSDT", code));
            Assert.Equal(!dropped, cache.TryGet("fapi.binance.com", OrderApi.UsdM, "BTCUSDT", out _, out _));
        }

        [Fact]
        public void InvalidateDropsOneSymbolOnOneHost()
        {
            SymbolFilterCache cache = NewCache();
            var spot = ExchangeInfoReader.Read(FilterSamples.Spot, OrderApi.Spot).Values;
            cache.Put("a", OrderApi.Spot, spot);
            cache.Put("b", OrderApi.Spot, spot);
            Assert.True(cache.Invalidate("a", "BTCUSDT", OrderApi.Spot));
            Assert.False(cache.TryGet("a", OrderApi.Spot, "BTCUSDT", out _, out _));
            Assert.True(cache.TryGet("a", OrderApi.Spot, "BNBUSDT", out _, out _));
            Assert.True(cache.TryGet("b", OrderApi.Spot, "BTCUSDT", out _, out _));
            cache.Clear();
            Assert.Equal(0, cache.Count);
        }
    }
}
