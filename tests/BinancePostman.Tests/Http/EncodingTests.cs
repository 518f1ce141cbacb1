using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using BinancePostman.Session;
using BinancePostman.Catalog;
using BinancePostman.Http;
using BinancePostman.Signing;
using Xunit;

namespace BinancePostman.Tests.Http
{
    public class EncodingTests
    {
        [Theory]
        [InlineData("BTCUSDT", "BTCUSDT")]
        [InlineData("a b", "a%20b")]
        [InlineData("1+1=2&x%", "1%2B1%3D2%26x%25")]
        [InlineData("sub@example.com", "sub%40example.com")]
        [InlineData("["+"\"A\""+"]", "%5B%22A%22%5D")]
        [InlineData("币安", "%E5%B8%81%E5%AE%89")]
        [InlineData("-_.~", "-_.~")]
        public void PercentEncodingIsRfc3986(string value, string expected) => Assert.Equal(expected, PercentEncoder.Encode(value));

        [Fact]
        public void EmptyValuesAreNeverSent()
        {
            var pairs = new[] { new KeyValuePair<string, string>("a", "1"), new KeyValuePair<string, string>("b", ""), new KeyValuePair<string, string>("c", "3") };
            Assert.Equal("a=1&c=3", PercentEncoder.Join(pairs));
        }

        [Theory]
        [InlineData(0.00000001, "0.00000001")]
        [InlineData(1e-8, "0.00000001")]
        [InlineData(1.5e20, "150000000000000000000")]
        [InlineData(-2.5e-5, "-0.000025")]
        [InlineData(123.456, "123.456")]
        public void DoublesHaveNoExponent(double value, string expected) => Assert.Equal(expected, ParameterValueFormatter.Format(value));

        [Fact]
        public void DecimalsKeepEveryDigitWhateverTheCulture()
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal("123456789.123456789", ParameterValueFormatter.Format(123456789.123456789m));
                Assert.Equal("0.10", ParameterValueFormatter.Format(0.10m));
                Assert.Equal("1234.5", ParameterValueFormatter.Format(1234.5));
                Assert.Equal("1000000", ParameterValueFormatter.Format(1000000));
            }
            finally { CultureInfo.CurrentCulture = saved; }
        }

        [Fact]
        public void BooleansTimesArraysAndDictionaries()
        {
            Assert.Equal("true", ParameterValueFormatter.Format(true));
            Assert.Equal("1700000000000", ParameterValueFormatter.Format(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc)));
            Assert.Equal("1700000000000", ParameterValueFormatter.Format(new DateTimeOffset(2023, 11, 15, 0, 13, 20, TimeSpan.FromHours(2))));
            Assert.Equal("[\"BTCUSDT\",\"BNBUSDT\"]", ParameterValueFormatter.Format(new[] { "BTCUSDT", "BNBUSDT" }));
            Assert.Equal("[1,2.5]", ParameterValueFormatter.Format(new object[] { 1, 2.5m }));
            Assert.Equal("{\"a\":\"x\",\"b\":[true]}", ParameterValueFormatter.Format(new System.Collections.Specialized.OrderedDictionary { ["a"] = "x", ["b"] = new[] { true } }));
            Assert.Equal("symbols=%5B%22BTCUSDT%22%2C%22BNBUSDT%22%5D",
                PercentEncoder.Join(new[] { new KeyValuePair<string, string>("symbols", ParameterValueFormatter.Format(new[] { "BTCUSDT", "BNBUSDT" })!) }));
            Assert.Null(ParameterValueFormatter.Format(null));
        }

        [Fact]
        public void SignedRequestsGetTimestampThenSignatureLast()
        {
            var request = RequestBuilder.PrepareRaw("GET", "https://x", "/api/v3/account", SecurityType.USER_DATA,
                new[] { new KeyValuePair<string, string>("symbol", "１２３４５６") });
            IRequestSigner signer = SignerFactory.Create("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", null);
            WireRequest wire = WireRequest.Build(request, signer, 1499827319559, "5000");
            Assert.Equal("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&recvWindow=5000&timestamp=1499827319559", wire.Payload);
            Assert.Equal(wire.Payload + "&signature=" + wire.Signature, wire.Query);
            Assert.Equal(signer.Sign(wire.Payload!), wire.Signature);
        }

        [Fact]
        public void UnsignedRequestsCarryNoTimestamp()
        {
            var request = RequestBuilder.PrepareRaw("GET", "https://x", "/api/v3/depth", SecurityType.NONE, new[] { new KeyValuePair<string, string>("symbol", "BTCUSDT") });
            WireRequest wire = WireRequest.Build(request, null, null, null);
            Assert.Equal("symbol=BTCUSDT", wire.Query);
            Assert.Null(wire.Signature);
        }
    }
}
