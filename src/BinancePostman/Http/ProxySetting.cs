using System;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace BinancePostman.Http
{
    /// <summary>Where requests go first: the system's proxy, no proxy at all, or a proxy given for the call.</summary>
    public enum ProxyMode
    {
        /// <summary>What .NET reads: on .NET, HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, else the system's settings; on .NET Framework, the system's (Internet Options) settings.</summary>
        System,
        /// <summary>Straight to the exchange.</summary>
        None,
        /// <summary>Through <see cref="ProxySetting.Address"/>.</summary>
        Explicit,
    }

    /// <summary>
    /// How a call reaches the exchange, as one value: the proxy and the credentials for it. Requests with equal
    /// settings share their HttpClients (<see cref="HttpRoutes"/>); the budget, clock and ban state are per host,
    /// whatever the route. Nothing here ever shows a credential: <see cref="Describe"/> names the proxy only.
    /// </summary>
    public sealed class ProxySetting
    {
        private ProxySetting(ProxyMode mode, Uri? address, NetworkCredential? credential, bool useDefaultCredentials)
        {
            Mode = mode;
            Address = address;
            Credential = credential;
            UseDefaultCredentials = useDefaultCredentials;
            Key = string.Join("|", mode.ToString(), address?.AbsoluteUri ?? "", useDefaultCredentials ? "default" : "", CredentialKey(credential));
        }

        /// <summary>The system's proxy, with whatever credentials the system gives it.</summary>
        public static ProxySetting System { get; } = new ProxySetting(ProxyMode.System, null, null, false);

        public static ProxySetting None { get; } = new ProxySetting(ProxyMode.None, null, null, false);

        /// <param name="address">an absolute http, https or socks URI without user information</param>
        public static ProxySetting Through(Uri address, NetworkCredential? credential, bool useDefaultCredentials)
        {
            if (!address.IsAbsoluteUri) throw new ArgumentException("The proxy address must be an absolute URI.", nameof(address));
            if (address.UserInfo.Length > 0) throw new ArgumentException("The proxy address must not carry credentials.", nameof(address));
            return new ProxySetting(ProxyMode.Explicit, address, credential, useDefaultCredentials);
        }

        /// <summary>The system's proxy, authenticating with these credentials (or the logged-on user's).</summary>
        public static ProxySetting SystemWith(NetworkCredential? credential, bool useDefaultCredentials) =>
            credential == null && !useDefaultCredentials ? System : new ProxySetting(ProxyMode.System, null, credential, useDefaultCredentials);

        public ProxyMode Mode { get; }
        public Uri? Address { get; }
        public NetworkCredential? Credential { get; }
        public bool UseDefaultCredentials { get; }

        public bool HasCredentials => Credential != null || UseDefaultCredentials;

        /// <summary>What to answer the proxy with: the logged-on user's credentials, the given ones, or none.</summary>
        internal ICredentials? Credentials => UseDefaultCredentials ? CredentialCache.DefaultCredentials : Credential;

        /// <summary>The same proxy without credentials.</summary>
        internal ProxySetting WithoutCredentials() =>
            !HasCredentials ? this : Mode == ProxyMode.Explicit ? new ProxySetting(ProxyMode.Explicit, Address, null, false) : System;

        /// <summary>Equal for equal settings; holds a hash of a password, never the password.</summary>
        internal string Key { get; }

        /// <summary>"the proxy http://host:8080", "the system proxy", "no proxy".</summary>
        public string Describe() =>
            Mode == ProxyMode.Explicit ? "the proxy " + Display(Address!)
            : Mode == ProxyMode.None ? "no proxy"
            : "the system proxy";

        /// <summary>A proxy address as the user may read it: scheme, host and port, never user information.</summary>
        public static string Display(Uri proxy) =>
            proxy.IsAbsoluteUri ? proxy.Scheme + "://" + proxy.Host + (proxy.IsDefaultPort ? "" : ":" + proxy.Port.ToString(CultureInfo.InvariantCulture)) : "(a proxy)";

        /// <summary>The WebProxy of an explicit setting, with its credentials; null otherwise.</summary>
        internal WebProxy? CreateWebProxy()
        {
            if (Mode != ProxyMode.Explicit) return null;
            // BypassProxyOnLocal off: a proxy given for the call is used for every host, loopback too (on .NET; .NET Framework always bypasses loopback)
            var proxy = new WebProxy(Address!) { BypassProxyOnLocal = false };
            if (UseDefaultCredentials) proxy.UseDefaultCredentials = true;
            else if (Credential != null) proxy.Credentials = Credential;
            return proxy;
        }

        /// <summary>
        /// The proxy to give a WebSocket, or false to leave the socket's own default, which is the system's proxy (as
        /// HttpClient's). ClientWebSocket has no DefaultProxyCredentials, so credentials for the system proxy travel on a
        /// proxy that asks the system's for its answers.
        /// </summary>
        internal bool TryGetWebSocketProxy(out IWebProxy? proxy)
        {
            switch (Mode)
            {
                case ProxyMode.None:
                    proxy = null;
                    return true;
                case ProxyMode.Explicit:
                    proxy = CreateWebProxy();
                    return true;
                default:
                    proxy = HasCredentials ? new SystemProxyWithCredentials(Credentials) : null;
                    return HasCredentials;
            }
        }

        /// <summary>
        /// "Basic ..." for a proxy given with a user name and password. Sent with each plain-http request through the proxy, so a
        /// proxy that wants Basic never answers 407 first: that answer would make the HTTP stack send the request a second time,
        /// which a state change's body refuses. (Requests to https hosts authenticate on the CONNECT tunnel instead, before
        /// any byte of the request leaves, and never carry this header: it would travel inside the tunnel to the exchange.)
        /// </summary>
        internal string? BasicAuthorization()
        {
            if (Credential == null || UseDefaultCredentials) return null;
            string user = string.IsNullOrEmpty(Credential.Domain) ? Credential.UserName : Credential.Domain + "\\" + Credential.UserName;
            return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + Credential.Password));
        }

        /// <summary>What HttpClientHandler uses when it is given no proxy: HttpClient.DefaultProxy on .NET, WebRequest.DefaultWebProxy on .NET Framework.</summary>
        internal static IWebProxy? SystemProxy() =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)
                ? WebRequest.DefaultWebProxy
                : WebRequest.GetSystemWebProxy();

        private static string CredentialKey(NetworkCredential? credential)
        {
            if (credential == null) return "";
            using var sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(credential.Domain + "\0" + credential.UserName + "\0" + credential.Password));
            return BitConverter.ToString(hash).Replace("-", "");
        }
    }

    /// <summary>The system's proxy as it decides per host, with credentials given for the call.</summary>
    internal sealed class SystemProxyWithCredentials : IWebProxy
    {
        public SystemProxyWithCredentials(ICredentials? credentials) => Credentials = credentials;

        public ICredentials? Credentials { get; set; }

        public Uri? GetProxy(Uri destination) => ProxySetting.SystemProxy()?.GetProxy(destination);

        public bool IsBypassed(Uri host) => ProxySetting.SystemProxy()?.IsBypassed(host) ?? true;
    }
}
