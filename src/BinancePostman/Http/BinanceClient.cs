using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.Signing;

namespace BinancePostman.Http
{
    /// <summary>
    /// Sends one prepared request: adds timestamp and signature over exactly the bytes sent, keeps the host's clock
    /// offset, retries once after a -1021 with a fresh offset, and turns failures into BinanceApiException.
    /// </summary>
    public sealed class BinanceClient
    {
        private readonly HttpClient _http;
        private readonly ServerClock _clock;

        public BinanceClient(HttpClient http, ServerClock clock)
        {
            _http = http;
            _clock = clock;
        }

        public ServerClock Clock => _clock;

        /// <param name="apiKey">sent as X-MBX-APIKEY when the endpoint needs a key</param>
        /// <param name="signer">signs signed endpoints; null for unsigned ones</param>
        /// <param name="recvWindow">already validated text, or null</param>
        /// <param name="log">verbose lines, never holding secrets</param>
        public async Task<BinanceReply> SendAsync(PreparedRequest request, string? apiKey, IRequestSigner? signer, string? recvWindow,
            TimeSpan timeout, Action<string>? log, CancellationToken cancel)
        {
            if (request.NeedsApiKey && string.IsNullOrEmpty(apiKey))
                throw NoKey(request, "an API key");
            if (request.IsSigned && signer == null)
                throw NoKey(request, "an API secret or private key to sign with");

            if (request.IsSigned && !_clock.IsSynced(request.Host))
                await SyncClockAsync(request, timeout, log, cancel).ConfigureAwait(false);

            try
            {
                return await SendOnceAsync(request, apiKey, signer, recvWindow, timeout, log, cancel).ConfigureAwait(false);
            }
            catch (BinanceApiException ex) when (ex.Code == -1021 && request.IsSigned)
            {
                log?.Invoke("Timestamp rejected (-1021): syncing with the server clock and trying once more.");
                await SyncClockAsync(request, timeout, log, cancel).ConfigureAwait(false);
                return await SendOnceAsync(request, apiKey, signer, recvWindow, timeout, log, cancel).ConfigureAwait(false);
            }
        }

        public async Task SyncClockAsync(PreparedRequest request, TimeSpan timeout, Action<string>? log, CancellationToken cancel)
        {
            string url = request.BaseUri + ServerClock.TimePathFor(request.Path);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            cts.CancelAfter(timeout);
            long sent = _clock.LocalNow();
            try
            {
                using HttpResponseMessage response = await _http.GetAsync(url, cts.Token).ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                long received = _clock.LocalNow();
                if (!response.IsSuccessStatusCode) throw new FormatException("HTTP " + (int)response.StatusCode);
                using JsonDocument doc = JsonDocument.Parse(body);
                long serverTime = doc.RootElement.GetProperty("serverTime").GetInt64();
                _clock.Record(request.Host, serverTime, sent, received);
                log?.Invoke($"Server clock of {request.Host}: offset {_clock.Offset(request.Host)} ms from the local clock.");
            }
            catch (Exception ex) when (!cancel.IsCancellationRequested && (ex is HttpRequestException || ex is FormatException || ex is JsonException
                || ex is KeyNotFoundException || ex is InvalidOperationException || ex is OperationCanceledException))
            {
                // a host without a time endpoint still works with the local clock
                log?.Invoke($"Could not read the server time from {url} ({ex.Message}); using the local clock.");
            }
        }

