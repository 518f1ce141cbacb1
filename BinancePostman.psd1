@{
    RootModule             = 'BinancePostman.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '3b6f1f0e-6a5c-4f0c-9a51-8d7c2f4b1e21'
    Author                 = 'BinancePostman authors'
    CompanyName            = 'BinancePostman'
    Copyright              = '(c) 2026 BinancePostman authors. MIT License.'
    Description            = 'Every Binance REST endpoint as a PowerShell command, from Binance''s Postman collections: signed requests, keys from SecretManagement vaults, objects into the pipeline.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('BinancePostman.Format.ps1xml')
    TypesToProcess         = @('BinancePostman.Types.ps1xml')
    CmdletsToExport        = @(
        'Get-BinanceCollection'
        'Import-BinanceCollection'
        'Get-BinanceEndpoint'
        'Get-BinanceEnvironment'
        'Import-BinanceEnvironment'
        'Invoke-BinanceRequest'
        'Connect-Binance'
        'Disconnect-Binance'
        'Get-BinanceConnection'
        'Set-BinanceCredential'
        'Remove-BinanceCredential'
        'Test-BinanceCollection'
        'Test-BinanceApiKey'
        'Get-BinanceRateLimit'
        'Test-BinanceOrder'
        'ConvertTo-BinanceOrderValue'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Binance', 'Postman', 'REST', 'Crypto', 'Trading', 'SecretManagement', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ExternalModuleDependencies = @()
        }
    }
}
