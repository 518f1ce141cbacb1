using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.Signing;

namespace BinancePostman.Http
{
    /// <summary>
    /// One attempt on the wire: the request's exact bytes (encoded, signed), the HTTP exchange, the usage headers into
    /// the budget, and the reply as a stream, as text, or as a failure with what the exchange said.
    /// </summary>
    internal sealed class HttpExchange
    {
        private readonly HttpRoutes _routes;
        private readonly RateLimitTracker _limits;

        public HttpExchange(HttpRoutes routes, RateLimitTracker limits)
        {
            _routes = routes;
            _limits = limits;
        }

        public async Task<BinanceReply> SendOnceAsync(PreparedRequest request, string? apiKey, IRequestSigner? signer, long? timestamp, string? recvWindow,
            RateLimitTracker.Reservation reservation, SendOptions options, CancellationToken cancel)
        {
            var wire = WireRequest.Build(request, signer, timestamp, recvWindow);
            string url = request.BaseUri + request.Path + (wire.Query.Length > 0 ? "?" + wire.Query : "");
            string safeUrl = RequestFailures.Redact(url, wire.Signature);

            using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
            foreach (HeaderEntry h in request.Headers)
                message.Headers.TryAddWithoutValidation(h.Name, h.Value);
            if (request.NeedsApiKey && apiKey != null)
                message.Headers.TryAddWithoutValidation(ModuleParameters.ApiKeyHeader, apiKey);
            if (request.RawBody != null)
                message.Content = new SingleUseContent(Encoding.UTF8.GetBytes(request.RawBody), request.RawBodyContentType ?? "application/json");
            else if (wire.Body.Length > 0 || request.SendsFormBody)
                message.Content = new SingleUseContent(Encoding.UTF8.GetBytes(wire.Body), "application/x-www-form-urlencoded");
            HttpRoute route = _routes.For(options.Proxy);
            Uri target = message.RequestUri!;
            // which proxy the request goes through: worked out only when something needs it (a log line, proxy credentials, a failure)
            Uri? via = null;
            bool viaKnown = false;
            Uri? Via()
            {
                if (!viaKnown) { via = route.ProxyFor(target); viaKnown = true; }
                return via;
            }
            if (route.AuthorizationFor(target, Via) is string authorization)
                message.Headers.TryAddWithoutValidation("Proxy-Authorization", authorization);
            HttpClient http = RetryPolicy.IsRead(request.Method) ? route.Reads
                : route.Proxy.HasCredentials ? route.StateChangesTo(target, Via())
                : route.StateChanges;

            if (options.Log != null)
                options.Log($"{request.Method} {safeUrl}" + (wire.Body.Length > 0 ? " with body " + RequestFailures.Redact(wire.Body, wire.Signature) : "")
                    + (Via() is Uri proxy ? " via " + ProxySetting.Display(proxy) : ""));
            var cts = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            cts.CancelAfter(options.Timeout);
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await TransportAsync(http, message, options, cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                _limits.Complete(reservation, null);
                cts.Dispose();
                throw RequestFailures.Unanswered(request, safeUrl, FailureKind.Timeout, $"No reply from {request.Method} {safeUrl} within {options.Timeout.TotalSeconds:0.#} s.", null);
            }
            catch (HttpRequestException ex) when (RequestFailures.IsProxyFailure(ex) && Via() != null)
            {
                _limits.Complete(reservation, null);
                cts.Dispose();
                throw RequestFailures.ProxyUnreachable(request, safeUrl, via!, ex);
            }
            catch (HttpRequestException ex)
            {
                _limits.Complete(reservation, null);
                cts.Dispose();
                throw RequestFailures.Unanswered(request, safeUrl, FailureKind.Connection, $"{request.Method} {safeUrl} failed: {RequestFailures.Innermost(ex).Message}", ex);
            }
            catch
            {
                _limits.Complete(reservation, null);
                cts.Dispose();
                throw;
            }
            watch.Stop();
            try
            {
                return await ReadReplyAsync(request, response, reservation, safeUrl, watch.ElapsedMilliseconds, options, Via, cts.Token).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
            finally
            {
                // the body's own idle timeout covers the rest of the read
                cts.Dispose();
            }
        }

        /// <summary>Synchronously on a thread that waits for the call anyway (see <see cref="SendOptions.WaitingThreadId"/>), else asynchronously.</summary>
        private static async Task<HttpResponseMessage> TransportAsync(HttpClient http, HttpRequestMessage message, SendOptions options, CancellationToken cancel)
        {
            if (message.Content == null && options.WaitingThreadId != 0 && options.WaitingThreadId == Environment.CurrentManagedThreadId && SyncHttpSend.Available)
                return SyncHttpSend.Send(http, message, cancel);
            return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        }

        private async Task<BinanceReply> ReadReplyAsync(PreparedRequest request, HttpResponseMessage response, RateLimitTracker.Reservation reservation,
            string safeUrl, long elapsedMs, SendOptions options, Func<Uri?> via, CancellationToken cancel)
        {
            int status = (int)response.StatusCode;
            string? contentType = response.Content.Headers.ContentType?.ToString();
            var head = ReplyHead.Of(response);
            Dictionary<string, string> headers = head.Joined();
            _limits.Complete(reservation, headers);
            if (options.Log != null)
            {
                string usage = string.Join(", ", new BinanceReply(status, contentType, null, null, "", headers, 0, safeUrl, head).UsageHeaders());
                options.Log($"HTTP {status} in {elapsedMs} ms{(usage.Length > 0 ? "; used " + usage : "")}");
            }
            if (status < 200 || status > 299)
            {
                string errorBody = await ReadTextAsync(response, request, safeUrl, cancel).ConfigureAwait(false);
                if (status == 407) throw RequestFailures.ProxyRefused(request, safeUrl, via(), head);
                BinanceApiException failure = ReplyInterpreter.ToException(status, contentType, errorBody, request.Method, safeUrl, request.Path);
                if (status == 429 || status == 418) failure.RetryAfter = RateLimitHeaders.RetryAfter(headers);
                failure.Reply = head;
                throw failure;
            }
            if (!LooksLikeJson(contentType))
            {
                // a proxy or captive portal page is read whole (it is small) and reported, never parsed
                string text = await ReadTextAsync(response, request, safeUrl, cancel).ConfigureAwait(false);
                BinanceApiException? notJson = ReplyInterpreter.CheckSuccessBody(status, contentType, text, request.Method, safeUrl);
                if (notJson != null)
                {
                    notJson.Reply = head;
                    throw notJson;
                }
                return new BinanceReply(status, contentType, response, null, text, headers, elapsedMs, safeUrl, head);
            }
            System.IO.Stream body = new IdleTimeoutStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), options.Timeout, response.Dispose);
            if (ExchangeInfoLimits.IsExchangeInfoPath(request.Path))
                body = await LearnLimitsAsync(request, body, safeUrl, options.Log, cancel).ConfigureAwait(false);
            return new BinanceReply(status, contentType, response, body, null, headers, elapsedMs, safeUrl, head);
        }

