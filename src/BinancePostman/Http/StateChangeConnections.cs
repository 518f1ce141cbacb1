using System;

namespace BinancePostman.Http
{
    /// <summary>
    /// How state changes use connections, by runtime. On .NET (PowerShell 7), SocketsHttpHandler re-sends a request on
    /// its own only while it has sent no content; state changes always carry a body (<see cref="PreparedRequest.SendsFormBody"/>),
    /// so they can share the pooled connections. .NET Framework's HttpWebRequest (Windows PowerShell 5.1) has resubmission
    /// rules of its own for kept-alive connections that fail, buffered bodies included; there, state changes go through a
    /// client of their own that asks for "Connection: close", so every state change opens a connection nobody used before
    /// and that closes after its answer: there is never a kept-alive connection to re-send on.
    /// </summary>
    internal static class StateChangeConnections
    {
        public enum Policy
        {
            /// <summary>Pooled, kept-alive connections shared with reads.</summary>
            Pooled,
            /// <summary>A new connection for each state change, closed after its answer.</summary>
            FreshConnection,
        }

        /// <param name="frameworkDescription">RuntimeInformation.FrameworkDescription, e.g. ".NET Framework 4.8.9032.0" or ".NET 9.0.1"</param>
        public static Policy For(string frameworkDescription) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase) ? Policy.FreshConnection : Policy.Pooled;
    }
}
