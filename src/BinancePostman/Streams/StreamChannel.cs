using System;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Http;

namespace BinancePostman.Streams
{
    /// <summary>
    /// Keeps one channel connected for as long as the call runs. A dropped connection is opened again with back-off and
    /// the time in between reported as a gap (start: when the drop was seen; end: when the new subscription stood).
    /// Before Binance's 24-hour cut, a listen token's expiry, or a server's announced shutdown, a new connection is opened
    /// first and the old one closed once the new one stands: no gap, and events both delivered are written once.
    /// The first connection failing ends the channel with an error: after that, it reconnects until the call ends.
    /// </summary>
    public sealed class StreamChannel
    {
        private readonly IStreamSource _source;
        private readonly StreamSink _sink;
        private readonly StreamTimings _timings;
        private readonly ReconnectBackoff _backoff;
        private WebSocketLeg? _current;

        public StreamChannel(IStreamSource source, StreamSink sink, StreamTimings timings)
        {
            _source = source;
            _sink = sink;
            _timings = timings;
            _backoff = new ReconnectBackoff(timings.FirstReconnectDelay, timings.MaximumReconnectDelay);
        }

        public IStreamSource Source => _source;
        public StreamSink Sink => _sink;
        /// <summary>Connections opened (the first included).</summary>
        public int Connections { get; private set; }
        /// <summary>Gaps reported.</summary>
        public int Gaps { get; private set; }

