using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.FakeExchange;
using BinancePostman.FakeExchange.Streams;
using BinancePostman.Http;
using BinancePostman.Session;
using BinancePostman.Signing;
using BinancePostman.Streams;

namespace BinancePostman.Tests.Streams
{
    /// <summary>A run against the in-process fake exchange, with everything it handed out collected for the assertions.</summary>
    internal sealed class StreamHarness : IAsyncDisposable
    {
        private StreamHarness(FakeExchangeServer exchange) => Exchange = exchange;

        public FakeExchangeServer Exchange { get; }
        public StreamHub Hub => Exchange.State.Streams;
        public List<StreamItem> Items { get; } = new List<StreamItem>();

        public static async Task<StreamHarness> StartAsync(StreamSettings settings)
        {
            var exchange = await FakeExchangeServer.StartAsync(Fixtures.SigningVectors);
            exchange.State.Streams.Settings = settings;
            return new StreamHarness(exchange);
        }

        public StreamHosts Hosts(StreamApi api) => StreamHosts.ForBaseUri(api, Exchange.BaseUri);

        /// <summary>Test timings: Binance's, but short back-offs and handshakes.</summary>
        public static StreamTimings Timings(Action<StreamTimings>? change = null)
        {
            var t = new StreamTimings
            {
                FirstReconnectDelay = TimeSpan.FromMilliseconds(20),
                MaximumReconnectDelay = TimeSpan.FromMilliseconds(200),
                HandshakeTimeout = TimeSpan.FromSeconds(5),
                CloseTimeout = TimeSpan.FromSeconds(1),
                OverlapGrace = TimeSpan.FromMilliseconds(150),
                ControlMessagesPerSecond = 4,
            };
            change?.Invoke(t);
            return t;
        }

        /// <summary>Runs the sources, draining as a pipeline would, until <paramref name="until"/> holds or the time is up; then stops the run.</summary>
        public StreamRun Run(IReadOnlyList<IStreamSource> sources, StreamTimings timings, TimeSpan limit, Func<StreamHarness, bool>? until = null, int buffer = 100000)
        {
            var run = new StreamRun(sources, buffer, verbose: true, timings);
            run.Start();
            DateTime end = DateTime.UtcNow + limit;
            var batch = new List<StreamItem>();
            while (DateTime.UtcNow < end)
            {
                batch.Clear();
                if (!run.Queue.Take(batch, TimeSpan.FromMilliseconds(20), CancellationToken.None)) break;
                lock (Items) Items.AddRange(batch);
                if (until != null && until(this)) break;
            }
            run.Stop();
            batch.Clear();
            while (run.Queue.Take(batch, TimeSpan.Zero, CancellationToken.None) && batch.Count > 0)
            {
                lock (Items) Items.AddRange(batch);
                batch.Clear();
            }
            return run;
        }

        public IEnumerable<StreamItem> Of(StreamItemKind kind) => Items.Where(i => i.Kind == kind);

        public IEnumerable<JsonElement> Events(string? stream = null) =>
            Of(StreamItemKind.Event).Where(e => stream == null || e.Stream == stream).Select(e => JsonDocument.Parse(e.Data!).RootElement);

        public string Logs => string.Join("\n", Of(StreamItemKind.Log).Select(l => l.Message));

        public string Problems => string.Join("\n", Items.Where(i => i.Kind != StreamItemKind.Event && i.Kind != StreamItemKind.Log)
            .Select(i => $"{i.Kind}: {i.Stream} {i.Code} {i.Message} {i.Error?.Message}"));

        /// <summary>The REST side through the module's client, with the HMAC test key (or the given key).</summary>
        public IStreamRest Rest(StreamApi api, string? apiKey = null)
        {
            var client = new BinanceClient(SharedHttpClient.Create(freshConnections: false), new ServerClock());
            return new StreamRest(client, Exchange.BaseUri.ToString().TrimEnd('/'), BaseUriOrigin.ForCall, apiKey ?? Exchange.State.Keys.HmacApiKey, api,
                new SendOptions { Timeout = TimeSpan.FromSeconds(5), Retry = new RetryPolicy(0, TimeSpan.FromMilliseconds(10)) });
        }

        public IRequestSigner HmacSigner => SignerFactory.Create(Exchange.State.Keys.HmacSecret, null);

        public static IRequestSigner PemSigner(string file) => SignerFactory.Create(File.ReadAllText(Path.Combine(Fixtures.SigningVectors, file)), null);

        public async ValueTask DisposeAsync() => await Exchange.DisposeAsync();
    }
}
