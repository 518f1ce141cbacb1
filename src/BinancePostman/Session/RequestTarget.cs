using BinancePostman.Catalog;

namespace BinancePostman.Session
{
    /// <summary>
    /// Where a request goes, decided in one place: the call's base URI, else the call's named environment, else the
    /// session's base URI, else the network (the call's, else the session's) mapped to the environment of the
    /// endpoint's API. Carries the environment whose variables fill {{placeholders}} and may hold keys.
    /// </summary>
    public sealed class RequestTarget
    {
        private RequestTarget(string baseUri, BaseUriOrigin origin, PostmanEnvironment? environment, BinanceNetwork network)
        {
            BaseUri = baseUri.TrimEnd('/');
            Origin = origin;
            Environment = environment;
            Network = network;
        }

        public string BaseUri { get; }
        /// <summary>Where the base URI came from: the call, the session, an environment's or the collection's variable, or a URL the request writes out.</summary>
        public BaseUriOrigin Origin { get; }
        /// <summary>The environment named for the call, else the one picked for the endpoint's API and network.</summary>
        public PostmanEnvironment? Environment { get; }
        public BinanceNetwork Network { get; }

        public static RequestTarget ForEndpoint(Endpoint endpoint, TargetOptions options, SessionSnapshot session, EndpointCatalog catalog)
        {
            BinanceNetwork network = options.Network ?? session.Network;
            PostmanEnvironment? named = Named(options, catalog);
            PostmanEnvironment? environment = named ?? BaseUrlResolver.PickEnvironment(endpoint, network, catalog.Environments);
            if (options.BaseUri != null) return new RequestTarget(options.BaseUri.ToString(), BaseUriOrigin.ForCall, environment, network);
            if (named != null)
                return new RequestTarget(BaseUrlResolver.Resolve(endpoint, named, out BaseUriOrigin fromNamed), fromNamed, named, named.Network ?? network);
            if (session.BaseUri != null) return new RequestTarget(session.BaseUri.ToString(), BaseUriOrigin.ForSession, environment, network);
            string picked = BaseUrlResolver.Resolve(endpoint, network, catalog.Environments, out BaseUriOrigin fromNetwork);
            return new RequestTarget(picked, fromNetwork, environment, network);
        }

        /// <summary>For a method and path of no collection: the environment of the path's API on the network gives the host.</summary>
        public static RequestTarget ForPath(string path, TargetOptions options, SessionSnapshot session, EndpointCatalog catalog)
        {
            BinanceNetwork network = options.Network ?? session.Network;
            PostmanEnvironment? named = Named(options, catalog);
            if (options.BaseUri != null) return new RequestTarget(options.BaseUri.ToString(), BaseUriOrigin.ForCall, named, network);
            if (named?.Url != null) return new RequestTarget(named.Url, BaseUriOrigin.FromEnvironment(named.Name, "url"), named, named.Network ?? network);
            if (session.BaseUri != null) return new RequestTarget(session.BaseUri.ToString(), BaseUriOrigin.ForSession, named, network);
            string picked = BaseUrlResolver.ResolveForPath(path, network, catalog.Environments, out BaseUriOrigin fromNetwork);
            return new RequestTarget(picked, fromNetwork, named, network);
        }

        private static PostmanEnvironment? Named(TargetOptions options, EndpointCatalog catalog)
        {
            if (string.IsNullOrEmpty(options.EnvironmentName)) return null;
            return catalog.FindEnvironment(options.EnvironmentName!) ?? throw new EnvironmentNotFoundException(options.EnvironmentName!);
        }
    }
}
