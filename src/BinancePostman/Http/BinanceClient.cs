using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.Signing;

namespace BinancePostman.Http
{
    /// <summary>
    /// The one way to the exchange: every request, the server-time reads of the clock sync included, passes the ban
    /// check and the rate-limit budget, and reads are retried after transient failures. Signed requests get a timestamp
    /// from the host's clock offset and are signed over exactly the bytes sent; a -1021 re-syncs the clock once. Order
    /// placements get a client order id, so an unknown outcome can be looked up instead of sent again.
    /// </summary>
    public sealed class BinanceClient
    {
        private readonly HttpExchange _exchange;
        private readonly ServerClock _clock;
        private readonly RateLimitTracker _limits;

        /// <param name="http">sends reads (and everything, unless <paramref name="stateChanges"/> is given)</param>
        /// <param name="stateChanges">sends requests that change state (see <see cref="StateChangeConnections"/>)</param>
        public BinanceClient(HttpClient http, ServerClock clock, RateLimitTracker? limits = null, HttpClient? stateChanges = null)
            : this(HttpRoutes.Fixed(http, stateChanges ?? http), clock, limits)
        {
        }

        /// <param name="routes">the clients per proxy setting (<see cref="SendOptions.Proxy"/>)</param>
        internal BinanceClient(HttpRoutes routes, ServerClock clock, RateLimitTracker? limits = null)
        {
            _clock = clock;
            _limits = limits ?? new RateLimitTracker(clock);
            _exchange = new HttpExchange(routes, _limits);
        }

        public ServerClock Clock => _clock;

        /// <summary>The process's rate-limit budget, shared by every call through this client.</summary>
        public RateLimitTracker Limits => _limits;

        /// <param name="apiKey">sent as X-MBX-APIKEY when the endpoint needs a key</param>
        /// <param name="signer">signs signed endpoints; null for unsigned ones</param>
        /// <param name="recvWindow">already validated text, or null</param>
        public async Task<BinanceReply> SendAsync(PreparedRequest request, string? apiKey, IRequestSigner? signer, string? recvWindow,
            SendOptions options, CancellationToken cancel)
        {
            HostTrust.Enforce(request, options); // keys go only to Binance's hosts or ones the user named: before the clock sync and any byte
            if (request.NeedsApiKey && string.IsNullOrEmpty(apiKey)) throw RequestFailures.NoKey(request, FailureDetail.NoApiKey);
            if (request.IsSigned && signer == null) throw RequestFailures.NoKey(request, FailureDetail.NoSigner);

            string? idParameter = OrderPlacement.ClientIdParameter(request.Method, request.Path);
            request = OrderPlacement.WithClientOrderId(request, out string? clientOrderId, out bool generated);
            if (generated)
                options.Log?.Invoke($"{idParameter}={clientOrderId} added, so that the order can be looked up if its outcome is unknown.");

            DateTimeOffset? ban = _limits.BannedUntil(request.Host);
            if (ban != null) throw RequestFailures.Banned(request, ban.Value, null, sent: false);
            if (request.IsSigned && !_clock.IsSynced(request.Host))
                await SyncClockAsync(request.BaseUri, request.Path, options, cancel).ConfigureAwait(false);

            bool clockRetried = false;
            while (true)
            {
                try
                {
                    BinanceReply reply = await SendWithRetriesAsync(request, apiKey, signer, recvWindow, options, cancel).ConfigureAwait(false);
                    options.OnReply?.Invoke(reply.Head);
                    return reply;
                }
                catch (BinanceApiException ex) when (ReportReply(ex, options))
                {
                    throw; // never: ReportReply only tells the caller what came back
                }
                catch (BinanceApiException ex) when (ex.Code == -1021 && request.IsSigned && !clockRetried)
                {
                    clockRetried = true;
                    options.Log?.Invoke("Timestamp rejected (-1021): syncing with the server clock and trying once more.");
                    await SyncClockAsync(request.BaseUri, request.Path, options, cancel).ConfigureAwait(false);
                }
                catch (BinanceApiException ex) when (!RetryPolicy.IsRead(request.Method) && RequestFailures.IsOutcomeUnknown(ex))
                {
                    throw RequestFailures.OutcomeUnknown(request, ex, clientOrderId, idParameter);
                }
            }
        }

        /// <summary>A failure's reply (when one came) to <see cref="SendOptions.OnReply"/>; false, so the failure goes on to its handler.</summary>
        private static bool ReportReply(BinanceApiException ex, SendOptions options)
        {
            // called again for a -1021's second attempt: the last report is the call's reply
            if (ex.Reply != null) options.OnReply?.Invoke(ex.Reply);
            return false;
        }

