using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using BinancePostman.Catalog;
using BinancePostman.Http;
using BinancePostman.Output;
using BinancePostman.Session;
using BinancePostman.Signing;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// `requests-pieces`: the module's own work per request, piece by piece, with no network and no runspace: planning by
    /// endpoint and by path, the wire bytes and signature, and the reply's conversion. For finding where time goes.
    /// </summary>
    public static class RequestPieces
    {
        public static void Run(int count)
        {
            ClientOverhead(count).GetAwaiter().GetResult();
            var catalog = new EndpointCatalog();
            foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "collections"), "*.json"))
                catalog.AddCollection(PostmanCollectionReader.ReadFile(file));
            foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "environments"), "*.json", SearchOption.AllDirectories))
                catalog.AddEnvironment(PostmanEnvironmentReader.ReadFile(file));
            var session = new SessionSnapshot(BinanceNetwork.Production, new Uri("http://127.0.0.1:5000"), null, "Spot", null);
            Endpoint account = catalog.FindByName("Spot\\Account Information (USER_DATA)")[0];
            IRequestSigner signer = SignerFactory.Create("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", null);
            byte[] reply = Encoding.UTF8.GetBytes("{\"makerCommission\":15,\"canTrade\":true,\"canWithdraw\":false,\"updateTime\":1796230573416,\"accountType\":\"SPOT\",\"balances\":[{\"asset\":\"BTC\",\"free\":\"1.00000000\",\"locked\":\"0.00000000\"},{\"asset\":\"USDT\",\"free\":\"10000.00000000\",\"locked\":\"0.00000000\"}],\"permissions\":[\"SPOT\"]}");

            Time("plan by endpoint", count, () => RequestPlanner.ForEndpoint(account, new RequestValues(), TargetOptions.None, session, catalog));
            Time("plan by path", count, () => RequestPlanner.ForPath("GET", "/api/v3/account", SecurityType.USER_DATA, new RequestValues(), TargetOptions.None, session, catalog));
            PreparedRequest request = RequestPlanner.ForEndpoint(account, new RequestValues(), TargetOptions.None, session, catalog).Request;
            Time("wire bytes and HMAC", count, () => WireRequest.Build(request, signer, 1499827319559, null));
            Time("reply to objects", count, () =>
            {
                var streamer = new JsonValueStreamer(new MemoryStream(reply));
                return streamer.Convert(ResponseShapes.Reader("/api/v3/account", false)).Count();
            });
        }

        /// <summary>A synchronous raw send and read, against the client's send on the waiting thread, on the same fake exchange.</summary>
        private static async System.Threading.Tasks.Task ClientOverhead(int count)
        {
            string vectors = Path.Combine(RepoPaths.Root, "..", "shared", "fixtures", "signing-vectors");
            await using BinancePostman.FakeExchange.FakeExchangeServer exchange = await BinancePostman.FakeExchange.FakeExchangeServer.StartAsync(vectors);
            exchange.State.Limits = new BinancePostman.FakeExchange.RateLimitConfig { Weight = new List<BinancePostman.FakeExchange.WindowLimit> { new BinancePostman.FakeExchange.WindowLimit { Seconds = 60, Limit = 100_000_000 } } };
            string baseUri = exchange.BaseUri.ToString().TrimEnd('/');
            string apiKey = exchange.State.Keys.HmacApiKey;
            byte[] key = Encoding.UTF8.GetBytes(exchange.State.Keys.HmacSecret);
            using var http = new System.Net.Http.HttpClient();
            using var shared = SharedHttpClient.Create(freshConnections: false);
            Func<object> Raw(System.Net.Http.HttpClient client, bool headersRead, bool token) => () =>
            {
                string query = "timestamp=" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                string signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(query)));
                using var message = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, baseUri + "/api/v3/account?" + query + "&signature=" + signature);
                message.Headers.Add("X-MBX-APIKEY", apiKey);
                using var cts = token ? new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30)) : null;
                using var response = client.Send(message, headersRead ? System.Net.Http.HttpCompletionOption.ResponseHeadersRead : System.Net.Http.HttpCompletionOption.ResponseContentRead,
                    cts?.Token ?? default);
                return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            };
            for (int round = 0; round < 2; round++)
            {
                Time("raw sync send + read", count, Raw(http, false, false));
                Time("  the module's handler", count, Raw(shared, false, false));
                Time("  headers read, token", count, Raw(shared, true, true));
            }
            var client = new BinanceClient(new System.Net.Http.HttpClient(), new ServerClock());
            client.Limits.Learn(new Uri(baseUri).Authority, "/api/v3/account", new[] { new RateLimitRule(RateLimitKind.Weight, new RateInterval(1, 'M'), 100_000_000) });
            IRequestSigner signer = SignerFactory.Create(exchange.State.Keys.HmacSecret, null);
            var request = RequestBuilder.PrepareRaw("GET", baseUri, "/api/v3/account", SecurityType.USER_DATA, Array.Empty<KeyValuePair<string, string>>(), BaseUriOrigin.ForCall);
            Time("client send + read", count, () =>
            {
                var options = new SendOptions { WaitingThreadId = Environment.CurrentManagedThreadId };
                var task = client.SendAsync(request, apiKey, signer, null, options, default);
                if (!task.IsCompleted) throw new InvalidOperationException("the send did not complete on this thread");
                using BinanceReply reply = task.GetAwaiter().GetResult();
                return reply.ReadText();
            });
        }

        private static void Time(string label, int count, Func<object> work)
        {
            for (int i = 0; i < count / 10; i++) work();
            var watch = Stopwatch.StartNew();
            double cpu = ThreadCpu.Now();
            for (int i = 0; i < count; i++) work();
            cpu = ThreadCpu.Now() - cpu;
            Console.WriteLine($"{label,-24} {watch.Elapsed.TotalMilliseconds * 1000 / count,8:0.00} us, this thread's CPU {cpu / count,7:0.00} us");
        }
    }
}
