using System;

namespace BinancePostman.Credentials
{
    public enum CredentialFailure
    {
        SecretManagementMissing,
        VaultNotFound,
        SecretNotFound,
        WrongShape,
        VaultError,
    }

    /// <summary>Keys that could not be had from a vault. The message names the vault and secret, never their value.</summary>
    public sealed class CredentialException : Exception
    {
        public CredentialException(CredentialFailure failure, string message, string recommendedAction, Exception? inner = null)
            : base(message, inner)
        {
            Failure = failure;
            RecommendedAction = recommendedAction;
        }

        public CredentialFailure Failure { get; }
        public string RecommendedAction { get; }
    }
}