        /// <summary>
        /// Learns the host's clock offset from its API's server-time endpoint, through the same path as every request
        /// (ban, budget, retries). A host without one still works with the local clock; a ban is not worked around.
        /// </summary>
        /// <param name="apiPath">a path of the API whose time to read (/api, /fapi, /dapi, /eapi, /papi)</param>
        public async Task SyncClockAsync(string baseUri, string apiPath, SendOptions options, CancellationToken cancel)
        {
            PreparedRequest time = PreparedRequest.Public("GET", baseUri, ServerClock.TimePathFor(apiPath));
            try
            {
                using BinanceReply reply = await SendWithRetriesAsync(time, null, null, null, options, cancel).ConfigureAwait(false);
                long received = _clock.LocalNow();
                using JsonDocument doc = JsonDocument.Parse(reply.ReadText());
                long serverTime = doc.RootElement.GetProperty("serverTime").GetInt64();
                // the time to the headers is the round trip the server time was read in
                _clock.Record(time.Host, serverTime, received - reply.ElapsedMs, received);
                options.Log?.Invoke($"Server clock of {time.Host}: offset {_clock.Offset(time.Host)} ms from the local clock.");
            }
            catch (Exception ex) when (!cancel.IsCancellationRequested && !(ex is BinanceApiException banned && banned.Kind == FailureKind.IpBanned)
                && (ex is BinanceApiException || ex is JsonException || ex is System.Collections.Generic.KeyNotFoundException || ex is InvalidOperationException
                    || ex is FormatException || ex is System.IO.IOException))
            {
                options.Log?.Invoke($"Could not read the server time from {time.BaseUri + time.Path} ({ex.Message}); using the local clock.");
            }
        }

        /// <summary>Admission to the budget, one attempt, and the retries a read may have; a 418 bans the host, a 429 cools it down.</summary>
        private async Task<BinanceReply> SendWithRetriesAsync(PreparedRequest request, string? apiKey, IRequestSigner? signer, string? recvWindow,
            SendOptions options, CancellationToken cancel)
        {
            var cost = new RateLimitTracker.Cost(request.Host, request.Path, apiKey, request.Weight, OrderPlacement.IsPlacement(request.Method, request.Path), request.WeightKnown);
            int retries = 0;
            while (true)
            {
                RateLimitTracker.Reservation reservation = await AdmitAsync(cost, request, options, cancel).ConfigureAwait(false);
                try
                {
                    long? timestamp = request.IsSigned ? _clock.Now(request.Host) : (long?)null;
                    return await _exchange.SendOnceAsync(request, apiKey, signer, timestamp, recvWindow, reservation, options, cancel).ConfigureAwait(false);
                }
                catch (BinanceApiException ex)
                {
                    ex.Attempts = retries + 1;
                    if (ex.HttpStatus == 418)
                    {
                        DateTimeOffset until = RequestFailures.BanEnd(ex);
                        _limits.Ban(request.Host, until);
                        throw RequestFailures.Banned(request, until, ex, sent: true);
                    }
                    if (ex.HttpStatus == 429)
                        _limits.CoolDown(request.Host, ex.RetryAfter ?? options.Retry.Delay(retries + 1));
                    if (ex.Code == -1021 || !options.Retry.ShouldRetry(request.Method, ex, retries)) throw;
                    retries++;
                    if (ex.HttpStatus == 429)
                    {
                        options.Log?.Invoke($"{ex.Message} Retry {retries} of {options.Retry.MaximumRetryCount} after Retry-After.");
                        continue;
                    }
                    TimeSpan delay = options.Retry.Delay(retries);
                    options.Log?.Invoke($"{ex.Message} Retry {retries} of {options.Retry.MaximumRetryCount} in {delay.TotalSeconds:0.###} s.");
                    await WaitAsync(request.Host, $"{request.Method} {request.Path} failed ({ex.Kind}): retry {retries} of {options.Retry.MaximumRetryCount}",
                        delay, options, cancel).ConfigureAwait(false);
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
                if (admission.BannedUntil != null) throw RequestFailures.Banned(request, admission.BannedUntil.Value, null, sent: false);
                DateTimeOffset until = admission.Until ?? DateTimeOffset.UtcNow + admission.Wait;
                if (admission.Wait > options.MaximumRateLimitWait)
                    throw RequestFailures.WaitTooLong(request, admission.Reason ?? "A rate-limit window is full", until, options.MaximumRateLimitWait);
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
    }
}
