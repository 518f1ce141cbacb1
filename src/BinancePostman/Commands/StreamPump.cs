using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Threading;
using BinancePostman.Output;
using BinancePostman.Streams;

namespace BinancePostman.Commands
{
    /// <summary>
    /// The stream cmdlets' loop on the pipeline thread: the connections' readers fill a bounded queue in the
    /// background; this takes from it and writes objects, warnings (gaps, events let go), errors (refused streams,
    /// malformed frames) and verbose lines, until -First events, -Duration, Ctrl+C, the end of the stream, or a
    /// downstream Select-Object -First. However it ends, the run is stopped: connections closed, a listenKey given back.
    /// </summary>
    internal sealed class StreamPump
    {
        private readonly PSCmdlet _cmdlet;
        private readonly StreamEventReader _reader = new StreamEventReader();
        private readonly bool _raw;
        private readonly bool _userData;
        private readonly int _bufferSize;

        public StreamPump(PSCmdlet cmdlet, bool raw, bool userData, int bufferSize)
        {
            _cmdlet = cmdlet;
            _raw = raw;
            _userData = userData;
            _bufferSize = bufferSize;
        }

        public long Written { get; private set; }

        public void Run(StreamRun run, int? first, TimeSpan? duration, CancellationToken cancel)
        {
            var batch = new List<StreamItem>(1024);
            DateTime? deadline = duration != null ? DateTime.UtcNow + duration.Value : (DateTime?)null;
            bool pipelineStopped = false;
            run.Start();
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    TimeSpan wait = TimeSpan.FromMilliseconds(250);
                    if (deadline != null)
                    {
                        TimeSpan left = deadline.Value - DateTime.UtcNow;
                        if (left <= TimeSpan.Zero) break;
                        if (left < wait) wait = left;
                    }
                    batch.Clear();
                    if (!run.Queue.Take(batch, wait, cancel)) break;
                    for (int i = 0; i < batch.Count; i++)
                    {
                        if (Write(batch[i], first) && first != null && Written >= first.Value) return;
                        // a slow pipeline may take long over one batch: -Duration holds within it
                        if (deadline != null && (i & 63) == 63 && DateTime.UtcNow >= deadline.Value) return;
                    }
                }
            }
            catch (PipelineStoppedException)
            {
                pipelineStopped = true;
                throw;
            }
            finally
            {
                run.Stop();
                if (!pipelineStopped && !_cmdlet.Stopping) WriteClosingNotices(run);
            }
        }

        /// <summary>
        /// What is left to say when the call ends: events let go while the pipeline was busy, a gap still open at the
        /// end, a listenKey that could not be given back. Events still waiting are not written: the call has ended.
        /// </summary>
        private void WriteClosingNotices(StreamRun run)
        {
            var batch = new List<StreamItem>();
            while (run.Queue.Take(batch, TimeSpan.Zero, CancellationToken.None) && batch.Count > 0)
            {
                foreach (StreamItem item in batch)
                    if (item.Kind != StreamItemKind.Event) Write(item, null);
                batch.Clear();
            }
        }

        /// <returns>true when the item was an event written</returns>
        private bool Write(StreamItem item, int? first)
        {
            switch (item.Kind)
            {
                case StreamItemKind.Event:
                    return WriteEvent(item, first);
                case StreamItemKind.Gap:
                    _cmdlet.WriteWarning(StreamText.Gap(item, _userData));
                    return false;
                case StreamItemKind.Dropped:
                    _cmdlet.WriteWarning(StreamText.Dropped(item, _bufferSize));
                    return false;
                case StreamItemKind.Refused:
                    _cmdlet.WriteError(StreamErrorRecords.Refused(item));
                    return false;
                case StreamItemKind.Malformed:
                    _cmdlet.WriteError(StreamErrorRecords.Malformed(item.Source, item.Stream, Encoding.UTF8.GetString(item.Data ?? Array.Empty<byte>()), item.Message ?? "unreadable"));
                    return false;
                case StreamItemKind.Log:
                    _cmdlet.WriteVerbose(item.Message);
                    return false;
                case StreamItemKind.Failed:
                    _cmdlet.WriteError(StreamErrorRecords.Failed(item));
                    return false;
                default:
                    return false;
            }
        }

        private bool WriteEvent(StreamItem item, int? first)
        {
            byte[] data = item.Data!;
            if (_raw)
            {
                _cmdlet.WriteObject(Encoding.UTF8.GetString(data));
                Written++;
                return true;
            }
            object? value;
            try
            {
                value = _reader.Read(item.Stream, item.EventType, data);
            }
            catch (Exception ex) when (ex is JsonException || ex is JsonReaderOutOfData || ex is InvalidOperationException)
            {
                string text = Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 200));
                _cmdlet.WriteError(StreamErrorRecords.Malformed(null, item.Stream, text, "the event could not be read (" + ex.Message + ")"));
                return false;
            }
            if (value is object?[] many)
            {
                foreach (object? one in many)
                {
                    _cmdlet.WriteObject(one);
                    Written++;
                    if (first != null && Written >= first.Value) break;
                }
                return true;
            }
            _cmdlet.WriteObject(value);
            Written++;
            return true;
        }

        /// <summary>-Verbose given, or $VerbosePreference asks for it.</summary>
        public static bool VerboseWanted(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out object? bound))
                return bound is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(bound);
            object? preference = cmdlet.GetVariableValue("VerbosePreference");
            if (preference is PSObject pso) preference = pso.BaseObject;
            return preference is ActionPreference action && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }
    }
}
