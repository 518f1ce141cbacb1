using BinancePostman.Signing;

namespace BinancePostman.Credentials
{
    /// <summary>Where a key came from; the cmdlets word it for -Verbose and Get-BinanceConnection.</summary>
    public enum KeyOrigin
    {
        /// <summary>An API key (and secret) given as parameters.</summary>
        Parameters,
        /// <summary>A PSCredential: user name the API key, password the secret or PEM text.</summary>
        Credential,
        /// <summary>An API key with a PEM private key file.</summary>
        PrivateKeyFile,
        /// <summary>A SecretManagement vault (<see cref="ApiCredential.Vault"/>, <see cref="ApiCredential.SecretName"/>).</summary>
        Vault,
        /// <summary>BINANCE_API_KEY with BINANCE_API_SECRET or BINANCE_PRIVATE_KEY_PATH.</summary>
        EnvironmentVariables,
        /// <summary>A Postman environment's own values (<see cref="ApiCredential.Environment"/>).</summary>
        EnvironmentFile,
    }

    /// <summary>An API key and the parsed signer for it. Holds no secret text: only the signer made from it.</summary>
    public sealed class ApiCredential
    {
        public ApiCredential(string apiKey, IRequestSigner? signer, KeyOrigin origin)
        {
            ApiKey = apiKey;
            Signer = signer;
            Origin = origin;
        }

        public string ApiKey { get; }
        public IRequestSigner? Signer { get; }
        public KeyOrigin Origin { get; }
        /// <summary>The vault the key was read from (Origin Vault).</summary>
        public string? Vault { get; internal set; }
        /// <summary>The secret's name in the vault (Origin Vault).</summary>
        public string? SecretName { get; internal set; }
        /// <summary>The Postman environment that held the key (Origin EnvironmentFile), or the variable that held the secret or key file (EnvironmentVariables).</summary>
        public string? Environment { get; internal set; }

        /// <summary>The key as it may be shown: first and last four characters.</summary>
        public string MaskedApiKey => Mask(ApiKey);

        public static string Mask(string key) =>
            key.Length <= 8 ? new string('*', key.Length) : key.Substring(0, 4) + new string('*', 8) + key.Substring(key.Length - 4);

        public override string ToString() => MaskedApiKey;
    }
}
