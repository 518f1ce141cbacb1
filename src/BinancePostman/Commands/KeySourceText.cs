using BinancePostman.Credentials;

namespace BinancePostman.Commands
{
    /// <summary>Where a key came from, in words for -Verbose and Get-BinanceConnection; never the key itself.</summary>
    internal static class KeySourceText
    {
        /// <param name="connect">the key was given to Connect-Binance, not to the call</param>
        public static string For(ApiCredential credential, bool connect = false)
        {
            string by = connect ? "Connect-Binance " : "parameter ";
            switch (credential.Origin)
            {
                case KeyOrigin.Credential: return by + "-Credential";
                case KeyOrigin.PrivateKeyFile: return (connect ? "Connect-Binance " : "parameters ") + "-ApiKey and -PrivateKeyPath";
                case KeyOrigin.Parameters: return credential.Signer == null ? by + "-ApiKey" : (connect ? "Connect-Binance " : "parameters ") + "-ApiKey and -ApiSecret";
                case KeyOrigin.Vault: return $"vault '{credential.Vault}', secret '{credential.SecretName}'";
                case KeyOrigin.EnvironmentVariables:
                    return credential.Environment == null
                        ? "environment variable " + EnvironmentVariableCredentials.ApiKey
                        : "environment variables " + EnvironmentVariableCredentials.ApiKey + " and " + credential.Environment;
                default: return $"environment file '{credential.Environment}'";
            }
        }
    }
}
