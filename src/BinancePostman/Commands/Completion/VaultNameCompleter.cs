using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BinancePostman.Commands.Completion
{
    /// <summary>Vault names from SecretManagement when it is installed; nothing otherwise.</summary>
    public sealed class VaultNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
            var results = new List<CompletionResult>();
            try
            {
                using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
                ps.AddScript("if (Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement) { Microsoft.PowerShell.SecretManagement\\Get-SecretVault -ErrorAction SilentlyContinue }");
                foreach (PSObject vault in ps.Invoke())
                {
                    string? name = vault.Properties["Name"]?.Value?.ToString() ?? vault.Properties["VaultName"]?.Value?.ToString();
                    if (name != null && pattern.IsMatch(name)) results.Add(CompletionText.Result(name, "SecretManagement vault"));
                }
            }
            catch (RuntimeException)
            {
                // no SecretManagement, or a vault that fails: no completions
            }
            return results;
        }
    }
}
