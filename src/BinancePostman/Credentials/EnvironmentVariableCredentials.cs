using System;

namespace BinancePostman.Credentials
{
    /// <summary>Keys from BINANCE_API_KEY with BINANCE_API_SECRET or BINANCE_PRIVATE_KEY_PATH (+ BINANCE_PRIVATE_KEY_PASSPHRASE).</summary>
    internal static class EnvironmentVariableCredentials
    {
        public const string ApiKey = "BINANCE_API_KEY";
        public const string ApiSecret = "BINANCE_API_SECRET";
        public const string PrivateKeyPath = "BINANCE_PRIVATE_KEY_PATH";
        public const string PrivateKeyPassphrase = "BINANCE_PRIVATE_KEY_PASSPHRASE";

        public static ApiCredential? TryRead()
        {
            string? key = Environment.GetEnvironmentVariable(ApiKey);
            if (string.IsNullOrEmpty(key)) return null;
            string? secret = Environment.GetEnvironmentVariable(ApiSecret);
            string? path = Environment.GetEnvironmentVariable(PrivateKeyPath);
            string? passphrase = Environment.GetEnvironmentVariable(PrivateKeyPassphrase);
            if (!string.IsNullOrEmpty(path))
                return new ApiCredential(key!, KeyMaterialReader.FromPemFile(path!, passphrase), KeyOrigin.EnvironmentVariables) { Environment = PrivateKeyPath };
            if (!string.IsNullOrEmpty(secret))
                return new ApiCredential(key!, KeyMaterialReader.FromSecretOrPem(secret!, passphrase), KeyOrigin.EnvironmentVariables) { Environment = ApiSecret };
            return new ApiCredential(key!, null, KeyOrigin.EnvironmentVariables);
        }
    }
}
