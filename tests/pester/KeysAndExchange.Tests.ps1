Describe 'Keys in use against the fake exchange' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $env:BP_STANDIN_VAULT_FILE = Join-Path $TestDrive 'vaults.json'
        $savedPath = $env:PSModulePath
        $env:PSModulePath = (Join-Path $PSScriptRoot 'StandIns') + [IO.Path]::PathSeparator + $env:PSModulePath
        Import-Module (Get-ModulePath) -Force
        Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name KeyVault -ModuleName StandIn -DefaultVault
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $vectors = Get-SigningVectors
        $signingDir = Join-Path (Get-SharedFixtures) 'signing-vectors'
        $hmacKey = $vectors.hmac[0].apiKey
        $hmacSecret = $vectors.hmac[0].secret
        $edKey = 'fake-ed25519-api-key-000000000000000000000000000000000000000001'
        $rsaKey = 'fake-rsa-api-key-0000000000000000000000000000000000000000000001'
        $pemBody = (Get-Content (Join-Path $signingDir 'rsa-2048-pkcs8.pem'))[1]
        Set-BinanceCredential -Vault KeyVault -SecretName hmac -ApiKey $hmacKey -ApiSecret (ConvertTo-SecureString $hmacSecret -AsPlainText -Force)
        Set-BinanceCredential -Vault KeyVault -SecretName ed -ApiKey $edKey -PrivateKeyPath (Join-Path $signingDir 'ed25519.pem')
        Set-BinanceCredential -Vault KeyVault -SecretName rsa -ApiKey $rsaKey -PrivateKeyPath (Join-Path $signingDir 'rsa-2048-pkcs8.pem')
        # an RSA private key stored under the API key the exchange knows as Ed25519
        Set-BinanceCredential -Vault KeyVault -SecretName mismatched -ApiKey $edKey -PrivateKeyPath (Join-Path $signingDir 'rsa-2048-pkcs8.pem')
    }

    AfterAll {
        Disconnect-Binance
        Stop-FakeExchange $exchange
        $env:PSModulePath = $savedPath
        Remove-Item Env:BINANCE_API_KEY, Env:BINANCE_API_SECRET -ErrorAction SilentlyContinue
    }

    BeforeEach {
        Reset-FakeExchange $exchange
        Disconnect-Binance
    }

    It 'calls signed endpoints with each key type from the vault' {
        foreach ($name in 'hmac', 'ed', 'rsa') {
            (Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault KeyVault -SecretName $name -BaseUri $base).accountType | Should -Be 'SPOT'
        }
        @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/account' | Where-Object Status -EQ 200).Count | Should -Be 3
    }

    It 'uses the session from Connect-Binance, and a per-call vault overrides it' {
        Connect-Binance -Vault KeyVault -SecretName hmac -BaseUri $base
        Invoke-BinanceRequest 'Account Information (USER_DATA)' | Out-Null
        Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault KeyVault -SecretName ed | Out-Null
        (Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/account').ApiKey | Should -Be @($hmacKey, $edKey)
    }

    It 'falls back to BINANCE_API_KEY and BINANCE_API_SECRET, after the session' {
        $env:BINANCE_API_KEY = $hmacKey
        $env:BINANCE_API_SECRET = $hmacSecret
        try {
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -BaseUri $base | Out-Null
            Connect-Binance -Vault KeyVault -SecretName ed -BaseUri $base
            Invoke-BinanceRequest 'Account Information (USER_DATA)' | Out-Null
        }
        finally { Remove-Item Env:BINANCE_API_KEY, Env:BINANCE_API_SECRET }
        (Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/account').ApiKey | Should -Be @($hmacKey, $edKey)
    }

    It 'uses keys held in an environment file last, with a warning to use a vault' {
        $envFile = Join-Path $TestDrive 'with-keys.postman_environment.json'
        @{ name = 'Local With Keys'; values = @(
                @{ key = 'url'; value = $base; enabled = $true },
                @{ key = 'binance-api-key'; value = $hmacKey; enabled = $true },
                @{ key = 'binance-api-secret'; value = $hmacSecret; enabled = $true }) } | ConvertTo-Json -Depth 4 | Set-Content $envFile
        Import-BinanceEnvironment $envFile -SkipAudit   # the audit of such files is Audit.Tests.ps1's
        Connect-Binance -TrustedHost ([uri]$base).Authority   # an environment's local host gets keys only when trusted by name
        $out = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Environment 'Local With Keys' 3>&1
        ($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Match 'Set-BinanceCredential'
        ($out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }).accountType | Should -Be 'SPOT'
    }

    It 'an RSA key where the exchange registered Ed25519 gives -1022 with the key-type hint' {
        $err = $null
        try { Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault KeyVault -SecretName mismatched -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'BinanceApi.-1022,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'RSA/Ed25519'
    }

    It 'works under ForEach-Object -Parallel: session defaults are shared and each runspace reaches the vault' {
        Connect-Binance -Vault KeyVault -SecretName hmac -BaseUri $base
        $module = Get-ModulePath
        $fromSession = 1..6 | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:module
            (Invoke-BinanceRequest 'Account Information (USER_DATA)').accountType
        }
        $fromVault = 1..6 | ForEach-Object -ThrottleLimit 3 -Parallel {
            $env:PSModulePath = $using:env:PSModulePath
            Import-Module $using:module
            (Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault KeyVault -SecretName ed).accountType
        }
        $fromSession | Should -Be (@('SPOT') * 6)
        $fromVault | Should -Be (@('SPOT') * 6)
        @(Get-FakeRequests $exchange | Where-Object { $_.Path -eq '/api/v3/account' -and $_.ApiKey -eq $edKey -and $_.Status -eq 200 }).Count | Should -Be 6
    }

    It 'never shows a secret in any stream, in $Error, or in exception messages' {
        $Error.Clear()
        $wrong = [pscredential]::new($hmacKey, (ConvertTo-SecureString ($hmacSecret.Substring(0, 60) + 'XXXX') -AsPlainText -Force))
        $all = & {
            $ErrorActionPreference = 'Continue'
            Connect-Binance -Vault KeyVault -SecretName hmac -BaseUri $base -PassThru -Verbose | Format-List * | Out-String
            Get-BinanceConnection | Format-List * | Out-String
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -Verbose -Debug
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $wrong -Verbose
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault KeyVault -SecretName rsa -Verbose
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault KeyVault -SecretName missing
            Set-BinanceCredential -Vault KeyVault -SecretName again -ApiKey $hmacKey -ApiSecret (ConvertTo-SecureString $hmacSecret -AsPlainText -Force) -Verbose -WhatIf
        } *>&1 | Out-String
        $errors = ($Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }) -join "`n"
        foreach ($text in $all, $errors) {
            $text | Should -Not -Match ([regex]::Escape($hmacSecret))
            $text | Should -Not -Match ([regex]::Escape($pemBody))
        }
        $all | Should -Match 'HMAC-SHA256'   # the scan saw real output
        $errors | Should -Match '-1022'
    }
}
