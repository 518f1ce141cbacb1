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
                throw new UrlResolutionException($"'{endpoint.QualifiedName}' is a /sapi endpoint, and the spot testnet has no /sapi endpoints: only /api ones. Use the Production network for it (carefully), or pass -BaseUri.");
            PostmanEnvironment? match = PickEnvironment(endpoint, network, environments);
            return Resolve(endpoint, match, network, network, out origin);
        }

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
                throw new UrlResolutionException($"No loaded environment serves '{path}' on {network}.{hint} Pass -BaseUri or -Environment.");
            }
            origin = BaseUriOrigin.FromEnvironment(match.Name, "url", network);
            return match.Url!.TrimEnd('/');
        }

        public static PostmanEnvironment? PickEnvironment(Endpoint endpoint, BinanceNetwork network, IEnumerable<PostmanEnvironment> environments)
        {
            var candidates = environments.Where(e => e.Network == network && e.Variables.ContainsKey("url")).ToList();
            return candidates.FirstOrDefault(e => e.Family == endpoint.Family && e.Family != ApiFamily.Unknown);
        }

        private static string Resolve(Endpoint endpoint, PostmanEnvironment? environment, BinanceNetwork network, BinanceNetwork? pickedFor, out BaseUriOrigin origin)
        {
            var resolver = new VariableResolver(endpoint.Owner.Variables, environment?.Variables);
            var missing = new List<string>();
            string host = resolver.Resolve(endpoint.Host, missing);
            string? variable = FirstVariable(endpoint.Host);
            if (missing.Count > 0)
            {
                string key = BinanceHosts.UrlVariableFor(network);
                if (!resolver.TryGet(key, out string networkUrl) || networkUrl.Length == 0)
                    throw new UrlResolutionException(NoUrlMessage(endpoint, environment, network, missing));
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
                throw new UrlResolutionException($"'{endpoint.QualifiedName}' resolves to '{host}', which is not an absolute http(s) URL. Check the environment's 'url' variable or pass -BaseUri.");
            return host;
        }

        /// <summary>The first {{variable}} of a host template (the one that supplies the host), or null when the host is written out.</summary>
        private static string? FirstVariable(string template)
        {
            int open = template.IndexOf("{{", StringComparison.Ordinal);
            int close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            return close < 0 ? null : template.Substring(open + 2, close - open - 2).Trim();
        }

        private static string NoUrlMessage(Endpoint endpoint, PostmanEnvironment? environment, BinanceNetwork network, List<string> missing)
        {
            string vars = string.Join(", ", missing.Select(m => "{{" + m + "}}"));
            if (network != BinanceNetwork.Production)
            {
                string hint = network == BinanceNetwork.Testnet && endpoint.Path.StartsWith("/sapi/", StringComparison.OrdinalIgnoreCase)
                    ? " The spot testnet has no /sapi endpoints: only /api ones."
                    : "";
                return $"'{endpoint.QualifiedName}' has no {network} URL: no loaded environment for this API sets {vars}, and the collection has no {BinanceHosts.UrlVariableFor(network)} variable.{hint} Use the Production network, or pass -BaseUri.";
            }
            string envText = environment == null ? "no loaded environment" : $"environment '{environment.Name}'";
            return $"'{endpoint.QualifiedName}' needs {vars} for its host, and {envText} defines it. Pass -Environment with a matching environment (Get-BinanceEnvironment), or -BaseUri.";
        }
    }
}
