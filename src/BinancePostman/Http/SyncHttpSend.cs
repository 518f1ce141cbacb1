using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;

namespace BinancePostman.Http
{
    /// <summary>
    /// HttpClient.Send, the synchronous send of .NET 5 and later (PowerShell 7), found at run time since the module is
    /// built for netstandard2.0. A cmdlet that waits for its call anyway sends on its own thread with it: the reply wakes
    /// that thread directly, instead of a socket thread handing the reply to a pool thread that then wakes the pipeline
    /// thread. Absent on .NET Framework (Windows PowerShell), where every send is asynchronous.
    /// </summary>
    internal static class SyncHttpSend
    {
        private static readonly Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? SendMethod = Find();
        private static int _refused;

        /// <summary>True when this runtime can send synchronously and no handler has refused to.</summary>
        public static bool Available => SendMethod != null && Volatile.Read(ref _refused) == 0;

        /// <summary>
        /// Sends a request without content synchronously (content written synchronously needs an override netstandard2.0
        /// cannot make). Should a handler in the chain refuse, nothing was sent; the failure is reported as a connection
        /// failure, so a read is sent again, and from then on every send is asynchronous.
        /// </summary>
        public static HttpResponseMessage Send(HttpClient http, HttpRequestMessage message, CancellationToken cancel)
        {
            try
            {
                return SendMethod!(http, message, HttpCompletionOption.ResponseHeadersRead, cancel);
            }
            catch (NotSupportedException ex)
            {
                Interlocked.Exchange(ref _refused, 1);
                throw new HttpRequestException("The HTTP handler cannot send synchronously; the request was not sent.", ex);
            }
        }

        private static Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? Find()
        {
            MethodInfo? send = typeof(HttpClient).GetMethod("Send", BindingFlags.Public | BindingFlags.Instance, null,
                new[] { typeof(HttpRequestMessage), typeof(HttpCompletionOption), typeof(CancellationToken) }, null);
            if (send == null) return null;
            return (Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>)Delegate.CreateDelegate(
                typeof(Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>), send);
        }
    }
}
