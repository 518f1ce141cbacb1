using BinancePostman.Orders;
using Xunit;

namespace BinancePostman.Tests.Orders
{
    public class DecimalGridTests
    {
        [Theory]
        [InlineData("0.00100000", "0.00100000", true)]
        [InlineData("0.001", "0.00100000", true)]
        [InlineData("0.0015", "0.001", false)]
        [InlineData("12345.67", "0.01000000", true)]
        [InlineData("12345.675", "0.01", false)]
        [InlineData("7.5", "2.5", true)]
        [InlineData("7.4", "2.5", false)]
        [InlineData("0.3", "0.1", true)]
        [InlineData("123", "0", true)]
        public void OnStepIsExactWithTrailingZeros(string value, string step, bool onStep)
        {
            Assert.Equal(onStep, DecimalGrid.IsOnStep(decimal.Parse(value), decimal.Parse(step)));
        }

        [Theory]
        [InlineData("0.12345", "0.001", "0", "0.123", "0.124")]
        [InlineData("0.123", "0.00100000", "0", "0.123", "0.123")]
        [InlineData("556.85", "0.10", "556.80", "556.80", "556.90")]
        [InlineData("556.81", "0.25", "556.80", "556.80", "557.05")]
        [InlineData("-0.5", "1", "0", "-1", "0")]
        [InlineData("19999.999", "0.01", "0", "19999.99", "20000.00")]
        public void FloorAndCeilLandOnTheGridFromItsOrigin(string value, string step, string origin, string floor, string ceil)
        {
            decimal v = decimal.Parse(value), s = decimal.Parse(step), o = decimal.Parse(origin);
            Assert.Equal(decimal.Parse(floor), DecimalGrid.FloorToStep(v, s, o));
            Assert.Equal(decimal.Parse(ceil), DecimalGrid.CeilToStep(v, s, o));
        }

        [Theory]
        [InlineData("0.00100000", 3, "0.001")]
        [InlineData("10.00000000", 0, "10")]
        [InlineData("0.00000000", 0, "0")]
        [InlineData("1234.5678", 4, "1234.5678")]
        [InlineData("0.00000001", 8, "0.00000001")]
        public void ScaleAndFormatDropTrailingZeros(string value, int scale, string formatted)
        {
            decimal v = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(scale, DecimalGrid.Scale(v));
            Assert.Equal(formatted, DecimalGrid.Format(v));
        }

        [Fact]
        public void FormatIsInvariantWithoutExponent()
        {
            var saved = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                Assert.Equal("0.00000001", DecimalGrid.Format(0.00000001m));
                Assert.Equal("1234567.5", DecimalGrid.Format(1234567.50m));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = saved;
            }
        }

        [Fact]
        public void ScaleRoundingGoesTheAskedWay()
        {
            Assert.Equal(1.2345m, DecimalGrid.FloorToScale(1.23456789m, 4));
            Assert.Equal(1.2346m, DecimalGrid.CeilToScale(1.23450001m, 4));
            Assert.Equal(1.2345m, DecimalGrid.CeilToScale(1.23450000m, 4));
        }
    }
}
