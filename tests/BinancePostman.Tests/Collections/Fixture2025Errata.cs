using System.Collections.Generic;

namespace BinancePostman.Tests.Collections
{
    /// <summary>
    /// Endpoints the 2025-03 fixture lists under a method or path that Binance does not serve; our collections carry
    /// the endpoint Binance documents instead (the 2026-07 generation lists it the same way). Coverage counts the
    /// fixture entry as covered when our collection has the corrected endpoint.
    /// </summary>
    internal static class Fixture2025Errata
    {
        public static readonly IReadOnlyDictionary<(string Collection, string Method, string Path), (string Method, string Path)> Corrections =
            new Dictionary<(string, string, string), (string, string)>
            {
                // "Option Margin Account Information" is a GET
                [("European Options", "DELETE", "/eapi/v1/marginAccount")] = ("GET", "/eapi/v1/marginAccount"),
                // the options user data stream lives at /eapi/v1/listenKey
                [("European Options", "POST", "/eapi/v1/userDataStream")] = ("POST", "/eapi/v1/listenKey"),
                [("European Options", "PUT", "/eapi/v1/userDataStream")] = ("PUT", "/eapi/v1/listenKey"),
                [("European Options", "DELETE", "/eapi/v1/userDataStream")] = ("DELETE", "/eapi/v1/listenKey"),
            };
    }
}
