using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>Completes an audit finding's advice with what the module offers for it, before the finding is shown.</summary>
    internal static class AuditHintText
    {
        public static AuditFinding Complete(AuditFinding finding)
        {
            string? hint = finding.Hint switch
            {
                AuditHint.TrustHost => $"If {finding.Host} is yours: Connect-Binance -TrustedHost {finding.Host}, or -BaseUri per call.",
                AuditHint.KeysInVault => "Set-BinanceCredential stores them in a vault; Connect-Binance -Vault reads them from there.",
                AuditHint.PrivateKeyInVault => "Set-BinanceCredential -PrivateKeyPath stores it in a vault.",
                _ => null,
            };
            if (hint != null && !finding.Advice.EndsWith(hint, System.StringComparison.Ordinal)) finding.Advice = finding.Advice + " " + hint;
            return finding;
        }
    }
}
