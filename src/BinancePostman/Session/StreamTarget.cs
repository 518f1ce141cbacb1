using System;
using System.Collections.Generic;
using BinancePostman.Catalog;
using BinancePostman.Streams;

namespace BinancePostman.Session
{
    /// <summary>
    /// Where a stream goes, in the order a request's host is decided: the call's base URI, else the call's named
    /// environment (its network), else the session's base URI, else the network (the call's, else the session's) in
    /// Binance's host table. A base URI serves every path itself, REST (listenKey, listen token, server time) included.
    /// </summary>
    public sealed class StreamTarget
    {
        private StreamTarget(StreamHosts hosts, string? restBase, BinanceNetwork network, BaseUriOrigin origin)
        {
            Hosts = hosts;
            RestBase = restBase;
            Network = network;
            Origin = origin;
        }

        public StreamHosts Hosts { get; }
        /// <summary>The REST base for the API's listenKey, listen token and clock; null when not asked for.</summary>
        public string? RestBase { get; }
        public BinanceNetwork Network { get; }
        /// <summary>Where the REST base came from, for the host check of the calls that carry the key.</summary>
        public BaseUriOrigin Origin { get; }

        public static StreamTarget For(StreamApi api, bool needsRest, TargetOptions options, SessionSnapshot session, EndpointCatalog catalog)
        {
            BinanceNetwork network = options.Network ?? session.Network;
            if (options.BaseUri != null)
                return new StreamTarget(StreamHosts.ForBaseUri(api, options.BaseUri), HttpRoot(options.BaseUri), network, BaseUriOrigin.ForCall);
            PostmanEnvironment? named = null;
            if (!string.IsNullOrEmpty(options.EnvironmentName))
                named = catalog.FindEnvironment(options.EnvironmentName!) ?? throw new EnvironmentNotFoundException(options.EnvironmentName!);
            if (named == null && session.BaseUri != null)
                return new StreamTarget(StreamHosts.ForBaseUri(api, session.BaseUri), HttpRoot(session.BaseUri), network, BaseUriOrigin.ForSession);
            if (named?.Network != null) network = named.Network.Value;
            StreamHosts hosts = StreamHosts.For(api, network) ?? throw new StreamNotServedException(api, network, StreamHosts.NetworksOf(api));
            RequestTarget? rest = needsRest ? RequestTarget.ForPath(api.RestPath(), options, session, catalog) : null;
            return new StreamTarget(hosts, rest?.BaseUri, network, rest?.Origin ?? BaseUriOrigin.Unknown);
        }

        /// <summary>http(s) for REST under a base given as ws(s) or http(s).</summary>
        private static string HttpRoot(Uri baseUri)
        {
            string scheme = baseUri.Scheme == "wss" || baseUri.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
            var builder = new UriBuilder(baseUri) { Scheme = scheme, Query = "", Fragment = "" };
            if (baseUri.IsDefaultPort) builder.Port = -1;
            return builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
    }

    /// <summary>Binance streams no data of this API on this network.</summary>
    public sealed class StreamNotServedException : Exception
    {
        public StreamNotServedException(StreamApi api, BinanceNetwork network, IReadOnlyList<BinanceNetwork> offered)
            : base($"Binance streams no {api.DisplayName()} data on {network}" + (offered.Count > 0 ? $": only on {string.Join(", ", offered)}." : "."))
        {
            Api = api;
            Network = network;
            Offered = offered;
        }

        public StreamApi Api { get; }
        public BinanceNetwork Network { get; }
        public IReadOnlyList<BinanceNetwork> Offered { get; }
    }
}
