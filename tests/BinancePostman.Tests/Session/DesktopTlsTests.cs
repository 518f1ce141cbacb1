using System.Net;
using BinancePostman.Session;
using Xunit;

namespace BinancePostman.Tests.Session
{
    public class DesktopTlsTests
    {
        [Fact]
        public void Tls12IsAddedToAnExplicitListAndNothingIsTakenAway()
        {
#pragma warning disable CS0618, SYSLIB0039 // the old protocols are what Windows PowerShell starts with on some machines
            SecurityProtocolType old = SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls;
            Assert.Equal(old | SecurityProtocolType.Tls12, DesktopTls.WithTls12(old));
#pragma warning restore CS0618, SYSLIB0039
            Assert.Equal(SecurityProtocolType.Tls13 | SecurityProtocolType.Tls12, DesktopTls.WithTls12(SecurityProtocolType.Tls13));
        }

        [Fact]
        public void TheSystemDefaultIsLeftToTheOperatingSystem() =>
            Assert.Equal(SecurityProtocolType.SystemDefault, DesktopTls.WithTls12(SecurityProtocolType.SystemDefault));
    }
}
