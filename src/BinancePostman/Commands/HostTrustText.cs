using BinancePostman.Catalog;
using BinancePostman.Http;

namespace BinancePostman.Commands
{
    /// <summary>The words for the host check: refusals, the warning for keyless requests, bad trusted-host entries.</summary>
    internal static class HostTrustText
    {
        public const string ErrorId = "BinancePostman.UntrustedHost";

        /// <summary>Where the base URI came from, in words: the collection and its variable or URL, the environment and its variable.</summary>
        public static string Origin(BaseUriOrigin origin) => origin.Source switch
        {
            BaseUriSource.Parameter => "-BaseUri",
            BaseUriSource.Session => "Connect-Binance -BaseUri",
            BaseUriSource.EnvironmentVariable => $"the variable '{origin.Variable}' of the environment '{origin.Environment}'"
                + (origin.PickedForNetwork != null ? $" (the environment of this API for the {origin.PickedForNetwork} network)" : ""),
            BaseUriSource.CollectionVariable => $"the variable '{origin.Variable}' of the collection '{origin.Collection}'",
            BaseUriSource.CollectionLiteral => $"the URL written in the request '{origin.Request}' of the collection '{origin.Collection}' ({origin.Literal})",
            _ => "a caller that did not say where it came from",
        };

        public static string Refusal(UntrustedHostException ex)
        {
            HostTrustDecision d = ex.Decision;
            string what = $"{ex.Method} {ex.Path} carries your API key";
            string from = Origin(d.Origin);
            switch (d.Reason)
            {
                case HostTrustReason.PlainHttp:
                    return $"{what}, and its URL {d.BaseUri} (from {from}) is plain http: the key would cross the network unencrypted. Nothing was sent.";
                case HostTrustReason.Loopback:
                    return $"{what}, and {d.Host} is this machine, picked by {from} rather than by you: keys go to a local host only when you name it. Nothing was sent.";
                case HostTrustReason.NotAUrl:
                    return $"{what}, and its base URI '{d.BaseUri}' (from {from}) is not an absolute http(s) URL. Nothing was sent.";
                default:
                    return $"{what}, and {d.Host} is not a Binance host: it comes from {from}. Keys go only to Binance's hosts and to hosts you name. Nothing was sent.";
            }
        }

        public static string RefusalAction(UntrustedHostException ex)
        {
            HostTrustDecision d = ex.Decision;
            if (d.Reason == HostTrustReason.PlainHttp)
                return $"Use https:// for {d.Host} in {Origin(d.Origin)}, or pass -BaseUri https://{d.Host}.";
            if (d.Reason == HostTrustReason.NotAUrl)
                return "Fix the URL where it comes from, or pass -BaseUri.";
            string file = d.Origin.Source == BaseUriSource.EnvironmentVariable ? "environment" : "collection";
            return $"If {d.Host} is yours (a gateway or proxy you trust), name it: Connect-Binance -TrustedHost '{d.Host}' (for the session), or -BaseUri {d.Scheme}://{d.Host} (for this call). "
                + $"If not, do not use this {file}: Test-BinanceCollection shows what else it does.";
        }

        /// <summary>A keyless request went to a host no one named: said once per host and session.</summary>
        public static string UnnamedHostWarning(HostTrustDecision d) =>
            $"A request without keys went to {d.Host}, which is not a Binance host: it comes from {Origin(d.Origin)}. "
            + $"Requests that carry your API key or a signature are refused there unless you name it (Connect-Binance -TrustedHost '{d.Host}', or -BaseUri).";

        public static string BadTrustedHost(TrustedHostFormatException ex)
        {
            string why = ex.Problem switch
            {
                TrustedHostProblem.Empty => "it is empty",
                TrustedHostProblem.NotAHostName => "it is a URL or has a path; give the host alone",
                TrustedHostProblem.Wildcard => "wildcards are not taken: name each host",
                TrustedHostProblem.BadPort => "the port is not a number from 1 to 65535",
                _ => "it is not a host name or IP address",
            };
            return $"-TrustedHost '{ex.Entry}' is not a host name with an optional port: {why}. Examples: gateway.example.com, gateway.example.com:8443, 10.0.0.5:8080, [::1]:5000.";
        }
    }
}
