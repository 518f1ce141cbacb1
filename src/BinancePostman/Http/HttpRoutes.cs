using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace BinancePostman.Http
{
    /// <summary>
    /// The HttpClients of one proxy setting: one for reads and one for state changes (the same one, unless the runtime's
    /// HTTP stack may re-send on its own: see <see cref="StateChangeConnections"/>).
    /// </summary>
    internal sealed class HttpRoute
    {
        private readonly string? _basic;
        private readonly IWebProxy? _explicit;

        /// <param name="uncredentialedStateChanges">for a setting with credentials: the state-change client of the same proxy without them</param>
        public HttpRoute(ProxySetting proxy, HttpClient reads, HttpClient stateChanges, HttpClient? uncredentialedStateChanges = null)
        {
            Proxy = proxy;
            Reads = reads;
            StateChanges = stateChanges;
            UncredentialedStateChanges = uncredentialedStateChanges ?? stateChanges;
            _basic = proxy.Mode == ProxyMode.None ? null : proxy.BasicAuthorization();
            _explicit = proxy.CreateWebProxy();
        }

        public ProxySetting Proxy { get; }
        public HttpClient Reads { get; }
        public HttpClient StateChanges { get; }

        /// <summary>
        /// State changes to a plain-http host through a proxy go through a client that holds no proxy credentials (the
        /// module's own Basic header carries them, see <see cref="AuthorizationFor"/>): should the proxy still answer 407,
        /// that answer comes back as it is, instead of the HTTP stack sending the request again with its credentials, which
        /// the state change's single-use body refuses and which would then look like an order of unknown fate. Requests to
        /// https hosts authenticate on the CONNECT tunnel, before the request itself leaves, and keep the credentialed client.
        /// </summary>
        public HttpClient StateChangesTo(Uri target, Uri? proxy) =>
            proxy != null && Proxy.HasCredentials && string.Equals(target.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase)
                ? UncredentialedStateChanges
                : StateChanges;

        private HttpClient UncredentialedStateChanges { get; }

        /// <summary>The proxy a request to <paramref name="target"/> goes through; null when it goes direct.</summary>
        public Uri? ProxyFor(Uri target)
        {
            IWebProxy? proxy = Proxy.Mode == ProxyMode.Explicit ? _explicit : Proxy.Mode == ProxyMode.System ? ProxySetting.SystemProxy() : null;
            if (proxy == null) return null;
            try
            {
                if (proxy.IsBypassed(target)) return null;
                Uri? via = proxy.GetProxy(target);
                // .NET Framework answers the target itself when there is no proxy
                return via == null || Uri.Compare(via, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0 ? null : via;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is NotSupportedException || ex is UriFormatException || ex is PlatformNotSupportedException)
            {
                return null;
            }
        }

        /// <summary>The Proxy-Authorization to send with a plain-http request that goes through a proxy (see <see cref="ProxySetting.BasicAuthorization"/>).</summary>
        /// <param name="proxy">the proxy the request goes through, null when direct: asked only when the setting has a user name and password</param>
        public string? AuthorizationFor(Uri target, Func<Uri?> proxy) =>
            _basic != null && string.Equals(target.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && proxy() != null ? _basic : null;
    }

    /// <summary>
    /// One <see cref="HttpRoute"/> per distinct proxy setting, made on first use and kept for the life of the process, so
    /// connections are pooled per proxy and shared by every runspace. Each route keeps the state-change guard of its runtime.
    /// </summary>
    internal sealed class HttpRoutes
    {
        private readonly ConcurrentDictionary<string, Lazy<HttpRoute>> _routes = new ConcurrentDictionary<string, Lazy<HttpRoute>>(StringComparer.Ordinal);
        private readonly Func<ProxySetting, bool, HttpClient>? _create;
        private readonly StateChangeConnections.Policy _policy;

        /// <param name="create">makes a client for a setting; true: one whose every request opens a connection of its own</param>
        public HttpRoutes(Func<ProxySetting, bool, HttpClient> create, StateChangeConnections.Policy policy)
        {
            _create = create;
            _policy = policy;
        }

        private HttpRoutes(HttpRoute only)
        {
            _routes[only.Proxy.Key] = new Lazy<HttpRoute>(() => only);
        }

        /// <summary>Given clients for the system setting only (tests, benchmarks): any other setting is refused.</summary>
        public static HttpRoutes Fixed(HttpClient reads, HttpClient stateChanges) => new HttpRoutes(new HttpRoute(ProxySetting.System, reads, stateChanges));

        /// <summary>How many routes have been made (one per distinct setting used).</summary>
        public int Count => _routes.Count;

        public HttpRoute For(ProxySetting proxy)
        {
            if (_routes.TryGetValue(proxy.Key, out Lazy<HttpRoute>? known)) return known.Value;
            if (_create == null) throw new InvalidOperationException("This client was made with fixed HttpClients and sends through them only.");
            return _routes.GetOrAdd(proxy.Key, _ => new Lazy<HttpRoute>(() => Create(proxy), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        private HttpRoute Create(ProxySetting proxy)
        {
            HttpClient reads = _create!(proxy, false);
            HttpClient stateChanges = _policy == StateChangeConnections.Policy.FreshConnection ? _create(proxy, true) : reads;
            HttpClient? uncredentialed = proxy.HasCredentials ? For(proxy.WithoutCredentials()).StateChanges : null;
            return new HttpRoute(proxy, reads, stateChanges, uncredentialed);
        }
    }
}
