using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace BinancePostman.Http
{
    /// <summary>What is wrong with a trusted-host entry.</summary>
    public enum TrustedHostProblem
    {
        Empty,
        /// <summary>A URL (scheme, path, query, user info) where a host name was expected.</summary>
        NotAHostName,
        Wildcard,
        BadPort,
        BadName,
    }

    /// <summary>A trusted-host entry that is not a host name with an optional port.</summary>
    public sealed class TrustedHostFormatException : FormatException
    {
        public TrustedHostFormatException(string entry, TrustedHostProblem problem)
            : base($"'{entry}' is not a host name with an optional port ({problem}).")
        {
            Entry = entry;
            Problem = problem;
        }

        public string Entry { get; }
        public TrustedHostProblem Problem { get; }
    }

    /// <summary>
    /// Hosts the user trusts with keys (a gateway or proxy of their own): host names or addresses, each with an optional
    /// port. A name matches exactly (no subdomains, no wildcards); without a port any port matches.
    /// </summary>
    public sealed class TrustedHostList
    {
        private static readonly char[] NotInAHost = { '/', '?', '#', '@', '\\' };

        private readonly List<(string host, int? port)> _entries;

        private TrustedHostList(List<(string host, int? port)> entries) => _entries = entries;

        public static TrustedHostList Empty { get; } = new TrustedHostList(new List<(string, int?)>());

        public int Count => _entries.Count;

        /// <summary>The entries as written back: host, or host:port ([v6]:port).</summary>
        public IReadOnlyList<string> Entries
        {
            get
            {
                var list = new List<string>(_entries.Count);
                foreach (var (host, port) in _entries)
                {
                    string h = host.IndexOf(':') >= 0 ? "[" + host + "]" : host;
                    list.Add(port == null ? h : h + ":" + port.Value.ToString(CultureInfo.InvariantCulture));
                }
                return list;
            }
        }

        /// <exception cref="TrustedHostFormatException">an entry is not a host name with an optional port</exception>
        public static TrustedHostList Parse(IEnumerable<string>? entries)
        {
            var list = new List<(string, int?)>();
            if (entries == null) return Empty;
            foreach (string entry in entries)
            {
                var parsed = ParseOne(entry ?? "");
                if (!list.Contains(parsed)) list.Add(parsed);
            }
            return list.Count == 0 ? Empty : new TrustedHostList(list);
        }

        public bool Contains(Uri uri) => Contains(uri.IdnHost, uri.Port);

        public bool Contains(string host, int port)
        {
            string h = Normalize(host);
            foreach (var (name, p) in _entries)
                if (name == h && (p == null || p == port)) return true;
            return false;
        }

        private static (string host, int? port) ParseOne(string entry)
        {
            string e = entry.Trim();
            if (e.Length == 0) throw new TrustedHostFormatException(entry, TrustedHostProblem.Empty);
            if (e.IndexOf("://", StringComparison.Ordinal) >= 0 || e.IndexOfAny(NotInAHost) >= 0 || e.IndexOf(' ') >= 0)
                throw new TrustedHostFormatException(entry, TrustedHostProblem.NotAHostName);
            if (e.IndexOf('*') >= 0) throw new TrustedHostFormatException(entry, TrustedHostProblem.Wildcard);

            string host = e;
            string? portText = null;
            if (e.StartsWith("[", StringComparison.Ordinal))
            {
                int close = e.IndexOf(']');
                if (close < 0) throw new TrustedHostFormatException(entry, TrustedHostProblem.BadName);
                host = e.Substring(1, close - 1);
                string rest = e.Substring(close + 1);
                if (rest.Length > 0)
                {
                    if (rest[0] != ':') throw new TrustedHostFormatException(entry, TrustedHostProblem.BadName);
                    portText = rest.Substring(1);
                }
                if (!IPAddress.TryParse(host, out IPAddress? v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                    throw new TrustedHostFormatException(entry, TrustedHostProblem.BadName);
            }
            else if (e.IndexOf(':') != e.LastIndexOf(':'))
            {
                // a bare IPv6 address: no port can follow it unbracketed
                if (!IPAddress.TryParse(e, out _)) throw new TrustedHostFormatException(entry, TrustedHostProblem.BadName);
            }
            else if (e.IndexOf(':') > 0)
            {
                host = e.Substring(0, e.IndexOf(':'));
                portText = e.Substring(e.IndexOf(':') + 1);
            }

            int? port = null;
            if (portText != null)
            {
                if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p < 1 || p > 65535)
                    throw new TrustedHostFormatException(entry, TrustedHostProblem.BadPort);
                port = p;
            }
            string hostForUri = host.IndexOf(':') >= 0 ? "[" + host + "]" : host;
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown || !Uri.TryCreate("http://" + hostForUri + "/", UriKind.Absolute, out Uri? uri))
                throw new TrustedHostFormatException(entry, TrustedHostProblem.BadName);
            return (Normalize(uri.IdnHost), port);
        }

        /// <summary>Lower case, no brackets, no trailing dot: the form both sides are compared in.</summary>
        internal static string Normalize(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
    }
}
