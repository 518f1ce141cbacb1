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

            int status = 200;
            int? code = null;
            bool pathKnown = false;
            try
            {
                Fault? fault = state.TakeFault(path);
                if (fault != null && await ApplyFaultAsync(context, fault))
                {
                    status = context.Response.StatusCode;
                    return;
                }

                EndpointTable.Route? route = state.NoSapi && path.StartsWith("/sapi/", StringComparison.Ordinal) ? null : EndpointTable.Find(method, path, out pathKnown);
                if (route == null)
                {
                    if (pathKnown && !state.NoSapi) throw new ApiError(405, -1000, "Method not allowed for this path.");
                    if (!state.EchoUnknown || !EndpointTable.IsApiPath(path) || (state.NoSapi && path.StartsWith("/sapi/", StringComparison.Ordinal)))
                    {
                        status = 404;
                        await WriteAsync(context, 404, "text/html", "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>");
                        return;
                    }
                    route = new EndpointTable.Route(rawQuery.Contains("signature=", StringComparison.Ordinal) ? "USER_DATA" : apiKey != null ? "MARKET_DATA" : "NONE", 1, Handlers.Echo);
                }

                var request = new ExchangeRequest(method, path, rawQuery, rawBody, apiKey) { Fault = fault };
                SecurityCheck.Apply(request, route.Security, state);
                if (fault?.Kind == "-1021") throw ApiError.Timestamp();
                object result = route.Handle(request, state);
                context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = state.AddWeight(route.Weight).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(context, 200, "application/json;charset=UTF-8", JsonSerializer.Serialize(result, Json));
            }
            catch (ApiError error)
            {
                status = error.Status;
                code = error.Code;
                await WriteAsync(context, error.Status, "application/json;charset=UTF-8", JsonSerializer.Serialize(new { code = error.Code, msg = error.Message }, Json));
            }
            finally
            {
                state.Record(new RecordedRequest(method, path, rawQuery, rawBody, apiKey, now, status, code));
            }
        }

        /// <returns>true when the fault answered (or dropped) the request itself</returns>
        private static async Task<bool> ApplyFaultAsync(HttpContext context, Fault fault)
        {
            switch (fault.Kind)
            {
                case "html403":
                    await WriteAsync(context, 403, "text/html", "<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Request blocked by the web application firewall.</p></body></html>");
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
                case "reset":
                    context.Abort();
                    return true;
                case "slow":
                    await Task.Delay(fault.DelayMs, context.RequestAborted).ContinueWith(_ => { });
                    return false;
                default:
                    return false;
            }
        }

        private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
        {
            if (context.RequestAborted.IsCancellationRequested) return;
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength = bytes.Length; // as Binance sends it: no chunked encoding
            await context.Response.Body.WriteAsync(bytes);
        }
    }
}
