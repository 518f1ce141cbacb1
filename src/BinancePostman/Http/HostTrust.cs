using System;
using BinancePostman.Catalog;

namespace BinancePostman.Http
{
    public enum HostVerdict
    {
        Allowed,
        /// <summary>A request without keys to a host no one named: it goes, and the user hears of it (once per host).</summary>
        AllowedWithWarning,
        Refused,
    }

    public enum HostTrustReason
    {
        /// <summary>One of Binance's hosts, over https (or no key on board).</summary>
        BinanceHost,
        /// <summary>-BaseUri of this call.</summary>
        NamedForCall,
        /// <summary>Connect-Binance -BaseUri.</summary>
        NamedForSession,
        /// <summary>Connect-Binance -TrustedHost.</summary>
        TrustedHost,
        /// <summary>The request carries no key and no signature: it may go anywhere.</summary>
        NoKey,
        /// <summary>Refused: the host is not Binance's and no one named it.</summary>
        NotBinanceHost,
        /// <summary>Refused: this machine, picked by a collection or an environment rather than by the user.</summary>
        Loopback,
        /// <summary>Refused: a Binance host over plain http would carry the key unencrypted.</summary>
        PlainHttp,
        /// <summary>Refused: the base URI is not an absolute http(s) URL.</summary>
        NotAUrl,
    }

    /// <summary>The decision about one request's host: whether it may go there, and why.</summary>
    public sealed class HostTrustDecision
    {
        internal HostTrustDecision(HostVerdict verdict, HostTrustReason reason, string baseUri, string host, string scheme, BaseUriOrigin origin, bool carriesKey)
        {
            Verdict = verdict;
            Reason = reason;
            BaseUri = baseUri;
            Host = host;
            Scheme = scheme;
            Origin = origin;
            CarriesKey = carriesKey;
        }

        public HostVerdict Verdict { get; }
        public HostTrustReason Reason { get; }
        public string BaseUri { get; }
        /// <summary>host[:port] as it would be trusted (Connect-Binance -TrustedHost takes it as is).</summary>
        public string Host { get; }
        public string Scheme { get; }
        public BaseUriOrigin Origin { get; }
        /// <summary>The request carries the API key (X-MBX-APIKEY) or a signature.</summary>
        public bool CarriesKey { get; }
    }

    /// <summary>
    /// Keys go only to Binance's hosts or to hosts the user named. A request that carries the API key or a signature is
    /// sent to a Binance host over https, to a base URI the user gave (-BaseUri, Connect-Binance -BaseUri), or to a host
    /// on the user's trusted list (Connect-Binance -TrustedHost); anything a collection or an environment picked besides
    /// (this machine included) is refused before a byte leaves. A request without keys may go anywhere, with a warning
    /// when no one named its host.
    /// </summary>
    public static class HostTrust
    {
        public static HostTrustDecision Decide(string baseUri, BaseUriOrigin origin, bool carriesKey, TrustedHostList trusted)
        {
            if (!Uri.TryCreate(baseUri, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
                return new HostTrustDecision(carriesKey ? HostVerdict.Refused : HostVerdict.Allowed, carriesKey ? HostTrustReason.NotAUrl : HostTrustReason.NoKey,
                    baseUri, baseUri, "", origin, carriesKey);

            string host = TrustedHostList.Normalize(uri.IdnHost);
            string authority = (host.IndexOf(':') >= 0 ? "[" + host + "]" : host) + (uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            HostTrustDecision Make(HostVerdict verdict, HostTrustReason reason) => new HostTrustDecision(verdict, reason, baseUri, authority, uri.Scheme, origin, carriesKey);

            if (origin.Source == BaseUriSource.Parameter) return Make(HostVerdict.Allowed, HostTrustReason.NamedForCall);
            if (origin.Source == BaseUriSource.Session) return Make(HostVerdict.Allowed, HostTrustReason.NamedForSession);
            if (trusted.Contains(host, uri.Port)) return Make(HostVerdict.Allowed, HostTrustReason.TrustedHost);

            bool loopback = BinanceHosts.IsLoopback(host);
            bool binance = !loopback && BinanceHosts.IsBinanceHost(host);
            if (binance && (uri.Scheme == Uri.UriSchemeHttps || !carriesKey)) return Make(HostVerdict.Allowed, HostTrustReason.BinanceHost);
            if (!carriesKey) return Make(HostVerdict.AllowedWithWarning, HostTrustReason.NoKey);
            return Make(HostVerdict.Refused, binance ? HostTrustReason.PlainHttp : loopback ? HostTrustReason.Loopback : HostTrustReason.NotBinanceHost);
        }

        /// <summary>A request carries a key when its endpoint needs the API-key header (signed ones included), or its template put one in.</summary>
        public static HostTrustDecision Decide(PreparedRequest request, TrustedHostList trusted) =>
            Decide(request.BaseUri, request.Origin, request.CarriesKey, trusted);

        /// <summary>The send path's check: refuses (throws) before anything is sent, or reports a keyless request to a host no one named.</summary>
        /// <exception cref="UntrustedHostException">the request carries a key and its host is not trusted</exception>
        public static void Enforce(PreparedRequest request, SendOptions options)
        {
            HostTrustDecision decision = RefuseIfUntrusted(request, options.TrustedHosts);
            if (decision.Verdict == HostVerdict.AllowedWithWarning) options.OnUnnamedHost?.Invoke(decision);
        }

        /// <summary>The decision, when the request may go.</summary>
        /// <exception cref="UntrustedHostException">the request carries a key and its host is not trusted</exception>
        public static HostTrustDecision RefuseIfUntrusted(PreparedRequest request, TrustedHostList trusted)
        {
            HostTrustDecision decision = Decide(request, trusted);
            if (decision.Verdict == HostVerdict.Refused) throw new UntrustedHostException(decision, request.Method, request.Path);
            return decision;
        }
    }

    /// <summary>A request that carries the API key or a signature was about to go to a host no one trusted. Nothing was sent.</summary>
    public sealed class UntrustedHostException : Exception
    {
        public UntrustedHostException(HostTrustDecision decision, string method, string path)
            : base($"{method} {path} carries the API key and was not sent to {decision.Host} ({decision.Reason}; base URI from {decision.Origin}). Nothing was sent.")
        {
            Decision = decision;
            Method = method;
            Path = path;
        }

        public HostTrustDecision Decision { get; }
        public string Method { get; }
        public string Path { get; }
    }
}
