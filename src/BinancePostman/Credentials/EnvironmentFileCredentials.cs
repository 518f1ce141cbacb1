using BinancePostman.Catalog;
using BinancePostman.Signing;

namespace BinancePostman.Credentials
{
    /// <summary>
    /// Keys a Postman environment holds in plain text (both generations' variable names), when they are not the
    /// placeholders Binance ships. The last resort: a vault is safer.
    /// </summary>
    internal static class EnvironmentFileCredentials
    {
        private static readonly string[][] Names =
        {
            new[] { "binance-api-key", "binance-api-secret" },
            new[] { "api-key", "api-secret" },
        };

        public static ApiCredential? TryRead(PostmanEnvironment? environment)
        {
            if (environment == null) return null;
            foreach (string[] pair in Names)
            {
                if (!environment.Variables.TryGetValue(pair[0], out string? key) || IsPlaceholder(key, pair[0])) continue;
                environment.Variables.TryGetValue(pair[1], out string? secret);
                IRequestSigner? signer = IsPlaceholder(secret, pair[1]) ? null : SignerFactory.Create(secret!, null);
                return new ApiCredential(key!, signer, KeyOrigin.EnvironmentFile) { Environment = environment.Name };
            }
            return null;
        }

        private static bool IsPlaceholder(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) || value == "api-key" || value == "api-secret" || value == name
            || (value!.StartsWith("{{", System.StringComparison.Ordinal) && value.EndsWith("}}", System.StringComparison.Ordinal));
    }
}