        private async Task<BinanceReply> SendOnceAsync(PreparedRequest request, string? apiKey, IRequestSigner? signer, string? recvWindow,
            TimeSpan timeout, Action<string>? log, CancellationToken cancel)
        {
            var wire = WireRequest.Build(request, signer, request.IsSigned ? _clock.Now(request.Host) : (long?)null, recvWindow);
            string url = request.BaseUri + request.Path + (wire.Query.Length > 0 ? "?" + wire.Query : "");
            string safeUrl = Redact(url, wire.Signature);

            using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
            foreach (HeaderEntry h in request.Headers)
                message.Headers.TryAddWithoutValidation(h.Name, h.Value);
            if (request.NeedsApiKey && apiKey != null)
                message.Headers.TryAddWithoutValidation(ModuleParameters.ApiKeyHeader, apiKey);
            if (wire.Body.Length > 0)
                message.Content = new StringContent(wire.Body, Encoding.UTF8, "application/x-www-form-urlencoded");
            else if (request.RawBody != null)
                message.Content = new StringContent(request.RawBody, Encoding.UTF8, request.RawBodyContentType ?? "application/json");

            log?.Invoke($"{request.Method} {safeUrl}");
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            cts.CancelAfter(timeout);
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw Unanswered(request, safeUrl, FailureKind.Timeout, $"No reply from {request.Method} {safeUrl} within {timeout.TotalSeconds:0.#} s.", null);
            }
            catch (HttpRequestException ex)
            {
                throw Unanswered(request, safeUrl, FailureKind.Connection, $"{request.Method} {safeUrl} failed: {Innermost(ex).Message}", ex);
            }
            watch.Stop();
            try
            {
                int status = (int)response.StatusCode;
                string? contentType = response.Content.Headers.ContentType?.ToString();
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var h in response.Headers) headers[h.Key] = string.Join(",", h.Value);
                foreach (var h in response.Content.Headers) headers[h.Key] = string.Join(",", h.Value);
                if (log != null)
                {
                    string usage = string.Join(", ", new BinanceReply(status, contentType, null, null, "", headers, 0, safeUrl).UsageHeaders());
                    log($"HTTP {status} in {watch.ElapsedMilliseconds} ms{(usage.Length > 0 ? "; used " + usage : "")}");
                }
                if (status < 200 || status > 299)
                {
                    string errorBody = await ReadTextAsync(response, request, safeUrl, cts.Token).ConfigureAwait(false);
                    throw ReplyInterpreter.ToException(status, contentType, errorBody, request.Method, safeUrl, request.Path);
                }
                if (!LooksLikeJson(contentType))
                {
                    // a proxy or captive portal page is read whole (it is small) and reported, never parsed
                    string text = await ReadTextAsync(response, request, safeUrl, cts.Token).ConfigureAwait(false);
                    BinanceApiException? notJson = ReplyInterpreter.CheckSuccessBody(status, contentType, text, request.Method, safeUrl);
                    if (notJson != null) throw notJson;
                    return new BinanceReply(status, contentType, response, null, text, headers, watch.ElapsedMilliseconds, safeUrl);
                }
                System.IO.Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                return new BinanceReply(status, contentType, response, body, null, headers, watch.ElapsedMilliseconds, safeUrl);
            }
            catch
            {
                response.Dispose();
                throw;
            }
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
                throw Unanswered(request, safeUrl, FailureKind.Connection, $"The reply to {request.Method} {safeUrl} broke off: {Innermost(ex).Message}", ex);
            }
        }

        private static BinanceApiException NoKey(PreparedRequest request, string what) =>
            new BinanceApiException(FailureKind.ApiKey, $"{request.Method} {request.Path} needs {what}, and none is set. Nothing was sent.",
                null, null, null,
                "Give keys with Connect-Binance, -Credential, or the BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_PRIVATE_KEY_PATH) environment variables.",
                request.Method, request.BaseUri + request.Path);

        private static BinanceApiException Unanswered(PreparedRequest request, string safeUrl, FailureKind kind, string message, Exception? inner)
        {
            bool changesState = request.Method != "GET";
            string action = changesState
                ? "The request may or may not have been carried out. Query its state (for an order: by its client order id) before sending it again."
                : "Check the network, proxy and -BaseUri, then try again (-TimeoutSec for a longer wait).";
            return new BinanceApiException(changesState ? FailureKind.UnknownOutcome : kind, message, null, null, null, action,
                request.Method, safeUrl, request.Find("newClientOrderId"), inner);
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        internal static string Redact(string url, string? signature)
        {
            if (string.IsNullOrEmpty(signature)) return url;
            int at = url.LastIndexOf("signature=", StringComparison.Ordinal);
            return at < 0 ? url : url.Substring(0, at) + "signature=<redacted>";
        }
    }
}
