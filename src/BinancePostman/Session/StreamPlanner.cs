using System;
using System.Collections.Generic;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Streams;

namespace BinancePostman.Session
{
    /// <summary>Turns what a stream call asked for into its sources: market streams grouped by connection, or the account's user-data source.</summary>
    internal static class StreamPlanner
    {
        /// <summary>One combined connection per route (USDs-M and options route order book streams apart from the rest), at most 1,024 streams each.</summary>
        public static IReadOnlyList<IStreamSource> Market(StreamApi api, IReadOnlyList<string> streams, StreamTarget target, StreamTimings timings, ProxySetting proxy)
        {
            if (target.Hosts.MarketBase == null) throw new StreamNotServedException(api, target.Network, Array.Empty<Catalog.BinanceNetwork>());
            var byRoute = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (string stream in streams)
            {
                string route = StreamRoutes.RouteOf(api, stream) ?? "";
                if (!byRoute.TryGetValue(route, out List<string>? list))
                {
                    byRoute[route] = list = new List<string>();
                    order.Add(route);
                }
                list.Add(stream);
            }
            var sources = new List<IStreamSource>();
            foreach (string route in order)
            {
                List<string> list = byRoute[route];
                if (list.Count > StreamNames.MaximumPerConnection) throw new TooManyStreamsException(list.Count);
                sources.Add(new MarketStreamSource(target.Hosts.MarketUrl(route.Length == 0 ? null : route), list, timings, proxy));
            }
            return sources;
        }

        /// <summary>Spot: the WebSocket API with a signature; margin: a listen token; the others: a listenKey.</summary>
        public static IStreamSource UserData(StreamApi api, StreamTarget target, ApiCredential credential, string? recvWindow, string? isolatedSymbol,
            BinanceClient client, SendOptions options, StreamTimings timings)
        {
            var rest = new StreamRest(client, target.RestBase!, target.Origin, credential.ApiKey, api, options);
            switch (api)
            {
                case StreamApi.Spot:
                    if (credential.Signer == null)
                        throw new BinanceApiException(FailureKind.ApiKey, "Spot user data is subscribed with a signature, and the key has no secret or private key. Nothing was sent.",
                            null, null, null, "userDataStream.subscribe.signature", target.Hosts.WebSocketApi) { Detail = FailureDetail.NoSigner, NothingSent = true };
                    return WebSocketApiSource.Spot(target.Hosts, credential.ApiKey, credential.Signer, recvWindow, rest, timings, options.Proxy);
                case StreamApi.Margin:
                    return WebSocketApiSource.Margin(target.Hosts, credential.ApiKey, isolatedSymbol, rest, timings, options.Proxy);
                default:
                    return new ListenKeySource(target.Hosts, rest, timings, options.Proxy);
            }
        }
    }

    /// <summary>More streams on one connection than Binance allows.</summary>
    public sealed class TooManyStreamsException : Exception
    {
        public TooManyStreamsException(int count)
            : base($"{count} streams on one connection: Binance allows at most {StreamNames.MaximumPerConnection}.")
        {
            Count = count;
        }

        public int Count { get; }
    }
}
