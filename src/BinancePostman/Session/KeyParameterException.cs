using System;

namespace BinancePostman.Session
{
    public enum KeyParameterProblem
    {
        /// <summary>-Vault without -SecretName, or the other way round.</summary>
        VaultWithoutSecretName,
        /// <summary>A secret, key file or passphrase without the API key it belongs to.</summary>
        SecretWithoutApiKey,
        /// <summary>Both a secret and a key file.</summary>
        SecretAndKeyFile,
    }

    /// <summary>Key parameters that do not make one key: which ones are missing or clash.</summary>
    public sealed class KeyParameterException : ArgumentException
    {
        public KeyParameterException(KeyParameterProblem problem)
            : base(Describe(problem))
        {
            Problem = problem;
        }

        public KeyParameterProblem Problem { get; }

        private static string Describe(KeyParameterProblem problem)
        {
            switch (problem)
            {
                case KeyParameterProblem.VaultWithoutSecretName: return "A vault and a secret name go together: one was given without the other.";
                case KeyParameterProblem.SecretWithoutApiKey: return "A secret, private key or passphrase was given without the API key it belongs to.";
                default: return "Both an API secret and a private key file were given; a key has one or the other.";
            }
        }
    }
}
