using System;
using System.Collections.Generic;
using System.Linq;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// Works out where an endpoint goes. The host template (usually {{url}}) is resolved with the environment over the
    /// collection's variables. The newer Binance collections have no `url`: their script picks prod_url, testnet_url
    /// or demo_url by the environment's `environment` variable; this does the same natively, but never falls back to
    /// production when the collection has no URL for the network asked for.
    /// </summary>
    public static class BaseUrlResolver
    {
        public static string Resolve(Endpoint endpoint, PostmanEnvironment? environment) => Resolve(endpoint, environment, out _);

        /// <param name="origin">where the base URI came from: the environment's or the collection's variable, or the request's own URL</param>
        public static string Resolve(Endpoint endpoint, PostmanEnvironment? environment, out BaseUriOrigin origin)
        {
            BinanceNetwork network = environment?.Network ?? BinanceNetwork.Production;
            return Resolve(endpoint, environment, network, null, out origin);
        }

        /// <summary>Picks a loaded environment for the endpoint's API and the network, then resolves.</summary>
        public static string Resolve(Endpoint endpoint, BinanceNetwork network, IEnumerable<PostmanEnvironment> environments) =>
            Resolve(endpoint, network, environments, out _);

        public static string Resolve(Endpoint endpoint, BinanceNetwork network, IEnumerable<PostmanEnvironment> environments, out BaseUriOrigin origin)
        {
            if (network == BinanceNetwork.Testnet && endpoint.Family == ApiFamily.Spot && endpoint.Path.StartsWith("/sapi/", StringComparison.OrdinalIgnoreCase))
                throw new UrlResolutionException(UrlFailure.TestnetHasNoSapi,
                    $"'{endpoint.QualifiedName}' is a /sapi endpoint, and the spot testnet has no /sapi endpoints: only /api ones.", network);
            var loaded = environments as IReadOnlyCollection<PostmanEnvironment> ?? environments.ToList();
            PostmanEnvironment? match = PickEnvironment(endpoint, network, loaded);
            return Resolve(endpoint, match, network, network, out origin, NetworksOf(endpoint.Family, loaded));
        }

        /// <summary>The networks the loaded environments offer for an API, in Production, Testnet, Demo order.</summary>
        public static IReadOnlyList<BinanceNetwork> NetworksOf(ApiFamily family, IEnumerable<PostmanEnvironment> environments) =>
            family == ApiFamily.Unknown
                ? new List<BinanceNetwork>()
                : environments.Where(e => e.Family == family && e.Network != null && e.Url != null)
                    .Select(e => e.Network!.Value).Distinct().OrderBy(n => n).ToList();

        private static string NetworkList(IReadOnlyList<BinanceNetwork> networks) =>
            networks.Count == 0 ? "none" : string.Join(", ", networks);

        /// <summary>For raw calls: the environment of the path's API on the network gives the host.</summary>
        public static string ResolveForPath(string path, BinanceNetwork network, IEnumerable<PostmanEnvironment> environments) =>
            ResolveForPath(path, network, environments, out _);

        public static string ResolveForPath(string path, BinanceNetwork network, IEnumerable<PostmanEnvironment> environments, out BaseUriOrigin origin)
        {
            ApiFamily family = ApiFamilies.FromPath(path);
            PostmanEnvironment? match = environments.FirstOrDefault(e => e.Network == network && e.Family == family && family != ApiFamily.Unknown && e.Url != null);
            if (match == null)
            {
                string hint = network == BinanceNetwork.Testnet && path.TrimStart('/').StartsWith("sapi/", StringComparison.OrdinalIgnoreCase)
                    ? " The spot testnet has no /sapi endpoints."
                    : "";
                var offered = NetworksOf(family, environments);
                string networks = family != ApiFamily.Unknown && offered.Count > 0 ? $" {family.DisplayName()} is served on: {NetworkList(offered)}." : "";
                throw new UrlResolutionException(hint.Length > 0 ? UrlFailure.TestnetHasNoSapi : offered.Count > 0 && !offered.Contains(network) ? UrlFailure.NetworkNotServed : UrlFailure.NoEnvironment,
                    $"No loaded environment serves '{path}' on {network}.{hint}{networks}", network, offered);
            }
            origin = BaseUriOrigin.FromEnvironment(match.Name, "url", network);
            return match.Url!.TrimEnd('/');
        }

        public static PostmanEnvironment? PickEnvironment(Endpoint endpoint, BinanceNetwork network, IEnumerable<PostmanEnvironment> environments)
        {
            var candidates = environments.Where(e => e.Network == network && e.Variables.ContainsKey("url")).ToList();
            return candidates.FirstOrDefault(e => e.Family == endpoint.Family && e.Family != ApiFamily.Unknown);
        }

        private static string Resolve(Endpoint endpoint, PostmanEnvironment? environment, BinanceNetwork network, BinanceNetwork? pickedFor, out BaseUriOrigin origin,
            IReadOnlyList<BinanceNetwork>? offered = null)
        {
            var resolver = new VariableResolver(endpoint.Owner.Variables, environment?.Variables);
            var missing = new List<string>();
            string host = resolver.Resolve(endpoint.Host, missing);
            string? variable = FirstVariable(endpoint.Host);
            if (missing.Count > 0)
            {
                string key = BinanceHosts.UrlVariableFor(network);
                if (!resolver.TryGet(key, out string networkUrl) || networkUrl.Length == 0)
                    throw NoUrl(endpoint, environment, network, missing, offered);
                host = networkUrl;
                variable = key;
            }
            origin = variable == null
                ? BaseUriOrigin.FromCollectionLiteral(endpoint.Collection, endpoint.Name, endpoint.Host)
                : environment != null && environment.Variables.TryGetValue(variable, out string? fromEnvironment) && fromEnvironment != null
                    ? BaseUriOrigin.FromEnvironment(environment.Name, variable, pickedFor)
                    : BaseUriOrigin.FromCollectionVariable(endpoint.Collection, endpoint.Name, variable);
            host = host.TrimEnd('/');
            if (!Uri.TryCreate(host, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new UrlResolutionException(UrlFailure.NotAUrl, $"'{endpoint.QualifiedName}' resolves to '{host}', which is not an absolute http(s) URL.", network);
            return host;
        }

        /// <summary>The first {{variable}} of a host template (the one that supplies the host), or null when the host is written out.</summary>
        private static string? FirstVariable(string template)
        {
            int open = template.IndexOf("{{", StringComparison.Ordinal);
            int close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            return close < 0 ? null : template.Substring(open + 2, close - open - 2).Trim();
        }

        private static UrlResolutionException NoUrl(Endpoint endpoint, PostmanEnvironment? environment, BinanceNetwork network, List<string> missing, IReadOnlyList<BinanceNetwork>? offered)
        {
            string vars = string.Join(", ", missing.Select(m => "{{" + m + "}}"));
            if (network != BinanceNetwork.Production && offered != null && offered.Count > 0 && !offered.Contains(network))
                return new UrlResolutionException(UrlFailure.NetworkNotServed,
                    $"'{endpoint.QualifiedName}' has no {network} URL: Binance serves {endpoint.Family.DisplayName()} on {NetworkList(offered)} only.", network, offered);
            if (network != BinanceNetwork.Production)
            {
                bool sapi = network == BinanceNetwork.Testnet && endpoint.Path.StartsWith("/sapi/", StringComparison.OrdinalIgnoreCase);
                return new UrlResolutionException(sapi ? UrlFailure.TestnetHasNoSapi : UrlFailure.NoEnvironment,
                    $"'{endpoint.QualifiedName}' has no {network} URL: no loaded environment for this API sets {vars}, and the collection has no {BinanceHosts.UrlVariableFor(network)} variable."
                    + (sapi ? " The spot testnet has no /sapi endpoints: only /api ones." : ""), network, offered);
            }
            string envText = environment == null ? "no loaded environment" : $"environment '{environment.Name}'";
            return new UrlResolutionException(UrlFailure.NoEnvironment, $"'{endpoint.QualifiedName}' needs {vars} for its host, and {envText} defines it.", network, offered);
        }
    }
}
