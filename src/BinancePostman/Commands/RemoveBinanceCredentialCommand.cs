using System;
using System.Management.Automation;
using BinancePostman.Credentials;

namespace BinancePostman.Commands
{
    /// <summary>Deletes stored keys from a vault (Binance's advice: delete keys after testing).</summary>
    [Cmdlet(VerbsCommon.Remove, "BinanceCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveBinanceCredentialCommand : BinanceCmdlet
    {
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(Completion.VaultNameCompleter))]
        public string Vault { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string SecretName { get; set; } = "";

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"vault '{Vault}', secret '{SecretName}'", "Remove stored Binance keys")) return;
            try
            {
                SecretManagementVault.Remove(this, Vault, SecretName);
            }
            catch (Exception ex) when (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record))
            {
                WriteError(record!);
            }
        }
    }
}
