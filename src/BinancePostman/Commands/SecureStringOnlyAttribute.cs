using System.Management.Automation;
using System.Security;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Accepts only a SecureString. PowerShell's own conversion error would quote a plain-text value, putting the
    /// secret into $Error; this refuses it with advice and without the value.
    /// </summary>
    public sealed class SecureStringOnlyAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value == null || value is SecureString) return value!;
            throw new ArgumentTransformationMetadataException(
                "This parameter takes a SecureString, not plain text, so the secret stays out of history and logs. " +
                "Use (Read-Host -AsSecureString), Get-Secret from a vault, or Set-BinanceCredential.");
        }
    }
}
