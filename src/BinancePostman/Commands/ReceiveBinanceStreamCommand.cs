using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;
using BinancePostman.Http;
using BinancePostman.Session;
using BinancePostman.Streams;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Market streams into the pipeline: one combined connection for all the streams of the call (two on USDs-M and
    /// options, whose order book streams Binance routes apart), typed objects as events arrive, until -First, -Duration,
    /// Ctrl+C or a downstream Select-Object -First; reconnects by itself and reports each gap.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "BinanceStream")]
    [OutputType(typeof(StreamKline), typeof(StreamAggregateTrade), typeof(StreamTrade), typeof(StreamBookTicker), typeof(StreamMiniTicker), typeof(StreamTicker), typeof(StreamDepthUpdate), typeof(StreamOrderBook), typeof(PSObject), typeof(string))]
    public sealed class ReceiveBinanceStreamCommand : BinanceConnectionCmdlet, IDisposable
    {
        private readonly List<string> _streams = new List<string>();
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>Stream names: btcusdt@trade, btcusdt@kline_1m, btcusdt@depth10@100ms, !miniTicker@arr...</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Streams")]
        public string[] Stream { get; set; } = Array.Empty<string>();

        /// <summary>Spot (default), UsdM, CoinM or Options.</summary>
        [Parameter]
        [ValidateSet(nameof(StreamApi.Spot), nameof(StreamApi.UsdM), nameof(StreamApi.CoinM), nameof(StreamApi.Options))]
        public StreamApi Api { get; set; } = StreamApi.Spot;

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; }

        [Parameter]
        [DurationTransformation]
        public TimeSpan Duration { get; set; }

        [Parameter]
        [ValidateRange(100, 10000000)]
        public int BufferSize { get; set; } = 10000;

        [Parameter]
        public SwitchParameter Raw { get; set; }

        protected override void ProcessRecord() => _streams.AddRange(Stream);

        protected override void EndProcessing()
        {
            List<string> streams = StreamNames.Normalize(_streams, out string? invalid);
            if (invalid != null) ThrowTerminatingError(StreamErrorRecords.InvalidStreamName(invalid));
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Duration)) && Duration <= TimeSpan.Zero)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Duration must be longer than zero.", nameof(Duration)), "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, Duration));
            ProxySetting proxy = ProxyChoice.From(this);
            IReadOnlyList<IStreamSource> sources;
            try
            {
                var options = new TargetOptions { BaseUri = BaseUri, EnvironmentName = Environment, Network = Network };
                StreamTarget target = StreamTarget.For(Api, needsRest: false, options, ModuleSession.Current, Catalog);
                sources = StreamPlanner.Market(Api, streams, target, StreamTimings.Default, proxy);
            }
            catch (StreamNotServedException ex)
            {
                ThrowTerminatingError(StreamErrorRecords.NotServed(ex));
                return;
            }
            catch (TooManyStreamsException ex)
            {
                ThrowTerminatingError(StreamErrorRecords.TooManyStreams(ex));
                return;
            }
            catch (Exception ex) when (ErrorRecords.TryFromRequestFailure(ex, out ErrorRecord? record))
            {
                ThrowTerminatingError(record!);
                return;
            }
            bool verbose = StreamPump.VerboseWanted(this);
            using var run = new StreamRun(sources, BufferSize, verbose, StreamTimings.Default);
            if (verbose) WriteVerbose($"{streams.Count} stream(s) on {sources.Count} connection(s): {string.Join(", ", streams)}.");
            new StreamPump(this, Raw, userData: false, BufferSize).Run(run, First > 0 ? First : (int?)null,
                MyInvocation.BoundParameters.ContainsKey(nameof(Duration)) ? Duration : (TimeSpan?)null, _cancel.Token);
        }

        protected override void StopProcessing() => _cancel.Cancel();

        public void Dispose() => _cancel.Dispose();
    }
}
