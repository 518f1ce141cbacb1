using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;

namespace BinancePostman.Http
{
    /// <summary>
    /// The process's HttpClients, so connections are pooled and reused across calls and runspaces: per proxy setting,
    /// one for reads and, where the runtime's HTTP stack may re-send a request on its own, one for state changes that
    /// never reuses a connection (see <see cref="StateChangeConnections"/>).
    /// </summary>
    internal static class SharedHttpClient
    {
        /// <summary>Every route of the process, one per proxy setting in use.</summary>
        public static readonly HttpRoutes Routes = new HttpRoutes(Create, StateChangeConnections.For(RuntimeInformation.FrameworkDescription));

        /// <summary>The client reads go through with the system's proxy settings.</summary>
        public static HttpClient Instance => Routes.For(ProxySetting.System).Reads;

        /// <summary>The client state changes go through with the system's proxy settings: the shared one, or on .NET Framework one of their own.</summary>
        public static HttpClient StateChanges => Routes.For(ProxySetting.System).StateChanges;

        internal static HttpClient Create(bool freshConnections) => Create(ProxySetting.System, freshConnections);

        internal static HttpClient Create(ProxySetting proxy, bool freshConnections)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                AllowAutoRedirect = false,
                UseProxy = proxy.Mode != ProxyMode.None,
            };
            if (proxy.Mode == ProxyMode.Explicit)
                handler.Proxy = proxy.CreateWebProxy();
            else if (proxy.Mode == ProxyMode.System && proxy.HasCredentials)
                handler.DefaultProxyCredentials = proxy.Credentials;
            // per-request timeouts come from a CancellationToken; the client itself never times out first
            var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("BinancePostman/" + typeof(SharedHttpClient).Assembly.GetName().Version);
            if (freshConnections) client.DefaultRequestHeaders.ConnectionClose = true;
            return client;
        }
    }
}
