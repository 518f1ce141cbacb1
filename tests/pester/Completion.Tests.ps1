Describe 'Tab completion through TabExpansion2' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $env:BP_STANDIN_VAULT_FILE = Join-Path $TestDrive 'vaults.json'
        $savedPath = $env:PSModulePath
        $env:PSModulePath = (Join-Path $PSScriptRoot 'StandIns') + [IO.Path]::PathSeparator + $env:PSModulePath
        Import-Module (Get-ModulePath) -Force
        Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name BinanceVault -ModuleName StandIn
        Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name 'Team Vault' -ModuleName StandIn

        function Complete([string] $Line) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
        }
    }

    AfterAll {
        $env:PSModulePath = $savedPath
        Remove-Item Env:BP_STANDIN_VAULT_FILE -ErrorAction SilentlyContinue
    }

    Context 'names' {
        It 'completes endpoint names, quoted where needed' {
            Complete "Invoke-BinanceRequest Kline/C" | Should -Contain "'Kline/Candlestick Data'"
            Complete "Invoke-BinanceRequest Kline/C" | Should -Contain "'USDs-M Futures\Kline/Candlestick Data'"
            Complete "Get-BinanceEndpoint 'New Order (T" | Should -Contain "'New Order (TRADE)'"
        }

        It 'completes collection names for -Collection' {
            Complete "Invoke-BinanceRequest -Collection U" | Should -Contain "'USDs-M Futures'"
            Complete "Get-BinanceEndpoint -Collection Sp" | Should -Contain 'Spot'
        }

        It 'completes environment names for -Environment' {
            Complete "Invoke-BinanceRequest 'Order Book' -Environment 'Spot T" | Should -Contain "'Spot Testnet'"
            Complete "Test-BinanceApiKey -Environment Spot" | Should -Contain "'Spot Production'"
        }

        It 'completes networks (an enum) on every request cmdlet' {
            Complete "Connect-Binance -Network " | Should -Be @('Demo', 'Production', 'Testnet')
            Complete "Invoke-BinanceRequest 'Order Book' -Network T" | Should -Be @('Testnet')
            Complete "Test-BinanceApiKey -Network P" | Should -Be @('Production')
        }

        It 'completes vault names from SecretManagement' {
            Complete "Connect-Binance -Vault " | Should -Be @('BinanceVault', "'Team Vault'")
            Complete "Set-BinanceCredential -Vault Te" | Should -Be @("'Team Vault'")
            Complete "Test-BinanceApiKey -Vault Bin" | Should -Be @('BinanceVault')
        }

        It 'completes the audit severity' {
            Complete "Test-BinanceCollection . -MinimumSeverity " | Should -Be @('Error', 'Info', 'Warning')
        }
    }

    Context 'the endpoint''s parameters' {
        It 'completes the endpoint''s parameter names' {
            $names = Complete "Invoke-BinanceRequest 'New Order (TRADE)' -"
            $names | Should -Contain '-symbol'
            $names | Should -Contain '-side'
            $names | Should -Contain '-timeInForce'
            Complete "Invoke-BinanceRequest 'Kline/Candlestick Data' -int" | Should -Be @('-interval')
        }

        It 'completes -side with BUY and SELL' {
            Complete "Invoke-BinanceRequest 'New Order (TRADE)' -side " | Should -Be @('BUY', 'SELL')
            Complete "Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side s" | Should -Be @('SELL')
        }

        It 'completes spot and futures order types where orders are placed' {
            Complete "Invoke-BinanceRequest 'New Order (TRADE)' -type " | Should -Be @('LIMIT', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT', 'LIMIT_MAKER')
            Complete "Invoke-BinanceRequest -Collection 'USDs-M Futures' 'New Order (TRADE)' -type " | Should -Contain 'TRAILING_STOP_MARKET'
            Complete "Invoke-BinanceRequest 'Test New Order (TRADE)' -type LIMIT_" | Should -Be @('LIMIT_MAKER')
        }

        It 'completes time in force and response types, futures with their own' {
            Complete "Invoke-BinanceRequest 'New Order (TRADE)' -timeInForce " | Should -Be @('GTC', 'IOC', 'FOK')
            Complete "Invoke-BinanceRequest 'USDs-M Futures\New Order (TRADE)' -timeInForce G" | Should -Be @('GTC', 'GTX', 'GTD')
            Complete "Invoke-BinanceRequest 'New Order (TRADE)' -newOrderRespType " | Should -Be @('ACK', 'RESULT', 'FULL')
        }

        It 'completes kline intervals 1s..1M on spot and 1m..1M on futures, minute and month told apart' {
            $spot = Complete "Invoke-BinanceRequest 'Kline/Candlestick Data' -interval "
            $spot[0] | Should -Be '1s'
            $spot[-1] | Should -Be '1M'
            $spot | Should -HaveCount 16
            Complete "Invoke-BinanceRequest 'USDs-M Futures\Kline/Candlestick Data' -interval " | Should -Not -Contain '1s'
            Complete "Invoke-BinanceRequest 'Kline/Candlestick Data' -interval 1M" | Should -Be @('1M')
            Complete "Invoke-BinanceRequest 'Kline/Candlestick Data' -interval 1m" | Should -Be @('1m')
        }

        It 'completes values listed in a description (futures statistics period, position side)' {
            Complete "Invoke-BinanceRequest 'USDs-M Futures\Open Interest Statistics' -period " | Should -Contain '1d'
            Complete "Invoke-BinanceRequest 'USDs-M Futures\New Order (TRADE)' -positionSide " | Should -Be @('BOTH', 'LONG', 'SHORT')
        }

        It 'offers no values for free-form parameters, and still sends any value' {
            Complete "Invoke-BinanceRequest 'New Order (TRADE)' -symbol " | Should -Not -Contain 'BUY'
            $type = (Get-Command Invoke-BinanceRequest -ArgumentList 'New Order (TRADE)').Parameters['type']
            $type.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Should -BeNullOrEmpty
            $type.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] } | Should -Not -BeNullOrEmpty
        }
    }
}
