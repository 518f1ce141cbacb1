using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Security;
using BinancePostman.Signing;

namespace BinancePostman.Credentials
{
    /// <summary>
    /// Reads and writes key material through Microsoft.PowerShell.SecretManagement, by running its commands
    /// (module-qualified) in the caller's runspace, as the user's own session would. It is loaded only when used.
    /// </summary>
    internal static class SecretManagementVault
    {
        public const string Module = "Microsoft.PowerShell.SecretManagement";
        public const string ApiKeyField = "ApiKey";
        public const string ApiSecretField = "ApiSecret";
        public const string PrivateKeyField = "PrivateKey";
        public const string PassphraseField = "PrivateKeyPassphrase";

        public static ApiCredential Read(PSCmdlet cmdlet, string vault, string name)
        {
            object secret = Unwrap(Run(cmdlet, "param($Name, $Vault) " + Module + "\\Get-Secret -Name $Name -Vault $Vault -ErrorAction Stop", vault, name, name, vault));
            string source = $"vault '{vault}', secret '{name}'";
            switch (secret)
            {
                case Hashtable table:
                    return FromTable(table, vault, name, source);
                case PSCredential credential:
                    IRequestSigner signer = SecureText.Use(credential.Password, s => SignerFactory.Create(s, null));
                    return new ApiCredential(credential.UserName, signer, source);
                default:
                    throw WrongShape(vault, name, secret.GetType().Name);
            }
        }

        public static void Write(PSCmdlet cmdlet, string vault, string name, Hashtable secret)
        {
            Run(cmdlet, "param($Name, $Secret, $Vault) " + Module + "\\Set-Secret -Name $Name -Secret $Secret -Vault $Vault -ErrorAction Stop", vault, name, name, secret, vault);
        }

        public static void Remove(PSCmdlet cmdlet, string vault, string name)
        {
            Run(cmdlet, "param($Name, $Vault) " + Module + "\\Remove-Secret -Name $Name -Vault $Vault -ErrorAction Stop", vault, name, name, vault);
        }

        public static Collection<PSObject> VaultNames(PSCmdlet cmdlet) =>
            cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(Module + "\\Get-SecretVault -ErrorAction Stop"), null);

        private static ApiCredential FromTable(Hashtable table, string vault, string name, string source)
        {
            string? apiKey = Text(table, ApiKeyField);
            if (string.IsNullOrEmpty(apiKey)) throw WrongShape(vault, name, "Hashtable without ApiKey");
            string? passphrase = Text(table, PassphraseField);
            string? secret = Text(table, ApiSecretField);
            string? pem = Text(table, PrivateKeyField);
            if (!string.IsNullOrEmpty(pem)) return new ApiCredential(apiKey!, SignerFactory.Create(pem!, passphrase), source);
            if (!string.IsNullOrEmpty(secret)) return new ApiCredential(apiKey!, SignerFactory.Create(secret!, passphrase), source);
            return new ApiCredential(apiKey!, null, source);
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

        private static Collection<PSObject> Run(PSCmdlet cmdlet, string script, string vault, string name, params object[] args)
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
            catch (Exception ex) when (ex is RuntimeException runtime)
            {
                string id = runtime.ErrorRecord?.FullyQualifiedErrorId ?? "";
                string message = runtime.ErrorRecord?.Exception?.Message ?? ex.Message;
                if (id.IndexOf("SecretNotFound", StringComparison.OrdinalIgnoreCase) >= 0)
                    throw new CredentialException(CredentialFailure.SecretNotFound, $"The secret '{name}' was not found in vault '{vault}'.",
                        $"Get-SecretInfo -Vault '{vault}' lists the secrets; Set-BinanceCredential stores keys.", ex);
                // SecretManagement says "Vault <name> does not exist in registry." for an unregistered vault
                if (message.IndexOf("does not exist in registry", StringComparison.OrdinalIgnoreCase) >= 0 || id.IndexOf("VaultNotFound", StringComparison.OrdinalIgnoreCase) >= 0)
                    throw new CredentialException(CredentialFailure.VaultNotFound, $"The vault '{vault}' is not registered.",
                        "Get-SecretVault lists the registered vaults; Register-SecretVault adds one.", ex);
                throw new CredentialException(CredentialFailure.VaultError, $"The vault '{vault}' failed on secret '{name}': {message}",
                    "Check the vault (Test-SecretVault) and unlock it if it is locked (Unlock-SecretStore).", ex);
            }
        }

        private static bool IsCommandMissing(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is CommandNotFoundException) return true;
                if (e is RuntimeException r && r.ErrorRecord?.Exception is CommandNotFoundException) return true;
            }
            return false;
        }
    }
}
