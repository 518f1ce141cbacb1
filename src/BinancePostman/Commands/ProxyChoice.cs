using System;
using System.Management.Automation;
using BinancePostman.Http;

namespace BinancePostman.Commands
{
    /// <summary>
    /// -Proxy, -ProxyCredential, -ProxyUseDefaultCredentials and -NoProxy as one <see cref="ProxySetting"/>, checked
    /// before anything is sent. Without -Proxy the credentials go to the system's proxy. No message repeats a credential.
    /// </summary>
    internal static class ProxyChoice
    {
        private static readonly string[] Schemes = { "http", "https", "socks4", "socks4a", "socks5" };

        public static ProxySetting From(BinanceConnectionCmdlet cmdlet)
        {
            Uri? proxy = cmdlet.Proxy;
            PSCredential? proxyCredential = cmdlet.ProxyCredential;
            bool useDefault = cmdlet.ProxyUseDefaultCredentials.IsPresent, noProxy = cmdlet.NoProxy.IsPresent;
            if (noProxy && (proxy != null || proxyCredential != null || useDefault))
                Refuse(cmdlet, "-NoProxy sends straight to the exchange: it cannot go with -Proxy, -ProxyCredential or -ProxyUseDefaultCredentials.", "NoProxy");
            if (proxyCredential != null && useDefault)
                Refuse(cmdlet, "Give either -ProxyCredential or -ProxyUseDefaultCredentials, not both.", "ProxyCredential");
            if (noProxy) return ProxySetting.None;

            var credential = proxyCredential?.GetNetworkCredential();
            if (proxy == null) return ProxySetting.SystemWith(credential, useDefault);

            if (!proxy.IsAbsoluteUri || Array.IndexOf(Schemes, proxy.Scheme.ToLowerInvariant()) < 0)
                Refuse(cmdlet, "-Proxy takes the proxy's address with its scheme, such as http://proxy.example.com:8080 (http, https, socks4, socks4a or socks5).", "Proxy");
            if (proxy.UserInfo.Length > 0)
                // not repeated: it holds a password
                Refuse(cmdlet, "-Proxy holds a user name or password. Give them with -ProxyCredential instead: an address is shown in verbose output and errors.", "Proxy");
            return ProxySetting.Through(proxy, credential, useDefault);
        }

        private static void Refuse(PSCmdlet cmdlet, string message, string parameter) =>
            cmdlet.ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message, parameter), "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Run Get-Help about_BinancePostman and read PROXIES." },
            });
    }
}
