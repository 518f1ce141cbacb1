using System;
using System.Management.Automation;
using System.Threading;
using BinancePostman.Http;
using BinancePostman.Output;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Writes a reply to the pipeline as it is read: a JSON array one object per element, each in its friendly shape
    /// (or as ordered dictionaries, or the text unchanged); while paging, only the rows the cursor accepts; with -Skip and
    /// -First, only the rows their window lets through, and no further row is read once it is full.
    /// </summary>
    internal sealed class ReplyWriter
    {
        private readonly Cmdlet _cmdlet;
        private readonly bool _raw;
        private readonly bool _asHashtable;

        public ReplyWriter(Cmdlet cmdlet, bool raw, bool asHashtable)
        {
            _cmdlet = cmdlet;
            _raw = raw;
            _asHashtable = asHashtable;
        }

        /// <summary>
        /// Streams the reply's values; returns the rows read, those the cursor accepted (new, in range), those written, and
        /// the last accepted row's cursor. -Raw text counts as one row for the window.
        /// </summary>
        public (int rows, int accepted, int written, long? last) Write(BinanceReply reply, string path, PageCursor? paging, RowWindow? window, CancellationToken cancel)
        {
            if (_raw)
            {
                if (window == null || window.Admit()) _cmdlet.WriteObject(reply.ReadText());
                return (0, 0, 0, null);
            }
            int rows = 0, accepted = 0, written = 0;
            long? last = null;
            // Ctrl+C closes the reply, which ends a blocked read
            using (cancel.Register(reply.Dispose))
            {
                try
                {
                    var streamer = new JsonValueStreamer(reply.OpenBody());
                    foreach (object? item in streamer.Convert(ResponseShapes.Reader(path, _asHashtable)))
                    {
                        rows++;
                        if (paging != null)
                        {
                            long? cursor = paging.Plan.CursorOf(item);
                            if (!paging.Accepts(cursor, paging.Plan.TimeOf(item))) continue;
                            last = cursor ?? last;
                        }
                        accepted++;
                        if (window != null && !window.Admit())
                        {
                            if (window.Full) break;
                            continue;
                        }
                        written++;
                        _cmdlet.WriteObject(item);
                        if (window?.Full == true) break;
                    }
                }
                catch (Exception ex) when (cancel.IsCancellationRequested && (ex is System.IO.IOException || ex is ObjectDisposedException))
                {
                    throw new OperationCanceledException(cancel);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is System.Net.Http.HttpRequestException)
                {
                    throw new ReplyBrokeOffException(reply.SafeUrl, reply.Status, written, ex);
                }
            }
            return (rows, accepted, written, last);
        }
    }

    /// <summary>A reply that broke off after some of its rows were written.</summary>
    internal sealed class ReplyBrokeOffException : Exception
    {
        public ReplyBrokeOffException(string url, int status, int written, Exception inner)
            : base($"The reply from {url} broke off after {written} row(s) were written: {inner.Message}", inner)
        {
            Url = url;
            Status = status;
        }

        public string Url { get; }
        public int Status { get; }
    }
}
