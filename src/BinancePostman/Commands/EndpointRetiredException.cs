using System;
using System.Globalization;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>A call to an endpoint Binance no longer serves, stopped before anything was sent.</summary>
    public sealed class EndpointRetiredException : InvalidOperationException
    {
        public EndpointRetiredException(Endpoint endpoint) : base(Describe(endpoint))
        {
            Endpoint = endpoint;
        }

        public Endpoint Endpoint { get; }

        internal static string Describe(Endpoint endpoint)
        {
            string since = endpoint.RetiredOn != null ? " on " + endpoint.RetiredOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            string instead = endpoint.Replacement != null ? " Use instead: " + endpoint.Replacement + "." : " Binance names no replacement.";
            return $"'{endpoint.QualifiedName}' ({endpoint.Method} {endpoint.Path}) was retired by Binance{since}: it no longer answers, so nothing was sent.{instead}";
        }
    }
}
