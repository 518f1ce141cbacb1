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
        private static readonly System.Text.RegularExpressions.Regex BannedUntilText =
            new System.Text.RegularExpressions.Regex(@"banned until (\d{12,14})", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        private readonly HttpClient _http;
        private readonly ServerClock _clock;
        private readonly RateLimitTracker _limits;

        public BinanceClient(HttpClient http, ServerClock clock, RateLimitTracker? limits = null)
        {
            _http = http;
            _clock = clock;
            _limits = limits ?? new RateLimitTracker(clock);
        }

        public ServerClock Clock => _clock;

        /// <summary>The process's rate-limit budget, shared by every call through this client.</summary>
        public RateLimitTracker Limits => _limits;

        /// <summary>One call with the default retry policy.</summary>
        public Task<BinanceReply> SendAsync(PreparedRequest request, string? apiKey, IRequestSigner? signer, string? recvWindow,
            TimeSpan timeout, Action<string>? log, CancellationToken cancel) =>
            SendAsync(request, apiKey, signer, recvWindow, new SendOptions { Timeout = timeout, Log = log }, cancel);

        /// <summary>
        /// Sends a request within the rate limits: waits for a window to roll over rather than draw a 429, retries
        /// reads after transient failures, fails fast while the host bans this IP, and gives order placements a client
        /// order id so that an unknown outcome can be looked up instead of resent.
        /// </summary>
        /// <param name="apiKey">sent as X-MBX-APIKEY when the endpoint needs a key</param>
        /// <param name="signer">signs signed endpoints; null for unsigned ones</param>
        /// <param name="recvWindow">already validated text, or null</param>
        public async Task<BinanceReply> SendAsync(PreparedRequest request, string? apiKey, IRequestSigner? signer, string? recvWindow,
            SendOptions options, CancellationToken cancel)
        {
            HostTrust.Enforce(request, options); // keys go only to Binance's hosts or ones the user named: before the clock sync and any byte
            Action<string>? log = options.Log;
            if (request.NeedsApiKey && string.IsNullOrEmpty(apiKey))
                throw NoKey(request, "an API key");
            if (request.IsSigned && signer == null)
                throw NoKey(request, "an API secret or private key to sign with");

            string? idParameter = OrderPlacement.ClientIdParameter(request.Method, request.Path);
            request = OrderPlacement.WithClientOrderId(request, out string? clientOrderId, out bool generated);
            if (generated)
                log?.Invoke($"{idParameter}={clientOrderId} added, so that the order can be looked up if its outcome is unknown.");
            var cost = new RateLimitTracker.Cost(request.Host, request.Path, apiKey, request.Weight, OrderPlacement.IsPlacement(request.Method, request.Path), request.WeightKnown);

            DateTimeOffset? ban = _limits.BannedUntil(request.Host);
            if (ban != null) throw Banned(request, ban.Value, null, sent: false);
            if (request.IsSigned && !_clock.IsSynced(request.Host))
                await SyncClockAsync(request, options.Timeout, log, cancel).ConfigureAwait(false);

            int retries = 0;
            bool clockRetried = false;
            while (true)
            {
                RateLimitTracker.Reservation reservation = await AdmitAsync(cost, request, options, cancel).ConfigureAwait(false);
                try
                {
                    return await SendOnceAsync(request, apiKey, signer, recvWindow, reservation, options.Timeout, log, cancel).ConfigureAwait(false);
                }
                catch (BinanceApiException ex)
                {
                    ex.Attempts = retries + 1;
                    if (ex.Code == -1021 && request.IsSigned && !clockRetried)
                    {
                        clockRetried = true;
                        log?.Invoke("Timestamp rejected (-1021): syncing with the server clock and trying once more.");
                        await SyncClockAsync(request, options.Timeout, log, cancel).ConfigureAwait(false);
                        continue;
                    }
                    if (ex.HttpStatus == 418)
                    {
                        DateTimeOffset until = BanEnd(ex);
                        _limits.Ban(request.Host, until);
                        throw Banned(request, until, ex, sent: true);
                    }
                    if (ex.HttpStatus == 429)
                        _limits.CoolDown(request.Host, ex.RetryAfter ?? options.Retry.Delay(retries + 1));
                    if (options.Retry.ShouldRetry(request.Method, ex, retries))
                    {
                        retries++;
                        if (ex.HttpStatus == 429)
                        {
                            log?.Invoke($"{ex.Message} Retry {retries} of {options.Retry.MaximumRetryCount} after Retry-After.");
                        }
                        else
                        {
                            TimeSpan delay = options.Retry.Delay(retries);
                            log?.Invoke($"{ex.Message} Retry {retries} of {options.Retry.MaximumRetryCount} in {delay.TotalSeconds:0.###} s.");
                            await WaitAsync(request.Host, $"{request.Method} {request.Path} failed ({ex.Kind}): retry {retries} of {options.Retry.MaximumRetryCount}",
                                delay, options, cancel).ConfigureAwait(false);
                        }
                        continue;
                    }
                    if (!RetryPolicy.IsRead(request.Method) && IsOutcomeUnknown(ex))
                        throw OutcomeUnknown(request, ex, clientOrderId, idParameter);
                    throw;
                }
            }
        }

        /// <summary>Waits until the budget has room (or the host's Retry-After has passed), then reserves the request's cost.</summary>
        private async Task<RateLimitTracker.Reservation> AdmitAsync(RateLimitTracker.Cost cost, PreparedRequest request, SendOptions options, CancellationToken cancel)
        {
            bool waited = false;
            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                RateLimitTracker.Admission admission = _limits.Admit(cost);
                if (admission.Reservation != null)
                {
                    if (waited) options.OnWait?.Invoke(new WaitNotice(request.Host, "", TimeSpan.Zero, DateTimeOffset.UtcNow, done: true));
                    return admission.Reservation;
                }
                if (admission.BannedUntil != null) throw Banned(request, admission.BannedUntil.Value, null, sent: false);
                DateTimeOffset until = admission.Until ?? DateTimeOffset.UtcNow + admission.Wait;
                if (admission.Wait > options.MaximumRateLimitWait)
                    throw new BinanceApiException(FailureKind.RateLimit,
                        $"{admission.Reason}, which ends at {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: longer than the module waits ({options.MaximumRateLimitWait.TotalMinutes:0.#} min). Nothing was sent.",
                        null, null, null, "Wait until the window resets (Get-BinanceRateLimit shows when), or spread the work over a longer time.", request.Method, request.BaseUri + request.Path);
                options.Log?.Invoke($"Rate limit: {admission.Reason} ({admission.Wait.TotalSeconds:0.###} s, until {until.UtcDateTime:HH:mm:ss.fff} UTC).");
                options.OnWait?.Invoke(new WaitNotice(request.Host, admission.Reason ?? "Waiting for the rate limit", admission.Wait, until, done: false));
                waited = true;
                await Task.Delay(admission.Wait, cancel).ConfigureAwait(false);
            }
        }

        private static async Task WaitAsync(string host, string reason, TimeSpan delay, SendOptions options, CancellationToken cancel)
        {
            options.OnWait?.Invoke(new WaitNotice(host, reason, delay, DateTimeOffset.UtcNow + delay, done: false));
            await Task.Delay(delay, cancel).ConfigureAwait(false);
            options.OnWait?.Invoke(new WaitNotice(host, reason, TimeSpan.Zero, DateTimeOffset.UtcNow, done: true));
        }

        /// <summary>No answer, a 5xx, or Binance's "execution status unknown" (-1006, -1007): the request may have been carried out.</summary>
        internal static bool IsOutcomeUnknown(BinanceApiException ex)
        {
            if (ex.NothingSent) return false;
            if (ex.Code == -1006 || ex.Code == -1007) return true;
            if (ex.HttpStatus >= 500) return true;
            return ex.Kind == FailureKind.Connection || ex.Kind == FailureKind.Timeout || ex.Kind == FailureKind.UnknownOutcome;
        }

        private static BinanceApiException OutcomeUnknown(PreparedRequest request, BinanceApiException ex, string? clientOrderId, string? idParameter)
        {
            string id = clientOrderId != null ? $" Its {idParameter} is {clientOrderId}." : "";
            string message = $"The outcome of {request.Method} {request.Path} is unknown: {ex.Message.TrimEnd('.')}.{id} It was not sent again.";
            string action = clientOrderId != null
                ? $"The order may have been placed. Query it by its client order id before placing it again: {QueryHint(request, idParameter!, clientOrderId)}"
                : "The request may or may not have been carried out. Check the account's state before sending it again.";
            return new BinanceApiException(FailureKind.UnknownOutcome, message, ex.HttpStatus, ex.Code, ex.BinanceMessage, action,
                request.Method, ex.Url ?? request.BaseUri + request.Path, clientOrderId, ex) { Attempts = ex.Attempts };
        }

        /// <summary>The call that finds an order by its client id, e.g. GET /api/v3/order with origClientOrderId.</summary>
        internal static string QueryHint(PreparedRequest request, string idParameter, string clientOrderId)
        {
            string path = request.Path;
            bool list = idParameter == "listClientOrderId";
            int at = path.IndexOf("/order", StringComparison.OrdinalIgnoreCase);
            string basePath = (at < 0 ? path : path.Substring(0, at)).Replace("/sor", "");
            string queryPath = basePath + (list ? "/orderList" : "/order");
            string queryId = idParameter == "clientOrderId" ? "clientOrderId" : "origClientOrderId";
            string? symbol = request.Find("symbol");
            string symbolPart = symbol != null && !list ? $"symbol = '{symbol}'; " : "";
            return $"Invoke-BinanceRequest -Method GET -Path {queryPath} -Signed -Parameters @{{ {symbolPart}{queryId} = '{clientOrderId}' }}";
        }

        private static DateTimeOffset BanEnd(BinanceApiException ex)
        {
            DateTimeOffset? until = null;
            if (ex.BinanceMessage != null)
            {
                var m = BannedUntilText.Match(ex.BinanceMessage);
                if (m.Success && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long ms))
                    until = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
            if (ex.RetryAfter != null)
            {
                DateTimeOffset after = DateTimeOffset.UtcNow + ex.RetryAfter.Value;
                if (until == null || after > until) until = after;
            }
            return until ?? DateTimeOffset.UtcNow.AddMinutes(2); // Binance's shortest ban
        }

        private static BinanceApiException Banned(PreparedRequest request, DateTimeOffset until, BinanceApiException? reply, bool sent)
        {
            string message = $"{request.Host} has banned this IP until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (HTTP 418). Binance bans IPs that keep sending requests after 429 replies; "
                + (sent ? "the module sends nothing more to this host until the ban ends." : $"nothing was sent: the module calls {request.Host} again only after the ban ends.");
            return new BinanceApiException(FailureKind.IpBanned, message, 418, reply?.Code, reply?.BinanceMessage,
                $"Wait until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, then send fewer requests (Get-BinanceRateLimit shows the budget). Bans grow from 2 minutes to 3 days for repeat offenders.",
                request.Method, reply?.Url ?? request.BaseUri + request.Path, null, reply)
            { BannedUntil = until, RetryAfter = until - DateTimeOffset.UtcNow };
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
            RateLimitTracker.Reservation reservation, TimeSpan timeout, Action<string>? log, CancellationToken cancel)
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
                _limits.Complete(reservation, null);
                throw Unanswered(request, safeUrl, FailureKind.Timeout, $"No reply from {request.Method} {safeUrl} within {timeout.TotalSeconds:0.#} s.", null);
            }
            catch (HttpRequestException ex)
            {
                _limits.Complete(reservation, null);
                throw Unanswered(request, safeUrl, FailureKind.Connection, $"{request.Method} {safeUrl} failed: {Innermost(ex).Message}", ex);
            }
            catch
            {
                _limits.Complete(reservation, null);
                throw;
            }
            watch.Stop();
            try
            {
                int status = (int)response.StatusCode;
                string? contentType = response.Content.Headers.ContentType?.ToString();
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var h in response.Headers) headers[h.Key] = string.Join(",", h.Value);
                foreach (var h in response.Content.Headers) headers[h.Key] = string.Join(",", h.Value);
                _limits.Complete(reservation, headers);
                if (log != null)
                {
                    string usage = string.Join(", ", new BinanceReply(status, contentType, null, null, "", headers, 0, safeUrl).UsageHeaders());
                    log($"HTTP {status} in {watch.ElapsedMilliseconds} ms{(usage.Length > 0 ? "; used " + usage : "")}");
                }
                if (status < 200 || status > 299)
                {
                    string errorBody = await ReadTextAsync(response, request, safeUrl, cts.Token).ConfigureAwait(false);
                    BinanceApiException failure = ReplyInterpreter.ToException(status, contentType, errorBody, request.Method, safeUrl, request.Path);
                    if (status == 429 || status == 418) failure.RetryAfter = RateLimitHeaders.RetryAfter(headers);
                    throw failure;
                }
                if (!LooksLikeJson(contentType))
                {
                    // a proxy or captive portal page is read whole (it is small) and reported, never parsed
                    string text = await ReadTextAsync(response, request, safeUrl, cts.Token).ConfigureAwait(false);
                    BinanceApiException? notJson = ReplyInterpreter.CheckSuccessBody(status, contentType, text, request.Method, safeUrl);
                    if (notJson != null) throw notJson;
                    return new BinanceReply(status, contentType, response, null, text, headers, watch.ElapsedMilliseconds, safeUrl);
                }
                System.IO.Stream body = new IdleTimeoutStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), timeout, response.Dispose);
                if (ExchangeInfoLimits.IsExchangeInfoPath(request.Path))
                    body = await LearnLimitsAsync(request, body, safeUrl, log, cts.Token).ConfigureAwait(false);
                return new BinanceReply(status, contentType, response, body, null, headers, watch.ElapsedMilliseconds, safeUrl);
            }
            catch
            {
                response.Dispose();
                throw;
            }
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
                throw Unanswered(request, safeUrl, FailureKind.Connection, $"The reply to {request.Method} {safeUrl} broke off: {Innermost(ex).Message}", ex);
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
                throw Unanswered(request, safeUrl, FailureKind.Connection, $"The reply to {request.Method} {safeUrl} broke off: {Innermost(ex).Message}", ex);
            }
        }

        private static BinanceApiException NoKey(PreparedRequest request, string what) =>
            new BinanceApiException(FailureKind.ApiKey, $"{request.Method} {request.Path} needs {what}, and none is set. Nothing was sent.",
                null, null, null,
                "Give keys with Connect-Binance, -Credential, or the BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_PRIVATE_KEY_PATH) environment variables.",
                request.Method, request.BaseUri + request.Path);

        /// <summary>No reply (or a broken one). Whether a state change then has an unknown outcome is SendAsync's call.</summary>
        private static BinanceApiException Unanswered(PreparedRequest request, string safeUrl, FailureKind kind, string message, Exception? inner)
        {
            bool nothingSent = inner != null && NeverConnected(inner);
            string action = "Check the network, proxy and -BaseUri, then try again (-TimeoutSec for a longer wait, -MaximumRetryCount for more retries of reads).";
            return new BinanceApiException(kind, message + (nothingSent ? " Nothing was sent." : ""), null, null, null, action, request.Method, safeUrl, null, inner)
                { NothingSent = nothingSent };
        }

        /// <summary>The connection was refused or the host not found: the request never left.</summary>
        private static bool NeverConnected(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
                if (e is System.Net.Sockets.SocketException se
                    && (se.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused || se.SocketErrorCode == System.Net.Sockets.SocketError.HostNotFound))
                    return true;
            return false;
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