        /// <summary>exchangeInfo is read whole (one object, read whole by the streamer anyway) and its rateLimits replace the defaults.</summary>
        private async Task<System.IO.Stream> LearnLimitsAsync(PreparedRequest request, System.IO.Stream body, string safeUrl, Action<string>? log, CancellationToken cancel)
        {
            var copy = new System.IO.MemoryStream();
            try
            {
                using (cancel.Register(body.Dispose))
                    await body.CopyToAsync(copy, 81920, cancel).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancel.IsCancellationRequested && (ex is System.IO.IOException || ex is HttpRequestException || ex is ObjectDisposedException))
            {
                throw RequestFailures.Unanswered(request, safeUrl, FailureKind.Connection, $"The reply to {request.Method} {safeUrl} broke off: {RequestFailures.Innermost(ex).Message}", ex);
            }
            finally
            {
                body.Dispose();
            }
            List<RateLimitRule>? rules = ExchangeInfoLimits.TryRead(new ReadOnlySpan<byte>(copy.GetBuffer(), 0, (int)copy.Length));
            if (rules != null && rules.Count > 0)
            {
                _limits.Learn(request.Host, request.Path, rules);
                log?.Invoke($"Rate limits of {request.Host} (/{RateLimitDefaults.PoolOf(request.Path)}) from exchangeInfo: {string.Join(", ", rules)}.");
            }
            copy.Position = 0;
            return copy;
        }

        private static bool LooksLikeJson(string? contentType) =>
            contentType == null || contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;

        private static async Task<string> ReadTextAsync(HttpResponseMessage response, PreparedRequest request, string safeUrl, CancellationToken cancel)
        {
            try
            {
                using var registration = cancel.Register(response.Dispose);
                return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException || ex is ObjectDisposedException)
            {
                throw RequestFailures.Unanswered(request, safeUrl, FailureKind.Connection, $"The reply to {request.Method} {safeUrl} broke off: {RequestFailures.Innermost(ex).Message}", ex);
            }
        }
    }
}
