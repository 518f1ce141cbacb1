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
        'Compare-BinanceCollection'
        'Test-BinanceOrder'
        'ConvertTo-BinanceOrderValue'
        'Receive-BinanceStream'
        'Receive-BinanceUserData'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Binance', 'Postman', 'REST', 'API', 'Crypto', 'Trading', 'Orders', 'WebSocket', 'SecretManagement', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/BinancePostman/BinancePostman'
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = @'
0.1.0: first release.
- Every endpoint of Binance's Spot, USDs-M Futures, Coin-M Futures, European Options, Portfolio Margin, Alpha and Broker REST APIs (813 requests from the bundled Postman collections, and 20 retired ones kept for reference) as Invoke-BinanceRequest by name, with tab completion of names, parameters and values; Binance's own collection downloads load too; Compare-BinanceCollection shows what a new download changes.
- Requests signed natively (HMAC-SHA256, RSA, Ed25519); keys from SecretManagement vaults (Set-BinanceCredential, Connect-Binance), safe in ForEach-Object -Parallel; Test-BinanceApiKey checks a key's clock, signature and permissions; keys go only to Binance's hosts or hosts you name.
- Replies streamed into the pipeline as objects (decimals, UTC times, flat for Export-Csv); -All pages history, with -First and -Skip.
- Invoke-RestMethod's conventions: -ResponseHeadersVariable, -StatusCodeVariable, -Proxy, -ProxyCredential, -ProxyUseDefaultCredentials, -NoProxy.
- Rate limits read from headers and exchangeInfo, 429/418 honoured, reads retried, orders never sent twice.
- Receive-BinanceStream and Receive-BinanceUserData: market streams and the account's own events over WebSocket, typed, reconnecting by themselves, with each gap reported.
- Test-BinanceOrder and ConvertTo-BinanceOrderValue: orders checked against the symbol's filters, and rounded onto its tick and step sizes, before anything is sent.
- Test-BinanceCollection audits collections and environments as data: their scripts are never run.
'@
            ExternalModuleDependencies = @()
        }
    }
}
