namespace BinancePostman.Http
{
    /// <summary>Classes of failure; each maps to one ErrorCategory in the cmdlets.</summary>
    public enum FailureKind
    {
        Other,
        ApiKey,
        Permission,
        Signature,
        Clock,
        Parameter,
        RateLimit,
        IpBanned,
        Firewall,
        NotFound,
        Rejected,
        ServerError,
        UnknownOutcome,
        Connection,
        Timeout,
        NotJson,
        /// <summary>The proxy could not be reached or refused the request (407): nothing reached the exchange.</summary>
        Proxy,
    }

    /// <summary>What, within a kind of failure, the user has to act on.</summary>
    public enum FailureDetail
    {
        None,
        /// <summary>The endpoint needs an API key and none was set; nothing was sent.</summary>
        NoApiKey,
        /// <summary>The endpoint is signed and the key has no secret or private key; nothing was sent.</summary>
        NoSigner,
        /// <summary>A rate-limit window longer than the module waits (a daily order limit); nothing was sent.</summary>
        WaitTooLong,
        /// <summary>A success reply's body is a proxy's or captive portal's page.</summary>
        SomethingElseAnswered,
        /// <summary>The proxy could not be reached (refused, unknown host) or would not open a tunnel.</summary>
        ProxyUnreachable,
        /// <summary>The proxy asked for credentials (HTTP 407) that were missing or wrong.</summary>
        ProxyAuthentication,
    }
}
