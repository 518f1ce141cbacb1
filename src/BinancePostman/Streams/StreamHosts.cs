using System;
using System.Collections.Generic;
using BinancePostman.Catalog;

namespace BinancePostman.Streams
{
    /// <summary>
    /// Where an API streams on a network, or under a base URI the user named (a proxy, a local exchange), which then
    /// serves every path itself. Sources, as of 2026-08: Binance's spot docs (stream.binance.com:9443, ws-api.binance.com,
    /// the testnet hosts) and its connectors' host tables (binance-connector-python common/constants.py: fstream/dstream,
    /// the *.binancefuture.com testnets, demo-stream and demo-ws-api); the demo futures hosts demo-fstream and
    /// demo-dstream as Binance.Net and other connectors use them. USDs-M and options streams on fstream.binance.com are
    /// routed by path: /public for order book streams, /market for the rest, /private for user data (a connection with no
    /// route gets /public data only, silently).
    /// </summary>
    public sealed class StreamHosts
    {
        private StreamHosts(StreamApi api, string? market, bool routed, string? userData, string? webSocketApi)
        {
            Api = api;
            MarketBase = market;
            Routed = routed;
            UserDataBase = userData;
            WebSocketApi = webSocketApi;
        }

        public StreamApi Api { get; }
        /// <summary>Market streams' base (wss://host[:port]); null when the API has none here.</summary>
        public string? MarketBase { get; }
        /// <summary>Market streams go to /public or /market under the base, user data to /private.</summary>
        public bool Routed { get; }
        /// <summary>User data by listenKey: the base that /ws/&lt;listenKey&gt; goes under.</summary>
        public string? UserDataBase { get; }
        /// <summary>The WebSocket API's URL (spot and margin user data subscribe there).</summary>
        public string? WebSocketApi { get; }

        private static readonly Dictionary<(StreamApi, BinanceNetwork), StreamHosts> Known = new Dictionary<(StreamApi, BinanceNetwork), StreamHosts>
        {
            [(StreamApi.Spot, BinanceNetwork.Production)] = new StreamHosts(StreamApi.Spot, "wss://stream.binance.com:9443", false, null, "wss://ws-api.binance.com:443/ws-api/v3"),
            [(StreamApi.Spot, BinanceNetwork.Testnet)] = new StreamHosts(StreamApi.Spot, "wss://stream.testnet.binance.vision", false, null, "wss://ws-api.testnet.binance.vision/ws-api/v3"),
            [(StreamApi.Spot, BinanceNetwork.Demo)] = new StreamHosts(StreamApi.Spot, "wss://demo-stream.binance.com:9443", false, null, "wss://demo-ws-api.binance.com/ws-api/v3"),
            // margin has no testnet or demo: its listen token comes from /sapi on production only
            [(StreamApi.Margin, BinanceNetwork.Production)] = new StreamHosts(StreamApi.Margin, null, false, null, "wss://ws-api.binance.com:443/ws-api/v3"),
            [(StreamApi.UsdM, BinanceNetwork.Production)] = new StreamHosts(StreamApi.UsdM, "wss://fstream.binance.com", true, "wss://fstream.binance.com/private", null),
            [(StreamApi.UsdM, BinanceNetwork.Testnet)] = new StreamHosts(StreamApi.UsdM, "wss://fstream.binancefuture.com", true, "wss://fstream.binancefuture.com/private", null),
            [(StreamApi.UsdM, BinanceNetwork.Demo)] = new StreamHosts(StreamApi.UsdM, "wss://demo-fstream.binance.com", true, "wss://demo-fstream.binance.com/private", null),
            [(StreamApi.CoinM, BinanceNetwork.Production)] = new StreamHosts(StreamApi.CoinM, "wss://dstream.binance.com", false, "wss://dstream.binance.com", null),
            [(StreamApi.CoinM, BinanceNetwork.Testnet)] = new StreamHosts(StreamApi.CoinM, "wss://dstream.binancefuture.com", false, "wss://dstream.binancefuture.com", null),
            [(StreamApi.CoinM, BinanceNetwork.Demo)] = new StreamHosts(StreamApi.CoinM, "wss://demo-dstream.binance.com", false, "wss://demo-dstream.binance.com", null),
            [(StreamApi.Options, BinanceNetwork.Production)] = new StreamHosts(StreamApi.Options, "wss://fstream.binance.com", true, "wss://fstream.binance.com/private", null),
            // the options REST testnet is the futures testnet's host; its streams are taken to be the futures testnet's too
            [(StreamApi.Options, BinanceNetwork.Testnet)] = new StreamHosts(StreamApi.Options, "wss://fstream.binancefuture.com", true, "wss://fstream.binancefuture.com/private", null),
            [(StreamApi.PortfolioMargin, BinanceNetwork.Production)] = new StreamHosts(StreamApi.PortfolioMargin, null, false, "wss://fstream.binance.com/pm", null),
        };

        /// <summary>The API's hosts on the network; null when Binance serves no stream of it there.</summary>
        public static StreamHosts? For(StreamApi api, BinanceNetwork network) =>
            Known.TryGetValue((api, network), out StreamHosts? hosts) ? hosts : null;

        /// <summary>The networks the API streams on.</summary>
        public static IReadOnlyList<BinanceNetwork> NetworksOf(StreamApi api)
        {
            var networks = new List<BinanceNetwork>();
            foreach (BinanceNetwork n in new[] { BinanceNetwork.Production, BinanceNetwork.Testnet, BinanceNetwork.Demo })
                if (Known.ContainsKey((api, n))) networks.Add(n);
            return networks;
        }

        /// <summary>
        /// Everything under one base URI, with Binance's paths: /stream (or /public/stream and /market/stream), /ws/&lt;listenKey&gt;
        /// under /private or /pm where Binance puts it, /ws-api/v3. http(s) becomes ws(s); a path in the base is kept.
        /// </summary>
        public static StreamHosts ForBaseUri(StreamApi api, Uri baseUri)
        {
            string root = WebSocketRoot(baseUri);
            bool routed = api == StreamApi.UsdM || api == StreamApi.Options;
            string userData = routed ? root + "/private" : api == StreamApi.PortfolioMargin ? root + "/pm" : root;
            bool market = api != StreamApi.Margin && api != StreamApi.PortfolioMargin;
            bool wsApi = api == StreamApi.Spot || api == StreamApi.Margin;
            return new StreamHosts(api, market ? root : null, routed, api == StreamApi.Spot || api == StreamApi.Margin ? null : userData, wsApi ? root + "/ws-api/v3" : null);
        }

        /// <summary>ws:// or wss:// and the base's path without a trailing slash.</summary>
        public static string WebSocketRoot(Uri baseUri)
        {
            string scheme = baseUri.Scheme == Uri.UriSchemeHttps || baseUri.Scheme == "wss" ? "wss" : "ws";
            var builder = new UriBuilder(baseUri) { Scheme = scheme, Query = "", Fragment = "" };
            if (baseUri.IsDefaultPort) builder.Port = -1;
            return builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        /// <summary>The combined-stream URL for a route ("public", "market", or null when the API is not routed).</summary>
        public Uri MarketUrl(string? route) =>
            new Uri(MarketBase + (Routed && route != null ? "/" + route : "") + "/stream");

        /// <summary>The raw stream of a listenKey.</summary>
        public Uri UserDataUrl(string listenKey) => new Uri(UserDataBase + "/ws/" + Uri.EscapeDataString(listenKey));
    }
}
