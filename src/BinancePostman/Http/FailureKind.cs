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
    }
}
