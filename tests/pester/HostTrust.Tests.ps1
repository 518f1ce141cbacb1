Describe 'Keys go only to Binance''s hosts or hosts the user named' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $authority = ([uri]$base).Authority
        $vectors = Get-SigningVectors
        $hmacKey = $vectors.hmac[0].apiKey
        $hmacSecret = $vectors.hmac[0].secret
        $hmac = [pscredential]::new($hmacKey, (ConvertTo-SecureString $hmacSecret -AsPlainText -Force))

        # a collection that writes its host out (a loopback port of the fake exchange: not named by the user when it comes from here)
        $signed = @(@{ key = 'timestamp'; value = '{{timestamp}}' }, @{ key = 'signature'; value = '{{signature}}' })
        $keyHeader = @(@{ key = 'X-MBX-APIKEY'; value = '{{binance-api-key}}' })
        $collection = Join-Path $TestDrive 'literal-hosts.postman_collection.json'
        [ordered]@{
            info     = @{ name = 'Literal Hosts'; schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }
            variable = @(@{ key = 'gateway'; value = $base })
            item     = @(
                @{ name = 'Literal Account (USER_DATA)'; request = @{ method = 'GET'; header = $keyHeader
                        url = @{ raw = "$base/api/v3/account"; host = @($base); path = @('api', 'v3', 'account'); query = $signed } } },
                @{ name = 'Variable Account (USER_DATA)'; request = @{ method = 'GET'; header = $keyHeader
                        url = @{ raw = '{{gateway}}/api/v3/account'; host = @('{{gateway}}'); path = @('api', 'v3', 'account'); query = $signed } } },
                @{ name = 'Literal Ping'; request = @{ method = 'GET'; url = "$base/api/v3/ping" } })
        } | ConvertTo-Json -Depth 10 | Set-Content $collection
        Import-BinanceCollection $collection -SkipAudit
        $environment = Join-Path $TestDrive 'local-gateway.postman_environment.json'
        @{ name = 'Local Gateway'; values = @(@{ key = 'url'; value = $base; enabled = $true }) } | ConvertTo-Json -Depth 4 | Set-Content $environment
        Import-BinanceEnvironment $environment -SkipAudit

        function Get-Refusal([scriptblock] $Call) {
            $err = $null
            try { & $Call } catch { $err = $_ }
            $err
        }
    }

    AfterAll {
        Disconnect-Binance
        Stop-FakeExchange $exchange
    }

    BeforeEach {
        Reset-FakeExchange $exchange
        Disconnect-Binance
    }

    It 'refuses a signed request to a host the collection wrote out, before any byte leaves' {
        $err = Get-Refusal { Invoke-BinanceRequest 'Literal Account (USER_DATA)' -Collection 'Literal Hosts' -Credential $hmac -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
        $err.CategoryInfo.Category | Should -Be 'SecurityError'
        $err.TargetObject | Should -Be $authority
        "$err" | Should -Match ([regex]::Escape("$authority is this machine, picked by the URL written in the request 'Literal Account (USER_DATA)' of the collection 'Literal Hosts'"))
        "$err" | Should -Match 'Nothing was sent'
        $err.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("Connect-Binance -TrustedHost '$authority'"))
        "$err $($err.ErrorDetails.RecommendedAction) $($err.Exception.Message)" | Should -Not -Match $hmacSecret
        @(Get-FakeRequests $exchange) | Should -HaveCount 0
    }

    It 'names the collection variable the host came from' {
        $err = Get-Refusal { Invoke-BinanceRequest 'Variable Account (USER_DATA)' -Credential $hmac -ErrorAction Stop }
        "$err" | Should -Match "the variable 'gateway' of the collection 'Literal Hosts'"
        @(Get-FakeRequests $exchange) | Should -HaveCount 0
    }

    It 'sends it when the user names the host: -BaseUri for the call' {
        (Invoke-BinanceRequest 'Literal Account (USER_DATA)' -Credential $hmac -BaseUri $base).accountType | Should -Be 'SPOT'
        (Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/account').ApiKey | Should -Be $hmacKey
    }

    It 'sends it when the user names the host: Connect-Binance -TrustedHost, shown by Get-BinanceConnection, cleared by Disconnect-Binance' {
        Connect-Binance -Credential $hmac -TrustedHost $authority
        (Get-BinanceConnection).TrustedHost | Should -Be @($authority)
        (Invoke-BinanceRequest 'Literal Account (USER_DATA)').accountType | Should -Be 'SPOT'
        (Invoke-BinanceRequest 'Variable Account (USER_DATA)').accountType | Should -Be 'SPOT'
        @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/account') | Should -HaveCount 2

        Disconnect-Binance
        Get-BinanceConnection | Should -BeNullOrEmpty
        (Get-Refusal { Invoke-BinanceRequest 'Literal Account (USER_DATA)' -Credential $hmac -ErrorAction Stop }).FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
    }

    It 'matches the trusted port, and a new Connect-Binance replaces the list' {
        Connect-Binance -Credential $hmac -TrustedHost '127.0.0.1:1', 'gateway.example.com'
        (Get-Refusal { Invoke-BinanceRequest 'Literal Account (USER_DATA)' -ErrorAction Stop }).FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
        Connect-Binance -Credential $hmac -TrustedHost '127.0.0.1'
        (Invoke-BinanceRequest 'Literal Account (USER_DATA)').accountType | Should -Be 'SPOT'
        Connect-Binance -Credential $hmac
        (Get-BinanceConnection).TrustedHost | Should -HaveCount 0
        (Get-Refusal { Invoke-BinanceRequest 'Literal Account (USER_DATA)' -ErrorAction Stop }).FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
    }

    It 'refuses an environment''s local host for signed calls, raw calls and Test-BinanceApiKey, naming the environment' {
        $byName = Get-Refusal { Invoke-BinanceRequest 'Account Information (USER_DATA)' -Environment 'Local Gateway' -Credential $hmac -ErrorAction Stop }
        "$byName" | Should -Match "the variable 'url' of the environment 'Local Gateway'"
        $raw = Get-Refusal { Invoke-BinanceRequest -Method GET -Path /api/v3/account -Signed -Environment 'Local Gateway' -Credential $hmac -ErrorAction Stop }
        $raw.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
        $test = Get-Refusal { Test-BinanceApiKey -Environment 'Local Gateway' -Credential $hmac -ErrorAction Stop }
        $test.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
        @(Get-FakeRequests $exchange) | Should -HaveCount 0   # not even the clock sync
    }

    It 'lets a request without keys go where the collection says, with one warning per host' {
        $out = @(1..3 | ForEach-Object { Invoke-BinanceRequest 'Literal Ping' 3>&1 })
        $warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match ([regex]::Escape("A request without keys went to $authority, which is not a Binance host"))
        @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/ping') | Should -HaveCount 3
        @(Invoke-BinanceRequest 'Literal Ping' -BaseUri $base 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -HaveCount 0
    }

    It 'keeps the bundled environments working: a signed order for Binance''s host is not refused' {
        # -WhatIf stops after the host check (which comes before confirmation) and before sending
        Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -WhatIf -ErrorVariable err
        $err | Should -HaveCount 0
        $refused = Get-Refusal { Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -Environment 'Local Gateway' -WhatIf -ErrorAction Stop }
        $refused.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
    }

    It 'says what to write when a -TrustedHost entry is a URL' {
        { Connect-Binance -TrustedHost 'https://gateway.example.com' } | Should -Throw -ErrorId 'BinancePostman.InvalidParameterValue*'
        $err = Get-Refusal { Connect-Binance -TrustedHost 'https://gateway.example.com' }
        "$err" | Should -Match 'give the host alone'
        Get-BinanceConnection | Should -BeNullOrEmpty
    }
}
