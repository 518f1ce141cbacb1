using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Security;
using System.Threading;
using BinancePostman.Signing;

namespace BinancePostman.Credentials
{
    /// <summary>
    /// Reads and writes key material through Microsoft.PowerShell.SecretManagement, by running its commands
    /// (module-qualified) in the caller's runspace, as the user's own session would. It is loaded only when used.
    /// Every call goes through <see cref="SecretManagementGate"/>: SecretManagement is not thread-safe.
    /// </summary>
    internal static class SecretManagementVault
    {
        public const string Module = "Microsoft.PowerShell.SecretManagement";
        public const string ApiKeyField = "ApiKey";
        public const string ApiSecretField = "ApiSecret";
        public const string PrivateKeyField = "PrivateKey";
        public const string PassphraseField = "PrivateKeyPassphrase";

        private const string ImportScript = "if (-not (Get-Module " + Module + ")) { Import-Module " + Module + " -ErrorAction Stop }";

        /// <summary>How long Tab waits for another runspace's vault call before completing nothing.</summary>
        private static readonly TimeSpan CompletionWait = TimeSpan.FromSeconds(1);

        public static ApiCredential Read(PSCmdlet cmdlet, string vault, string name, CancellationToken cancel = default)
        {
            object secret = Unwrap(Run(cmdlet, "param($Name, $Vault) " + Module + "\\Get-Secret -Name $Name -Vault $Vault -ErrorAction Stop", vault, name, new object[] { name, vault }, cancel));
            switch (secret)
            {
                case Hashtable table:
                    return FromTable(table, vault, name);
                case PSCredential credential:
                    IRequestSigner signer = SecureText.Use(credential.Password, s => SignerFactory.Create(s, null));
                    return new ApiCredential(credential.UserName, signer, KeyOrigin.Vault) { Vault = vault, SecretName = name };
                default:
                    throw WrongShape(vault, name, secret.GetType().Name);
            }
        }

        public static void Write(PSCmdlet cmdlet, string vault, string name, Hashtable secret, CancellationToken cancel = default)
        {
            Run(cmdlet, "param($Name, $Secret, $Vault) " + Module + "\\Set-Secret -Name $Name -Secret $Secret -Vault $Vault -ErrorAction Stop", vault, name, new object[] { name, secret, vault }, cancel);
        }

        public static void Remove(PSCmdlet cmdlet, string vault, string name, CancellationToken cancel = default)
        {
            Run(cmdlet, "param($Name, $Vault) " + Module + "\\Remove-Secret -Name $Name -Vault $Vault -ErrorAction Stop", vault, name, new object[] { name, vault }, cancel);
        }

        /// <summary>
        /// The registered vault names, for tab completion in the current runspace; empty when SecretManagement is not
        /// installed, fails, or another runspace holds the gate for longer than a keystroke should wait.
        /// </summary>
        public static IReadOnlyList<string> VaultNames()
        {
            var names = new List<string>();
            // the installed check reads the disk: outside the gate, so it never holds up another runspace's key read
            using (var probe = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                probe.AddScript("if (Get-Module -ListAvailable " + Module + ") { " + ImportScript + "; $true }");
                Collection<PSObject> installed = probe.Invoke();
                if (installed.Count == 0 || !LanguagePrimitives.IsTrue(installed[0])) return names;
            }
            if (!SecretManagementGate.TryRun(ListVaults, CompletionWait, out Collection<PSObject> vaults)) return names;
            foreach (PSObject vault in vaults)
            {
                string? name = vault?.Properties["Name"]?.Value?.ToString() ?? vault?.Properties["VaultName"]?.Value?.ToString();
                if (name != null) names.Add(name);
            }
            return names;
        }

        private static Collection<PSObject> ListVaults()
        {
            using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddScript(Module + "\\Get-SecretVault -ErrorAction SilentlyContinue");
            return ps.Invoke();
        }

        private static ApiCredential FromTable(Hashtable table, string vault, string name)
        {
            string? apiKey = Text(table, ApiKeyField);
            if (string.IsNullOrEmpty(apiKey)) throw WrongShape(vault, name, "Hashtable without ApiKey");
            string? passphrase = Text(table, PassphraseField);
            string? secret = Text(table, ApiSecretField);
            string? pem = Text(table, PrivateKeyField);
            IRequestSigner? signer = !string.IsNullOrEmpty(pem) ? SignerFactory.Create(pem!, passphrase)
                : !string.IsNullOrEmpty(secret) ? SignerFactory.Create(secret!, passphrase)
                : null;
            return new ApiCredential(apiKey!, signer, KeyOrigin.Vault) { Vault = vault, SecretName = name };
        }

