using BinancePostman.Signing;

namespace BinancePostman.Credentials
{
    /// <summary>An API key and the parsed signer for it. Holds no secret text: only the signer made from it.</summary>
    public sealed class ApiCredential
    {
        public ApiCredential(string apiKey, IRequestSigner? signer, string source)
        {
            ApiKey = apiKey;
            Signer = signer;
            Source = source;
        }

        public string ApiKey { get; }
        public IRequestSigner? Signer { get; }
        /// <summary>Where the key came from, for -Verbose ("parameter -Credential", "environment variables").</summary>
        public string Source { get; }

        /// <summary>The key as it may be shown: first and last four characters.</summary>
        public string MaskedApiKey => Mask(ApiKey);

        public static string Mask(string key) =>
            key.Length <= 8 ? new string('*', key.Length) : key.Substring(0, 4) + new string('*', 8) + key.Substring(key.Length - 4);

        public override string ToString() => MaskedApiKey;
    }
}
