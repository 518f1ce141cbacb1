using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>WebSocket requests by path: market streams, listenKey streams, the WebSocket API.</summary>
    public static class StreamServer
    {
        public static Task HandleAsync(HttpContext context, ExchangeState state)
        {
            string path = context.Request.Path.Value ?? "/";
            foreach (string route in new[] { "/public", "/market", "/private", "/pm-classic", "/pm" })
                if (path.StartsWith(route + "/", StringComparison.Ordinal)) { path = path.Substring(route.Length); break; }
            if (path == "/ws-api/v3")
                return new WebSocketApiSession(context, state).RunAsync();
            if (path == "/stream")
            {
                string[] streams = ((string?)context.Request.Query["streams"] ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (streams.Any(s => !StreamEvents.Known(s))) return RefuseAsync(context);
                return new MarketSession(context, state, combined: true, streams).RunAsync();
            }
            if (path.StartsWith("/ws/", StringComparison.Ordinal))
            {
                string name = Uri.UnescapeDataString(path.Substring(4));
                if (state.Streams.ListenKeys.ContainsKey(name) || !name.Contains('@', StringComparison.Ordinal))
                    return new ListenKeySession(context, state, name).RunAsync();
                if (!StreamEvents.Known(name)) return RefuseAsync(context);
                return new MarketSession(context, state, combined: false, new[] { name }).RunAsync();
            }
            if (path == "/ws")
                return new MarketSession(context, state, combined: false, Array.Empty<string>()).RunAsync();
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }

        private static async Task RefuseAsync(HttpContext context)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"code\":-1,\"msg\":\"Invalid request\"}");
        }
    }
}
