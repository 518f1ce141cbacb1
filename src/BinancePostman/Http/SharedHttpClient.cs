using System;
using System.Net;
using System.Net.Http;

namespace BinancePostman.Http
{
    /// <summary>One HttpClient for the process, so connections are pooled and reused across calls and runspaces.</summary>
    internal static class SharedHttpClient
    {
        public static readonly HttpClient Instance = Create();

        private static HttpClient Create()
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
            return client;
        }
    }
}
