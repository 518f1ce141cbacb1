using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace BinancePostman.FakeExchange
{
    /// <summary>One API request: faults first, then Binance's checks, then the handler; every outcome recorded.</summary>
    public static class ExchangePipeline
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static async Task HandleAsync(HttpContext context, ExchangeState state)
        {
            HttpRequest http = context.Request;
            string method = http.Method;
            string path = http.Path.Value ?? "/";
            string rawQuery = http.QueryString.HasValue ? http.QueryString.Value!.Substring(1) : "";
            string rawBody;
            using (var reader = new StreamReader(http.Body, Encoding.UTF8))
                rawBody = await reader.ReadToEndAsync();
            string? apiKey = http.Headers.TryGetValue("X-MBX-APIKEY", out var k) ? k.ToString() : null;
            long now = state.Now;
            string? clientOrderId = ClientOrderIdOf(rawQuery, rawBody);
            string connection = context.Connection.Id;
            var record = new RecordedRequest(method, path, rawQuery, rawBody, apiKey, now, clientOrderId, connection, state.CountConnectionUse(connection));
            context.Items[typeof(RecordedRequest)] = record;
            state.Record(record);

            bool pathKnown = false;
            Fault? fault = null;
            try
            {
                long? ban = state.BannedUntil();
                if (ban != null)
                {
                    context.Response.Headers["Retry-After"] = Math.Max(1, (ban.Value - now + 999) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await WriteAsync(context, 418, "application/json", $"{{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until {ban.Value}. Please use WebSocket Streams for live updates to avoid bans.\"}}");
                    return;
                }

                fault = state.TakeFault(method, path);
                record.Fault = fault?.Kind;
                if (fault != null && !fault.AfterProcessing && await ApplyFaultAsync(context, fault))
                    return;

                EndpointTable.Route? route = state.NoSapi && path.StartsWith("/sapi/", StringComparison.Ordinal) ? null : EndpointTable.Find(method, path, out pathKnown);
                if (route == null)
                {
                    if (pathKnown && !state.NoSapi) throw new ApiError(405, -1000, "Method not allowed for this path.");
                    if (!state.EchoUnknown || !EndpointTable.IsApiPath(path) || (state.NoSapi && path.StartsWith("/sapi/", StringComparison.Ordinal)))
                    {
                        await WriteAsync(context, 404, "text/html", "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>");
                        return;
                    }
                    route = new EndpointTable.Route(rawQuery.Contains("signature=", StringComparison.Ordinal) ? "USER_DATA" : apiKey != null ? "MARKET_DATA" : "NONE", 1, Handlers.Echo);
                }

                bool isOrder = method == "POST" && (path.EndsWith("/order", StringComparison.Ordinal) || path.Contains("/orderList/", StringComparison.Ordinal));
                string? orderKey = isOrder && apiKey != null && state.Keys.Find(apiKey) != null ? apiKey : null;
                var (full, ordersFull, banned) = state.Admit(route.Weight, orderKey);
                AddUsageHeaders(context, state, apiKey);
                if (full != null)
                {
                    long retry = Math.Max(1, (full.Ms - state.Now % full.Ms + 999) / 1000);
                    context.Response.Headers["Retry-After"] = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (banned) context.Response.Headers["Retry-After"] = state.Limits.BanSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    throw ordersFull
                        ? new ApiError(429, -1015, $"Too many new orders; current limit is {full.Limit} orders per {full.Suffix}.")
                        : new ApiError(429, -1003, $"Too much request weight used; current limit is {full.Limit} request weight per {full.Suffix}. Please use WebSocket Streams for live updates to avoid polling the API.");
                }

                var request = new ExchangeRequest(method, path, rawQuery, rawBody, apiKey) { Fault = fault };
                SecurityCheck.Apply(request, route.Security, state);
                if (fault?.Kind == "-1021") throw ApiError.Timestamp();
                object result = route.Handle(request, state);
                record.Processed = true;
                if (fault != null && fault.AfterProcessing && await ApplyFaultAsync(context, fault))
                    return;
                if (fault?.Kind == "oddheaders") AddOddHeaders(context);
                await WriteAsync(context, 200, "application/json;charset=UTF-8", JsonSerializer.Serialize(result, Json));
            }
            catch (ApiError error)
            {
                record.Status = error.Status;
                record.Code = error.Code;
                if (!context.Response.HasStarted)
                    await WriteAsync(context, error.Status, "application/json;charset=UTF-8", JsonSerializer.Serialize(new { code = error.Code, msg = error.Message }, Json));
            }
        }

        private static void AddUsageHeaders(HttpContext context, ExchangeState state, string? apiKey)
        {
            string? key = apiKey != null && state.Keys.Find(apiKey) != null ? apiKey : null;
            foreach (var h in state.UsageHeaders(key)) context.Response.Headers[h.Key] = h.Value;
        }

        /// <summary>Header names and values a client must survive: not numbers, negative, huge, no interval, unknown unit.</summary>
        private static void AddOddHeaders(HttpContext context)
        {
            var h = context.Response.Headers;
            h["X-MBX-USED-WEIGHT-1M"] = "abc";
            h["X-MBX-USED-WEIGHT-"] = "5";
            h["X-MBX-USED-WEIGHT-0S"] = "1";
            h["X-MBX-USED-WEIGHT-1X"] = "2";
            h["X-MBX-USED-WEIGHT-99999999999M"] = "1";
            h["X-MBX-USED-WEIGHT-1S"] = "99999999999999999999999";
            h["X-MBX-ORDER-COUNT-10S"] = "-3";
            h["Retry-After"] = "soon";
        }

        private static string? ClientOrderIdOf(string query, string body)
        {
            foreach (string raw in new[] { query, body })
                foreach (string pair in raw.Split('&'))
                    foreach (string name in new[] { "newClientOrderId=", "listClientOrderId=", "clientOrderId=" })
                        if (pair.StartsWith(name, StringComparison.Ordinal)) return Uri.UnescapeDataString(pair.Substring(name.Length));
            return null;
        }

        /// <returns>true when the fault answered (or dropped) the request itself</returns>
        private static async Task<bool> ApplyFaultAsync(HttpContext context, Fault fault)
        {
            switch (fault.Kind)
            {
                case "html403":
                    await WriteAsync(context, 403, "text/html", "<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Request blocked by the web application firewall.</p></body></html>");
                    return true;
                case "html200":
                    await WriteAsync(context, 200, "text/html", "<html><head><title>Wi-Fi login</title></head><body>Please sign in to continue.</body></html>");
                    return true;
                case "429":
                    context.Response.Headers["Retry-After"] = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await WriteAsync(context, 429, "application/json", "{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP is 6000 requests per minute.\"}");
                    return true;
                case "418":
                    context.Response.Headers["Retry-After"] = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await WriteAsync(context, 418, "application/json", "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}");
                    return true;
                case "500":
                case "502":
                case "503":
                    await WriteAsync(context, int.Parse(fault.Kind), "text/html", "<html><body>Server error</body></html>");
                    return true;
                case "-1007":
                    await WriteAsync(context, 408, "application/json", "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}");
                    return true;
                case "empty200":
                    await WriteAsync(context, 200, "application/json", "");
                    return true;
                case "truncated":
                    // a reply cut off mid-stream: part of a JSON array, then the body ends (a drop with RST would lose the data)
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("[[1577836800000,\"1\",\"1\",\"1\",\"1\",\"1\",1577836859999,\"1\",1,\"1\",\"1\",\"0\"],[1577836860000,\"1\"");
                    return true;
                case "bignumber":
                    await WriteAsync(context, 200, "application/json", "[{\"a\":1e400}]");
                    return true;
                case "badjson":
                    await WriteAsync(context, 200, "application/json", "{\"symbol\":\"BTCUSDT\",\"price\":}");
                    return true;
                case "garbage":
                {
                    var bytes = new byte[4096];
                    new Random(6).NextBytes(bytes);
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength = bytes.Length;
                    await context.Response.Body.WriteAsync(bytes);
                    return true;
                }
                case "huge":
                {
                    // a valid JSON array of SizeBytes: many small objects
                    var sb = new StringBuilder(fault.SizeBytes + 64).Append('[');
                    for (int i = 0; sb.Length < fault.SizeBytes; i++) sb.Append(i == 0 ? "" : ",").Append("{\"i\":").Append(i).Append(",\"p\":\"20000.00000000\"}");
                    await WriteAsync(context, 200, "application/json", sb.Append(']').ToString());
                    return true;
                }
                case "hugeerror":
                    await WriteAsync(context, 400, "text/html", "<html><body>" + new string('x', fault.SizeBytes) + "</body></html>");
                    return true;
                case "drip":
                {
                    // headers at once, then the body a byte at a time, then (StallMs) nothing
                    byte[] body = Encoding.UTF8.GetBytes("[{\"symbol\":\"BTCUSDT\",\"price\":\"20000.5\"},{\"symbol\":\"BNBUSDT\",\"price\":\"300.1\"}]");
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength = body.Length;
                    await context.Response.Body.FlushAsync();
                    try
                    {
                        for (int i = 0; i < body.Length; i++)
                        {
                            if (fault.StallMs > 0 && i == body.Length / 2) await Task.Delay(fault.StallMs, context.RequestAborted);
                            await context.Response.Body.WriteAsync(body.AsMemory(i, 1), context.RequestAborted);
                            await context.Response.Body.FlushAsync(context.RequestAborted);
                            if (fault.DelayMs > 0) await Task.Delay(fault.DelayMs, context.RequestAborted);
                        }
                    }
                    catch (OperationCanceledException) { }
                    return true;
                }
                case "reset":
                    context.Abort();
                    return true;
                case "close":
                    CloseGracefully(context);
                    return true;
                case "slow":
                    await Task.Delay(fault.DelayMs, context.RequestAborted).ContinueWith(_ => { });
                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Ends the connection with a FIN and no answer byte, as a proxy or a restarting load balancer does. An HTTP client
        /// that sees this on a kept-alive connection may send the request again by itself (dotnet/runtime#86714).
        /// </summary>
        private static void CloseGracefully(HttpContext context)
        {
            System.Net.Sockets.Socket? socket = context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionSocketFeature>()?.Socket;
            try
            {
                socket?.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            }
            catch (System.Net.Sockets.SocketException)
            {
                // the client left first
            }
            catch (ObjectDisposedException)
            {
            }
            context.Abort();
        }

        private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
        {
            if (context.RequestAborted.IsCancellationRequested) return;
            if (context.Items[typeof(RecordedRequest)] is RecordedRequest record) record.Status = status;
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength = bytes.Length; // as Binance sends it: no chunked encoding
            await context.Response.Body.WriteAsync(bytes);
        }
    }
}
