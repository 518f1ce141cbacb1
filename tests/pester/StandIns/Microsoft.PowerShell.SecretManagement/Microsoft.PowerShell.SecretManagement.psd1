# Test stand-in for Microsoft.PowerShell.SecretManagement (the real one lives on the PowerShell Gallery).
# Same module name, command names, parameters and return types; secrets kept in a JSON file named by
# $env:BP_STANDIN_VAULT_FILE so every runspace of the test process (ForEach-Object -Parallel) sees the same vaults.
@{
    RootModule        = 'Microsoft.PowerShell.SecretManagement.psm1'
    ModuleVersion     = '1.1.2'
    GUID              = 'a5c858f6-4a8e-41f1-b1ee-0ff8f6ad69d3'
    Author            = 'BinancePostman tests'
    Description       = 'Test stand-in with the SecretManagement command surface.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @('Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Get-SecretVault', 'Register-SecretVault', 'Unregister-SecretVault')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
