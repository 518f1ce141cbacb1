using System.Net;

namespace BinancePostman.Session
{
    /// <summary>
    /// Binance accepts TLS 1.2 and later only. Windows PowerShell 5.1 runs on .NET Framework, where HttpClient follows
    /// ServicePointManager.SecurityProtocol; on machines without the SchUseStrongCrypto registry setting that is "Ssl3,
    /// Tls" and the first request fails with "Could not create SSL/TLS secure channel". On import there, TLS 1.2 is
    /// added to whatever the process allows (nothing is taken away); "SystemDefault" (0) is left alone: the OS decides.
    /// </summary>
    internal static class DesktopTls
    {
        private const SecurityProtocolType SystemDefault = 0;

        public static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
            current == SystemDefault ? current : current | SecurityProtocolType.Tls12;

        public static void Ensure() => ServicePointManager.SecurityProtocol = WithTls12(ServicePointManager.SecurityProtocol);
    }
}
