using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.FakeExchange
{
    /// <summary>
    /// Runs the fake exchange as a process for the Pester tests: prints "Listening on http://127.0.0.1:PORT" and
    /// serves until its standard input closes or it is stopped. With --proxy it runs the loopback forward proxy instead.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            int port = 0;
            string? keys = null;
            for (int i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--port") port = int.Parse(args[i + 1]);
                if (args[i] == "--keys") keys = args[i + 1];
            }
            if (Array.IndexOf(args, "--proxy") >= 0)
            {
                await using ForwardProxy proxy = ForwardProxy.Start(port);
                Console.WriteLine("Listening on " + proxy.Address.ToString().TrimEnd('/'));
                Console.Out.Flush();
                await UntilStoppedAsync();
                return 0;
            }
            if (keys == null || !File.Exists(Path.Combine(keys, "vectors.json")))
            {
                Console.Error.WriteLine("usage: BinancePostman.FakeExchange --keys <signing-vectors folder> [--port N]");
                return 2;
            }
            await using FakeExchangeServer server = await FakeExchangeServer.StartAsync(keys, port);
            Console.WriteLine("Listening on " + server.BaseUri.ToString().TrimEnd('/'));
            Console.Out.Flush();
            await UntilStoppedAsync();
            return 0;
        }

        private static async Task UntilStoppedAsync()
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
            // stdin closing (the test process ending) stops the server too
            _ = Task.Run(() => { Console.In.ReadToEnd(); stop.Cancel(); });
            try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
        }
    }
}