        public async Task RunAsync(CancellationToken cancel)
        {
            using var beside = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            Task? besideTask = null;
            DateTimeOffset? gapStart = null;
            string? gapReason = null;
            bool started = false;
            int failures = 0;
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    if (_current == null)
                    {
                        WebSocketLeg? opened = await OpenAsync(started, failures, cancel).ConfigureAwait(false);
                        if (opened == null)
                        {
                            if (!started || cancel.IsCancellationRequested || _failed) break;
                            failures++;
                            continue;
                        }
                        _current = opened;
                        failures = 0;
                        Connections++;
                        if (gapStart != null)
                        {
                            Gaps++;
                            _sink.Report(StreamItem.Gap(_source.Description, gapStart.Value, DateTimeOffset.UtcNow, gapReason ?? "connection lost"));
                            gapStart = null;
                        }
                        _sink.Log($"{_source.Description}: connected to {_current.SafeUrl}.");
                        if (!started)
                        {
                            started = true;
                            besideTask = _source.RunBesideAsync(_sink, () => _current, beside.Token);
                        }
                    }

                    WebSocketLeg leg = _current;
                    DateTimeOffset renewAt = leg.OpenedAt + _timings.MaximumConnectionAge;
                    if (_source.RenewBy is DateTimeOffset by && by < renewAt) renewAt = by;
                    await WaitWhileConnectedAsync(leg, renewAt, cancel).ConfigureAwait(false);
                    if (cancel.IsCancellationRequested) break;

                    if (leg.Ended.IsCompleted)
                    {
                        gapStart = leg.SilentSince ?? leg.EndedAt ?? DateTimeOffset.UtcNow;
                        gapReason = leg.EndReason;
                        _sink.Log($"{_source.Description}: {gapReason}; connecting again.");
                        leg.Dispose();
                        _current = null;
                        continue;
                    }

                    // replace before the cut: the new connection first, then the old one goes
                    _sink.ResetRenewal();
                    _sink.Log($"{_source.Description}: opening a new connection before {(leg.Ending ?? (renewAt == leg.OpenedAt + _timings.MaximumConnectionAge ? "the 24-hour limit" : "the listen token expires"))}.");
                    _sink.BeginOverlap();
                    WebSocketLeg? next;
                    try
                    {
                        next = await OpenAsync(true, failures, cancel).ConfigureAwait(false);
                        if (next != null)
                        {
                            _current = next;
                            // what the old connection still has in flight arrives before it goes (repeats are written once)
                            await Task.WhenAny(leg.Ended, next.Ended, Task.Delay(_timings.OverlapGrace, cancel)).ConfigureAwait(false);
                            await leg.CloseAsync(_timings.CloseTimeout).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        _sink.EndOverlap(_timings.OverlapGrace + _timings.OverlapGrace + _timings.OverlapGrace);
                    }
                    if (next == null)
                    {
                        if (_failed || cancel.IsCancellationRequested) break;
                        failures++;
                        // the old one still delivers; try again after the back-off or when it drops
                        await Task.WhenAny(leg.Ended, Task.Delay(_backoff.Delay(failures), cancel)).ConfigureAwait(false);
                        continue;
                    }
                    failures = 0;
                    Connections++;
                    _sink.Log($"{_source.Description}: now on {next.SafeUrl}; the previous connection is closed.");
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }
            finally
            {
                beside.Cancel();
                if (besideTask != null)
                {
                    try
                    {
                        await besideTask.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
                WebSocketLeg? last = _current;
                _current = null;
                if (last != null) await last.CloseAsync(_timings.CloseTimeout).ConfigureAwait(false);
                if (gapStart != null && started)
                {
                    Gaps++;
                    _sink.Report(StreamItem.Gap(_source.Description, gapStart.Value, DateTimeOffset.UtcNow, (gapReason ?? "connection lost") + "; the stream ended before it was connected again"));
                }
                await _source.CloseAsync(_sink, _timings.CloseTimeout + _timings.CloseTimeout).ConfigureAwait(false);
            }
        }

        private bool _failed;

        /// <summary>
        /// Until the connection ends, its renewal is due or asked for. A connection silent for
        /// <see cref="StreamTimings.SilenceBeforeCheck"/> is asked for an answer; one that gives none is given up.
        /// </summary>
        private async Task WaitWhileConnectedAsync(WebSocketLeg leg, DateTimeOffset renewAt, CancellationToken cancel)
        {
            bool checkable = true;
            while (!cancel.IsCancellationRequested && !leg.Ended.IsCompleted && !_sink.RenewalRequested.IsCompleted)
            {
                DateTimeOffset now = DateTimeOffset.UtcNow;
                if (now >= renewAt) return;
                DateTimeOffset checkAt = leg.LastMessageAt + _timings.SilenceBeforeCheck;
                if (checkable && now >= checkAt)
                {
                    checkable = await CheckAsync(leg, now - leg.LastMessageAt, cancel).ConfigureAwait(false);
                    continue;
                }
                DateTimeOffset until = checkable && checkAt < renewAt ? checkAt : renewAt;
                TimeSpan wait = until - now;
                if (wait < TimeSpan.FromMilliseconds(1)) wait = TimeSpan.FromMilliseconds(1);
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                await Task.WhenAny(leg.Ended, Task.Delay(wait, waiting.Token), _sink.RenewalRequested).ConfigureAwait(false);
                waiting.Cancel();
            }
        }

        /// <returns>false when the source has nothing to ask on this kind of connection</returns>
        private async Task<bool> CheckAsync(WebSocketLeg leg, TimeSpan silent, CancellationToken cancel)
        {
            try
            {
                bool asked = await _source.ProbeAsync(leg, _timings.HandshakeTimeout, cancel).ConfigureAwait(false);
                if (asked) _sink.Log($"{_source.Description}: no message for {silent.TotalSeconds:0.#} s; the exchange answered a check.");
                return asked;
            }
            catch (StreamConnectException ex) when (!cancel.IsCancellationRequested)
            {
                if (!leg.Ended.IsCompleted)
                    leg.AbandonSilent($"no message for {silent.TotalSeconds:0.#} s and {ex.Reason}");
                await Task.WhenAny(leg.Ended, Task.Delay(_timings.CloseTimeout, cancel)).ConfigureAwait(false);
                return true;
            }
        }

        /// <summary>A new connection, or null: after a refusal or a failure before the first connection (reported), or a transient failure (waited out).</summary>
        private async Task<WebSocketLeg?> OpenAsync(bool started, int failures, CancellationToken cancel)
        {
            try
            {
                return await _source.OpenAsync(_sink, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex) when (ex is StreamRefusedException || (ex is BinanceApiException && !IsTransient(ex)))
            {
                _failed = true;
                _sink.Report(StreamItem.Failed(_source.Description, ex));
                return null;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                if (!started)
                {
                    _failed = true;
                    _sink.Report(StreamItem.Failed(_source.Description, ex));
                    return null;
                }
                TimeSpan delay = _backoff.Delay(failures + 1);
                _sink.Log($"{_source.Description}: {ex.Message}; trying again in {delay.TotalSeconds:0.###} s.");
                try
                {
                    await Task.Delay(delay, cancel).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
                return null;
            }
        }

        /// <summary>Worth trying again: no connection, no answer, a timeout, a 5xx, a rate limit, a clock out of step.</summary>
        internal static bool IsTransient(Exception ex) =>
            ex is StreamConnectException || (ex is BinanceApiException api && (api.Kind == FailureKind.Connection || api.Kind == FailureKind.Timeout
                || api.Kind == FailureKind.ServerError || api.Kind == FailureKind.RateLimit || api.Kind == FailureKind.Clock));
    }
}
