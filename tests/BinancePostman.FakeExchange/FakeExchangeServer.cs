using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BinancePostman.FakeExchange
{
    /// <summary>A Binance-like exchange on 127.0.0.1 for the tests: real HTTP, Binance's checks, a control API under /__fake/.</summary>
    public sealed class FakeExchangeServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeExchangeServer(WebApplication app, ExchangeState state, Uri baseUri)
        {
            _app = app;
            State = state;
            BaseUri = baseUri;
        }

        public ExchangeState State { get; }
        public Uri BaseUri { get; }

        public static async Task<FakeExchangeServer> StartAsync(string signingVectorsDir, int port = 0)
        {
            var state = new ExchangeState(new FakeKeys(signingVectorsDir));
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            WebApplication app = builder.Build();
            app.UseWebSockets();
            app.Run(context => context.Request.Path.StartsWithSegments("/__fake")
                ? ControlApi.HandleAsync(context, state)
                : context.WebSockets.IsWebSocketRequest
                    ? Streams.StreamServer.HandleAsync(context, state)
                    : ExchangePipeline.HandleAsync(context, state));
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new FakeExchangeServer(app, state, new Uri(address.Replace("[::1]", "127.0.0.1")));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>GET requests, connections, streamlog; POST reset, POST config (clock, faults, echo, noSapi, keyPermissions, streams, wsFaults), POST keys: for tests in another process.</summary>
    internal static class ControlApi
    {
        public static async Task HandleAsync(HttpContext context, ExchangeState state)
        {
            string path = context.Request.Path.Value!;
            context.Response.ContentType = "application/json";
            switch (path)
            {
                case "/__fake/requests":
                    await context.Response.WriteAsync(JsonSerializer.Serialize(state.Requests));
                    return;
                case "/__fake/connections":
                    await context.Response.WriteAsync(JsonSerializer.Serialize(state.Streams.Connections));
                    return;
                case "/__fake/streamlog":
                    await context.Response.WriteAsync(JsonSerializer.Serialize(state.Streams.Log));
                    return;
                case "/__fake/reset":
                    state.Reset();
                    await context.Response.WriteAsync("{}");
                    return;
                case "/__fake/config":
                    using (JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body))
                        Configure(state, doc.RootElement);
                    await context.Response.WriteAsync("{}");
                    return;
                case "/__fake/keys":
                    using (JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body))
                        AddKey(state, doc.RootElement);
                    await context.Response.WriteAsync("{}");
                    return;
                default:
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsync("{}");
                    return;
            }
        }

        private static void Configure(ExchangeState state, JsonElement config)
        {
            if (config.TryGetProperty("clockOffsetMs", out JsonElement offset)) state.ClockOffsetMs = offset.GetInt64();
            if (config.TryGetProperty("echoUnknown", out JsonElement echo)) state.EchoUnknown = echo.GetBoolean();
            if (config.TryGetProperty("noSapi", out JsonElement noSapi)) state.NoSapi = noSapi.GetBoolean();
            // { "keyPermissions": { "enableWithdrawals": true, "ipRestrict": false, "apiKey": "optional: one key, else all" } }
            if (config.TryGetProperty("keyPermissions", out JsonElement permissions))
            {
                string? only = permissions.TryGetProperty("apiKey", out JsonElement k) ? k.GetString() : null;
                foreach (FakeKey key in state.Keys.All)
                {
                    if (only != null && key.ApiKey != only) continue;
                    if (permissions.TryGetProperty("enableWithdrawals", out JsonElement w)) key.EnableWithdrawals = w.GetBoolean();
                    if (permissions.TryGetProperty("ipRestrict", out JsonElement ip)) key.IpRestrict = ip.GetBoolean();
                }
            }
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            if (config.TryGetProperty("fault", out JsonElement fault))
                state.AddFault(fault.Deserialize<Fault>(options)!);
            if (config.TryGetProperty("faults", out JsonElement faults) && faults.ValueKind == JsonValueKind.Array)
                foreach (JsonElement f in faults.EnumerateArray()) state.AddFault(f.Deserialize<Fault>(options)!);
            // { "streams": { "eventIntervalMs": 20, "pingIntervalMs": 100, ... } } replaces the stream settings whole
            if (config.TryGetProperty("streams", out JsonElement streams))
                state.Streams.Settings = streams.Deserialize<Streams.StreamSettings>(options)!;
            if (config.TryGetProperty("wsFaults", out JsonElement wsFaults) && wsFaults.ValueKind == JsonValueKind.Array)
                foreach (JsonElement f in wsFaults.EnumerateArray()) state.Streams.AddFault(f.Deserialize<Streams.StreamFault>(options)!);
            if (config.TryGetProperty("rateLimits", out JsonElement limits))
                state.Limits = limits.Deserialize<RateLimitConfig>(options)!;
        }

        private static void AddKey(ExchangeState state, JsonElement key)
        {
            string apiKey = key.GetProperty("apiKey").GetString()!;
            if (key.TryGetProperty("secret", out JsonElement secret)) state.Keys.AddHmac(apiKey, secret.GetString()!);
            else if (key.TryGetProperty("ed25519PublicKey", out JsonElement ed)) state.Keys.AddEd25519(apiKey, ed.GetString()!);
            FakeKey? added = state.Keys.Find(apiKey);
            if (added != null && key.TryGetProperty("enableWithdrawals", out JsonElement w)) added.EnableWithdrawals = w.GetBoolean();
        }
    }
}
