using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using BinancePostman.Http;

namespace BinancePostman.Commands
{
    /// <summary>
    /// -StatusCodeVariable and -ResponseHeadersVariable: the last reply of a call (from <see cref="SendOptions.OnReply"/>,
    /// on any thread), set in the caller's scope on the pipeline thread, as Invoke-RestMethod sets them
    /// (SessionState.PSVariable.Set): the status as an Int32, the headers as a case-insensitive Dictionary[string, string[]];
    /// both $null when the call got no reply.
    /// </summary>
    internal sealed class ReplyVariables
    {
        private readonly string? _status;
        private readonly string? _headers;
        private ReplyHead? _last;

        public ReplyVariables(string? statusVariable, string? headersVariable)
        {
            _status = string.IsNullOrEmpty(statusVariable) ? null : statusVariable;
            _headers = string.IsNullOrEmpty(headersVariable) ? null : headersVariable;
        }

        public bool Wanted => _status != null || _headers != null;

        /// <summary>A new call begins: what an earlier one left is forgotten; returns what the client reports replies to.</summary>
        public Action<ReplyHead>? Begin()
        {
            Volatile.Write(ref _last, null);
            return Wanted ? head => Volatile.Write(ref _last, head) : (Action<ReplyHead>?)null;
        }

        /// <summary>Sets the variables to the call's last reply; a read-only or constant variable is an error of its own, the reply still written.</summary>
        public void Set(PSCmdlet cmdlet)
        {
            if (!Wanted) return;
            ReplyHead? reply = Volatile.Read(ref _last);
            try
            {
                if (_status != null) cmdlet.SessionState.PSVariable.Set(_status, reply?.Status);
                if (_headers != null)
                {
                    Dictionary<string, string[]>? headers = null;
                    if (reply != null)
                    {
                        headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
                        foreach (var h in reply.Headers) headers[h.Key] = h.Value;
                    }
                    cmdlet.SessionState.PSVariable.Set(_headers, headers);
                }
            }
            catch (SessionStateException ex)
            {
                cmdlet.WriteError(ex.ErrorRecord);
            }
        }
    }
}
