using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.FakeExchange;
using BinancePostman.FakeExchange.Streams;
using BinancePostman.Streams;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// Events per second from the fake exchange sending btcusdt@trade as fast as the connection takes (all in one
    /// process on loopback): a raw ClientWebSocket loop reading the same frames (the floor: no parsing, nothing kept),
    /// the module's stream core alone (connection, envelope, de-duplication, queue), and Receive-BinanceStream in a
    /// runspace into Out-Null, as objects and with -Raw. Each row's clock runs from connecting to the last event, so a
    /// large count makes the handshake negligible. Goal: the cmdlet at least half the raw rate.
    /// </summary>
    public static class StreamThroughput
    {
        private const int Rounds = 3;

        public static async Task RunAsync(int count, string stream = "btcusdt@trade")
        {
            string vectors = Path.Combine(RepoPaths.Root, "..", "shared", "fixtures", "signing-vectors");
            await using FakeExchangeServer exchange = await FakeExchangeServer.StartAsync(vectors);
            exchange.State.Streams.Settings = new StreamSettings { EventIntervalMs = 0, MaxControlMessagesPerSecond = 1000 };
            string baseUri = exchange.BaseUri.ToString().TrimEnd('/');
            var url = new Uri(StreamHosts.WebSocketRoot(exchange.BaseUri) + "/stream");

            await RawAsync(url, stream, count / 10); // warm-up
            await CoreAsync(exchange.BaseUri, stream, count / 10);
            var rows = new (string label, Func<Task<double>> run)[]
            {
                ("raw ClientWebSocket loop (floor)", () => RawAsync(url, stream, count)),
                ("stream core alone (StreamRun, no PowerShell)", () => CoreAsync(exchange.BaseUri, stream, count)),
                ("Receive-BinanceStream | Out-Null", () => Task.FromResult(Cmdlet(baseUri, stream, count, ""))),
                ("Receive-BinanceStream -Raw | Out-Null", () => Task.FromResult(Cmdlet(baseUri, stream, count, "-Raw"))),
            };
            var best = new double[rows.Length];
            for (int round = 0; round < Rounds; round++)
                for (int i = 0; i < rows.Length; i++)
                    best[i] = Math.Max(best[i], await rows[i].run());
            Console.WriteLine($"streams: {count} {stream} events sent as fast as the connection takes, fake exchange and reader in one process on 127.0.0.1; best of {Rounds} rounds");
            Console.WriteLine($"{"path",-48} {"events/s",10} {"x raw",7}");
            for (int i = 0; i < rows.Length; i++)
                Console.WriteLine($"{rows[i].label,-48} {best[i],10:N0} {best[i] / best[0],7:0.00}");
            Console.WriteLine("goal: Receive-BinanceStream into Out-Null at least 0.5x the raw loop");
        }

        private static async Task<double> RawAsync(Uri url, string stream, int count)
        {
            var watch = Stopwatch.StartNew();
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(url, CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + stream + "\"],\"id\":1}"), WebSocketMessageType.Text, true, CancellationToken.None);
            var buffer = new byte[64 * 1024];
            int messages = -1; // the subscription's answer
            while (messages < count)
            {
                ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (result.EndOfMessage) messages++;
            }
            watch.Stop();
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            return count / watch.Elapsed.TotalSeconds;
        }

        private static Task<double> CoreAsync(Uri baseUri, string stream, int count)
        {
            var timings = new StreamTimings();
            var source = new MarketStreamSource(StreamHosts.ForBaseUri(StreamApi.Spot, baseUri).MarketUrl(null), new[] { stream }, timings);
            var run = new StreamRun(new[] { source }, 1_000_000, verbose: false, timings);
            var batch = new List<StreamItem>(4096);
            int events = 0;
            var watch = Stopwatch.StartNew();
            run.Start();
            while (events < count && run.Queue.Take(batch, TimeSpan.FromSeconds(5), CancellationToken.None))
            {
                foreach (StreamItem item in batch)
                    if (item.Kind == StreamItemKind.Event) events++;
                batch.Clear();
            }
            watch.Stop();
            run.Stop();
            return Task.FromResult(events / watch.Elapsed.TotalSeconds);
        }

        private static double Cmdlet(string baseUri, string stream, int count, string extra)
        {
            using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            using PowerShell ps = PowerShell.Create(runspace);
            string module = Path.Combine(RepoPaths.Root, "out", "BinancePostman", "BinancePostman.psd1");
            ps.AddScript($@"
                Import-Module '{module}'
                Receive-BinanceStream {stream} -BaseUri '{baseUri}' -First {count / 10} {extra} | Out-Null
                $w = [Diagnostics.Stopwatch]::StartNew()
                Receive-BinanceStream {stream} -BaseUri '{baseUri}' -First {count} {extra} | Out-Null
                $w.Elapsed.TotalSeconds
            ");            var result = ps.Invoke();
            if (ps.HadErrors && ps.Streams.Error.Count > 0) throw new InvalidOperationException(ps.Streams.Error[0].ToString());
            return count / (double)result[^1].BaseObject;
        }
    }
}
