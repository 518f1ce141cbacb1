using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using BinancePostman.Credentials;

namespace BinancePostman.Commands.Completion
{
    /// <summary>Vault names from SecretManagement when it is installed (asked through the module's one gate); nothing otherwise.</summary>
    public sealed class VaultNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
            var results = new List<CompletionResult>();
            try
            {
                foreach (string name in SecretManagementVault.VaultNames())
                    if (pattern.IsMatch(name)) results.Add(CompletionText.Result(name, "SecretManagement vault"));
            }
            catch (RuntimeException)
            {
                // no SecretManagement, or a vault that fails: no completions
            }
            return results;
        }
    }
}
