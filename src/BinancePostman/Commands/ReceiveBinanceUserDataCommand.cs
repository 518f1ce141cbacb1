using System;
using System.Management.Automation;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Session;
using BinancePostman.Streams;

namespace BinancePostman.Commands
{
    /// <summary>
    /// The account's own events into the pipeline (order updates, fills, balances, positions): spot through the
    /// WebSocket API subscription signed with the key (HMAC, RSA or Ed25519), margin through a listen token, futures,
    /// options and portfolio margin through a listenKey kept alive on schedule and closed at the end.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "BinanceUserData")]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class ReceiveBinanceUserDataCommand : BinanceRequestCmdlet
    {
        /// <summary>Spot (default), Margin, UsdM, CoinM, Options or PortfolioMargin.</summary>
        [Parameter(Position = 0)]
        public StreamApi Api { get; set; } = StreamApi.Spot;

        /// <summary>With -Api Margin: the isolated margin account of this symbol (without: cross margin).</summary>
        [Parameter]
        public string? Symbol { get; set; }

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

        protected override void EndProcessing()
        {
            try
            {
                Receive();
            }
            finally
            {
                base.EndProcessing();
            }
        }

        private void Receive()
        {
            if (Symbol != null && Api != StreamApi.Margin)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Symbol picks an isolated margin account: use it with -Api Margin.", nameof(Symbol)), "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, Symbol));
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Duration)) && Duration <= TimeSpan.Zero)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Duration must be longer than zero.", nameof(Duration)), "BinancePostman.InvalidParameterValue", ErrorCategory.InvalidArgument, Duration));
            IStreamSource source;
            try
            {
                SessionSnapshot session = ModuleSession.Current;
                StreamTarget target = StreamTarget.For(Api, needsRest: true, Target, session, Catalog);
                ApiCredential? credential = ResolveKeys(session, null);
                if (credential == null)
                {
                    ThrowTerminatingError(StreamErrorRecords.NoKeys());
                    return;
                }
                SendOptions options = NewSendOptions();
                source = StreamPlanner.UserData(Api, target, credential, RecvWindowText, Symbol?.ToUpperInvariant(), Client, options, StreamTimings.Default);
                if (Verbose) WriteVerbose($"{source.Description} with the key {credential.MaskedApiKey}.");
            }
            catch (StreamNotServedException ex)
            {
                ThrowTerminatingError(StreamErrorRecords.NotServed(ex));
                return;
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && ErrorRecords.TryFromRequestFailure(ex, out ErrorRecord? record))
            {
                SetReplyVariables();
                ThrowTerminatingError(record!);
                return;
            }
            using var run = new StreamRun(new[] { source }, BufferSize, Verbose, StreamTimings.Default);
            try
            {
                new StreamPump(this, Raw, userData: true, BufferSize).Run(run, First > 0 ? First : (int?)null,
                    MyInvocation.BoundParameters.ContainsKey(nameof(Duration)) ? Duration : (TimeSpan?)null, Cancellation);
            }
            finally
            {
                SetReplyVariables(); // the last of the stream's own REST calls: the listenKey's or token's
            }
        }
    }
}