        /// <summary>A hashtable value as text: string or SecureString (SecretManagement returns the latter unless -AsPlainText).</summary>
        private static string? Text(Hashtable table, string key)
        {
            foreach (DictionaryEntry entry in table)
            {
                if (!string.Equals(entry.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase)) continue;
                object? value = entry.Value is PSObject pso ? pso.BaseObject : entry.Value;
                if (value is SecureString secure) return SecureText.Use(secure, s => s);
                return value?.ToString();
            }
            return null;
        }

        private static CredentialException WrongShape(string vault, string name, string shape) =>
            new CredentialException(CredentialFailure.WrongShape,
                $"The secret '{name}' in vault '{vault}' is a {shape}, not key material the module can use.",
                "Store keys with Set-BinanceCredential (a Hashtable with ApiKey and ApiSecret or PrivateKey), or as a PSCredential whose user name is the API key and password the secret.");

        private static object Unwrap(Collection<PSObject> results)
        {
            if (results.Count == 0 || results[0] == null)
                throw new CredentialException(CredentialFailure.SecretNotFound, "The vault returned nothing.", "Check the secret name with Get-SecretInfo.");
            return results[0].BaseObject;
        }

        /// <summary>
        /// Runs one SecretManagement command inside the gate. Waiting for another runspace ends on Ctrl+C: the cmdlet's
        /// token (OperationCanceledException, as its own calls) or, for cmdlets without one, PowerShell's stop.
        /// </summary>
        private static Collection<PSObject> Run(PSCmdlet cmdlet, string script, string vault, string name, object[] args, CancellationToken cancel)
        {
            // importing the module reads the disk: done before the gate, so one runspace's import never holds up another's key read
            Invoke(cmdlet, ImportScript, vault, name, Array.Empty<object>());
            try
            {
                return SecretManagementGate.Run(() => Invoke(cmdlet, script, vault, name, args), cancel, () => cmdlet.Stopping,
                    () => cmdlet.WriteVerbose("Waiting for another runspace's SecretManagement call to end: vault access is serialised, SecretManagement is not thread-safe."));
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private static Collection<PSObject> Invoke(PSCmdlet cmdlet, string script, string vault, string name, object[] args)
        {
            try
            {
                return cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(script), null, args);
            }
            catch (Exception ex) when (IsCommandMissing(ex))
            {
                throw new CredentialException(CredentialFailure.SecretManagementMissing,
                    "Microsoft.PowerShell.SecretManagement is not installed, so keys cannot be read from or written to a vault.",
                    "Install-Module Microsoft.PowerShell.SecretManagement (and a vault extension such as Microsoft.PowerShell.SecretStore), then Register-SecretVault.", ex);
            }
            catch (Exception ex) when (ex is RuntimeException runtime && !(ex is PipelineStoppedException))
            {
                string id = runtime.ErrorRecord?.FullyQualifiedErrorId ?? "";
                string message = runtime.ErrorRecord?.Exception?.Message ?? ex.Message;
                if (id.IndexOf("SecretNotFound", StringComparison.OrdinalIgnoreCase) >= 0)
                    throw new CredentialException(CredentialFailure.SecretNotFound, $"The secret '{name}' was not found in vault '{vault}'.",
                        $"Get-SecretInfo -Vault '{vault}' lists the secrets; Set-BinanceCredential stores keys.", ex);
                // Get-/Set-/Remove-Secret say "Vault not found in registry: <name>" (GetSecretVaultNotFound); Get-SecretVault "Vault <name> does not exist in registry."
                if (id.IndexOf("VaultNotFound", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("does not exist in registry", StringComparison.OrdinalIgnoreCase) >= 0)
                    throw new CredentialException(CredentialFailure.VaultNotFound, $"The vault '{vault}' is not registered.",
                        "Get-SecretVault lists the registered vaults; Register-SecretVault adds one.", ex);
                string action = IsConcurrentUse(runtime)
                    ? "Another runspace called SecretManagement at the same moment, outside this module (SecretManagement is not thread-safe). Run again; in parallel scripts read the keys once with Connect-Binance -Vault before the parallel part."
                    : "Check the vault (Test-SecretVault) and unlock it if it is locked (Unlock-SecretStore).";
                throw new CredentialException(CredentialFailure.VaultError, $"The vault '{vault}' failed on secret '{name}': {message}", action, ex);
            }
        }

        /// <summary>SecretManagement's own failure when its shared runspace is busy: the inner PSInvalidOperationException of its error.</summary>
        private static bool IsConcurrentUse(RuntimeException ex)
        {
            for (Exception? e = ex.ErrorRecord?.Exception ?? ex; e != null; e = e.InnerException)
                if (e is PSInvalidOperationException && e.Message.IndexOf("pipeline is already running", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            return false;
        }

        private static bool IsCommandMissing(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is CommandNotFoundException) return true;
                if (e is RuntimeException r && r.ErrorRecord?.Exception is CommandNotFoundException) return true;
                if (e is RuntimeException m && (m.ErrorRecord?.FullyQualifiedErrorId ?? "").StartsWith("Modules_ModuleNotFound", StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }
}
