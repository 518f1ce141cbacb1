# Test stand-in for Microsoft.PowerShell.SecretManagement 1.1.2 (the real one lives on the PowerShell Gallery).
# Same module name, command names, parameters, return types, messages and error ids; secrets kept in a JSON file named
# by $env:BP_STANDIN_VAULT_FILE. Like the real module it runs every vault call in ONE runspace for the whole process,
# so a call from another runspace that arrives while one is running fails (see the .psm1).
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
