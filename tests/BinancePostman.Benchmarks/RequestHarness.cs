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
    /// then Invoke-BinanceRequest in a runspace of the same process. Goal: the cmdlet path within 1.5x of raw.
    /// </summary>
    public static class RequestHarness
    {
        public static async Task RunAsync(int count)
        {
            string vectors = Path.Combine(RepoPaths.Root, "..", "shared", "fixtures", "signing-vectors");
            await using FakeExchangeServer exchange = await FakeExchangeServer.StartAsync(vectors);
            // the exchange enforces Binance's 6,000 weight a minute by default: a benchmark measures speed, not the limit
            exchange.State.Limits = new RateLimitConfig { Weight = new System.Collections.Generic.List<WindowLimit> { new WindowLimit { Seconds = 60, Limit = 100_000_000 } } };
            string baseUri = exchange.BaseUri.ToString().TrimEnd('/');
            string apiKey = exchange.State.Keys.HmacApiKey;
            string secret = exchange.State.Keys.HmacSecret;

            double raw = await RawLoopAsync(baseUri, apiKey, secret, count / 10); // warm-up
            raw = await RawLoopAsync(baseUri, apiKey, secret, count);
            double cmdlet = CmdletLoop(baseUri, apiKey, secret, count, "Invoke-BinanceRequest 'Account Information (USER_DATA)'");
            double rawText = CmdletLoop(baseUri, apiKey, secret, count, "Invoke-BinanceRequest -Method GET -Path /api/v3/account -Signed -Raw");
            double client = await ClientLoopAsync(baseUri, apiKey, secret, count);
            double noop = CmdletLoop(baseUri, apiKey, secret, count, "Get-BinanceConnection");
            Console.WriteLine($"requests: {count} sequential signed GET /api/v3/account against the fake exchange on 127.0.0.1");
            Console.WriteLine($"raw HttpClient + HMAC:   {raw,9:0.0} ms total, {raw * 1000 / count,7:0.0} us/request");
            Console.WriteLine($"Invoke-BinanceRequest:   {cmdlet,9:0.0} ms total, {cmdlet * 1000 / count,7:0.0} us/request");
            Console.WriteLine($"ratio cmdlet/raw: {cmdlet / raw:0.00}x (goal: within 1.5x)");
            Console.WriteLine($"breakdown: raw path, text out (-Method/-Path -Raw): {rawText * 1000 / count:0.0} us/request; a no-op cmdlet in the same loop: {noop * 1000 / count:0.0} us; the module's BinanceClient alone: {client * 1000 / count:0.0} us/request");
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
            var request = BinancePostman.Http.RequestBuilder.PrepareRaw("GET", baseUri, "/api/v3/account", BinancePostman.Catalog.SecurityType.USER_DATA,
                Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>(), BinancePostman.Catalog.BaseUriOrigin.ForCall);
            for (int i = 0; i < count / 10; i++)
                (await client.SendAsync(request, apiKey, signer, null, TimeSpan.FromSeconds(30), null, default)).Dispose();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
                (await client.SendAsync(request, apiKey, signer, null, TimeSpan.FromSeconds(30), null, default)).Dispose();
            return watch.Elapsed.TotalMilliseconds;
        }

        private static double CmdletLoop(string baseUri, string apiKey, string secret, int count, string command)
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
                # this process already holds BinancePostman.dll from its own bin folder, which has no bundled collections
                if (-not (Get-BinanceCollection Spot -ErrorAction SilentlyContinue)) {{ Import-BinanceCollection '{Path.Combine(RepoPaths.Root, "collections")}' }}
                Connect-Binance -Credential $cred -BaseUri '{baseUri}'
                Invoke-BinanceRequest 'Exchange Information' | Out-Null # the module learns the exchange's (high) limits
                function Run([int] $n) {{ for ($i = 0; $i -lt $n; $i++) {{ $null = {command} }} }}
                Run {count / 10}
            ").Invoke();
            Throw(ps);
            ps.Commands.Clear();
            ps.AddScript($"$w = [Diagnostics.Stopwatch]::StartNew(); Run {count}; $w.Elapsed.TotalMilliseconds");
            var result = ps.Invoke();
            Throw(ps);
            return (double)result[0].BaseObject;
        }

        private static void Throw(PowerShell ps)
        {
            if (ps.HadErrors && ps.Streams.Error.Count > 0) throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        }
    }
}
