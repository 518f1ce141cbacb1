using System;
using System.Management.Automation;
using BinancePostman.Credentials;
using BinancePostman.Signing;

namespace BinancePostman.Commands
{
    internal static partial class ErrorRecords
    {
        public static bool TryFromCredentialFailure(Exception ex, out ErrorRecord? record)
        {
            switch (ex)
            {
                case CredentialException c:
                    ErrorCategory category = c.Failure == CredentialFailure.SecretManagementMissing ? ErrorCategory.NotInstalled
                        : c.Failure == CredentialFailure.WrongShape ? ErrorCategory.InvalidType
                        : c.Failure == CredentialFailure.VaultError ? ErrorCategory.InvalidOperation
                        : ErrorCategory.ObjectNotFound;
                    // the inner exception is SecretManagement's own; only the message is ours, so nothing leaks
                    record = Make(new CredentialException(c.Failure, c.Message, c.RecommendedAction), "BinancePostman.Credential." + c.Failure, category, null, c.RecommendedAction);
                    return true;
                case KeyMaterialException:
                case System.IO.IOException:
                case UnauthorizedAccessException:
                    return TryFromRequestFailure(ex is KeyMaterialException ? ex : new KeyMaterialException(KeyMaterialReason.Unreadable, ex.Message), out record);
                default:
                    return TryFromRequestFailure(ex, out record);
            }
        }
    }
}
