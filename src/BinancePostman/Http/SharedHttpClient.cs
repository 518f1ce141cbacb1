using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;

namespace BinancePostman.Http
{
    /// <summary>
    /// The process's HttpClients, so connections are pooled and reused across calls and runspaces: one for reads and,
    /// where the runtime's HTTP stack may re-send a request on its own, one for state changes that never reuses a
    /// connection (see <see cref="StateChangeConnections"/>).
    /// </summary>
    internal static class SharedHttpClient
    {
        public static readonly HttpClient Instance = Create(freshConnections: false);

        /// <summary>The client state changes go through: the shared one, or on .NET Framework one of their own.</summary>
        public static readonly HttpClient StateChanges =
            StateChangeConnections.For(RuntimeInformation.FrameworkDescription) == StateChangeConnections.Policy.FreshConnection
                ? Create(freshConnections: true)
                : Instance;

        internal static HttpClient Create(bool freshConnections)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                AllowAutoRedirect = false,
            };
            // per-request timeouts come from a CancellationToken; the client itself never times out first
            var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("BinancePostman/" + typeof(SharedHttpClient).Assembly.GetName().Version);
            if (freshConnections) client.DefaultRequestHeaders.ConnectionClose = true;
            return client;
        }
    }
}
