using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using BinancePostman.FakeExchange;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// N sequential signed GETs (/api/v3/account) against the fake exchange on loopback: a raw HttpClient + HMAC loop,
    /// then pwsh's own floor (a minimal binary cmdlet) and Invoke-BinanceRequest in runspaces of the same process, piped and once
    /// per loop turn, by path and by name.
    /// </summary>
    public static class RequestHarness
    {
        private const int Rounds = 3;

        /// <param name="only">run just this row (1-based, for a profiler to watch), or every row</param>
        public static async Task RunAsync(int count, int? only = null)
        {
            string vectors = Path.Combine(RepoPaths.Root, "..", "shared", "fixtures", "signing-vectors");
            await using FakeExchangeServer exchange = await FakeExchangeServer.StartAsync(vectors);
            // the exchange enforces Binance's 6,000 weight a minute by default: a benchmark measures speed, not the limit
            exchange.State.Limits = new RateLimitConfig { Weight = new System.Collections.Generic.List<WindowLimit> { new WindowLimit { Seconds = 60, Limit = 100_000_000 } } };
            string baseUri = exchange.BaseUri.ToString().TrimEnd('/');
            string apiKey = exchange.State.Keys.HmacApiKey;
            string secret = exchange.State.Keys.HmacSecret;

            double raw = await RawLoopAsync(baseUri, apiKey, secret, count / 10); // warm-up
            raw = double.MaxValue;
            for (int round = 0; round < Rounds; round++) raw = Math.Min(raw, await RawLoopAsync(baseUri, apiKey, secret, count));
            string floor = $"Invoke-FloorRequest -BaseUri '{baseUri}' -ApiKey $cred.UserName -Secret $cred.GetNetworkCredential().Password";
            var rows = new (string label, string script)[]
            {
                ("pwsh floor, piped", $"$null = $items | {floor}"),
                ("Invoke-BinanceRequest, piped endpoints", "$null = $endpoints | Invoke-BinanceRequest"),
                ("pwsh floor, once per loop turn", $"for ($i = 0; $i -lt $n; $i++) {{ $null = {floor} }}"),
                ("by path, once per loop turn", "for ($i = 0; $i -lt $n; $i++) { $null = Invoke-BinanceRequest -Method GET -Path /api/v3/account -Signed }"),
                ("by name, once per loop turn", "for ($i = 0; $i -lt $n; $i++) { $null = Invoke-BinanceRequest 'Account Information (USER_DATA)' }"),
                ("no-op cmdlet, once per loop turn", "for ($i = 0; $i -lt $n; $i++) { $null = Get-BinanceConnection }"),
            };
            if (only != null)
            {
                double t = CmdletLoop(baseUri, apiKey, secret, count, rows[only.Value - 1].script, out double onlyCpu);
                Console.WriteLine($"{rows[only.Value - 1].label}: {t * 1000 / count:0.0} us/request, {onlyCpu * 1000 / count:0.0} us of the pipeline thread's CPU (raw {raw * 1000 / count:0.0})");
                return;
            }
            double client = double.MaxValue;
            for (int round = 0; round < Rounds; round++) client = Math.Min(client, await ClientLoopAsync(baseUri, apiKey, secret, count));
            // rounds interleave the rows, so a busy moment on a shared machine does not land on one row; the best round counts
            var times = new double[rows.Length];
            var cpu = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++) times[i] = cpu[i] = double.MaxValue;
            for (int round = 0; round < Rounds; round++)
                for (int i = 0; i < rows.Length; i++)
                {
                    times[i] = Math.Min(times[i], CmdletLoop(baseUri, apiKey, secret, count, rows[i].script, out double used));
                    cpu[i] = Math.Min(cpu[i], used);
                }
            Console.WriteLine($"requests: {count} sequential signed GET /api/v3/account against the fake exchange on 127.0.0.1, in one process; best of {Rounds} rounds");
            // wall time counts the exchange's answer and every other thread; the pipeline thread's own CPU time (the synchronous
            // send does the socket work there, for the floor and the module alike) is steady under load
            Console.WriteLine($"{"path",-42} {"us/request",10} {"x raw",7} {"x floor",8} {"CPU us",8} {"x floor",8}");
            Console.WriteLine($"{"raw HttpClient + HMAC (baseline)",-42} {raw * 1000 / count,10:0.0} {1,7:0.00}");
            Console.WriteLine($"{"the module's BinanceClient alone",-42} {client * 1000 / count,10:0.0} {client / raw,7:0.00}");
            for (int i = 0; i < rows.Length; i++)
            {
                double floorTime = i < 2 ? times[0] : times[2];
                double floorCpu = i < 2 ? cpu[0] : cpu[2];
                Console.WriteLine($"{rows[i].label,-42} {times[i] * 1000 / count,10:0.0} {times[i] / raw,7:0.00} {times[i] / floorTime,8:0.00} {cpu[i] * 1000 / count,8:0.0} {cpu[i] / floorCpu,8:0.00}");
            }
            Console.WriteLine("goals: piped at most 1.5x raw and within 1.25x of the piped floor; per loop turn within 1.15x of the floor per loop turn");
        }

        private static async Task<double> RawLoopAsync(string baseUri, string apiKey, string secret, int count)
        {
            using var http = new HttpClient();
            byte[] key = Encoding.UTF8.GetBytes(secret);
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                string query = "timestamp=" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                string signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(query)));
                using var request = new HttpRequestMessage(HttpMethod.Get, baseUri + "/api/v3/account?" + query + "&signature=" + signature);
                request.Headers.Add("X-MBX-APIKEY", apiKey);
                using HttpResponseMessage response = await http.SendAsync(request);
                string body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException(body);
            }
            return watch.Elapsed.TotalMilliseconds;
        }

        private static async Task<double> ClientLoopAsync(string baseUri, string apiKey, string secret, int count)
        {
            var client = new BinancePostman.Http.BinanceClient(new HttpClient(), new BinancePostman.Http.ServerClock());
            var signer = BinancePostman.Signing.SignerFactory.Create(secret, null);
            // the module's own budget would hold it to Binance's default 6,000 a minute: give it the exchange's limit
            client.Limits.Learn(new Uri(baseUri).Authority, "/api/v3/account", new[] { new BinancePostman.Http.RateLimitRule(BinancePostman.Http.RateLimitKind.Weight, new BinancePostman.Http.RateInterval(1, 'M'), 100_000_000) });
            var request = BinancePostman.Session.RequestBuilder.PrepareRaw("GET", baseUri, "/api/v3/account", BinancePostman.Catalog.SecurityType.USER_DATA,
                Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>(), BinancePostman.Catalog.BaseUriOrigin.ForCall);
            for (int i = 0; i < count / 10; i++)
                (await client.SendAsync(request, apiKey, signer, null, new BinancePostman.Http.SendOptions(), default)).Dispose();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
                (await client.SendAsync(request, apiKey, signer, null, new BinancePostman.Http.SendOptions(), default)).Dispose();
            return watch.Elapsed.TotalMilliseconds;
        }

        /// <returns>wall time in ms; <paramref name="cpuMs"/>: the pipeline thread's own CPU time over the loop</returns>
        private static double CmdletLoop(string baseUri, string apiKey, string secret, int count, string command, out double cpuMs)
        {
            var state = InitialSessionState.CreateDefault2();
            using Runspace runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            using PowerShell ps = PowerShell.Create(runspace);
            var password = new SecureString();
            foreach (char c in secret) password.AppendChar(c);
            runspace.SessionStateProxy.SetVariable("cred", new PSCredential(apiKey, password));
            string module = Path.Combine(RepoPaths.Root, "out", "BinancePostman", "BinancePostman.psd1");
            ps.AddScript($@"
                Import-Module '{module}'
                Import-Module '{typeof(FloorRequestCommand).Assembly.Location}'
                # this process already holds BinancePostman.dll from its own bin folder, which has no bundled collections
                if (-not (Get-BinanceCollection Spot -ErrorAction SilentlyContinue)) {{ Import-BinanceCollection '{Path.Combine(RepoPaths.Root, "collections")}' }}
                Connect-Binance -Credential $cred -BaseUri '{baseUri}'
                Invoke-BinanceRequest 'Exchange Information' | Out-Null # the module learns the exchange's (high) limits
                $endpoint = Get-BinanceEndpoint 'Spot\Account Information (USER_DATA)'
                function Run([int] $n) {{ $items = 1..$n; $endpoints = @($endpoint) * $n; {command} }}
                # warm up, then let the runtime finish compiling the hot code at its optimising tier before the clock starts
                Run {count / 2}
                [System.Threading.Thread]::Sleep(500)
                Run {count / 10}
            ").Invoke();
            Throw(ps);
            ps.Commands.Clear();
            ps.AddScript($"$c = [BinancePostman.Benchmarks.ThreadCpu]::Now(); $w = [Diagnostics.Stopwatch]::StartNew(); Run {count}; $w.Elapsed.TotalMilliseconds; ([BinancePostman.Benchmarks.ThreadCpu]::Now() - $c) / 1000");
            var result = ps.Invoke();
            Throw(ps);
            cpuMs = (double)result[1].BaseObject;
            return (double)result[0].BaseObject;
        }

        private static void Throw(PowerShell ps)
        {
            if (ps.HadErrors && ps.Streams.Error.Count > 0) throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        }
    }
}
