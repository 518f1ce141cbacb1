using System;
using BinancePostman.Catalog;
using BinancePostman.Credentials;

namespace BinancePostman.Session
{
    /// <summary>
    /// Which keys a request uses: the call's own parameters, else the session's, else BINANCE_API_KEY and its partners,
    /// else a Postman environment's own non-placeholder values (the last resort: the caller warns). A source that is
    /// named and fails (a vault that cannot be read, a Connect-Binance that failed) is an error, never replaced by the
    /// next source.
    /// </summary>
    internal static class KeyResolver
    {
        public static ApiCredential? Resolve(KeyParameters perCall, SessionSnapshot session, PostmanEnvironment? environment,
            Func<string, string, ApiCredential> readVault)
        {
            ApiCredential? own = CredentialBuilder.Build(perCall, readVault);
            if (own != null) return own;
            if (session.ConnectFailure != null) throw new SessionKeysFailedException(session.ConnectFailure);
            return session.Credential
                ?? EnvironmentVariableCredentials.TryRead()
                ?? EnvironmentFileCredentials.TryRead(environment);
        }
    }
}
