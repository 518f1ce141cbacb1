Describe 'Test-BinanceApiKey against the fake exchange' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $vectors = Get-SigningVectors
        $signingDir = Join-Path (Get-SharedFixtures) 'signing-vectors'
        $hmac = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $edKey = 'fake-ed25519-api-key-000000000000000000000000000000000000000001'
        $rsaKey = 'fake-rsa-api-key-0000000000000000000000000000000000000000000001'
    }

    AfterAll {
        Disconnect-Binance
        Stop-FakeExchange $exchange
    }

    BeforeEach {
        Reset-FakeExchange $exchange
        Disconnect-Binance
    }

    It 'reports clock offset, a working signed request and the key''s permissions, as a typed object' {
        Set-FakeExchange $exchange @{ keyPermissions = @{ enableWithdrawals = $false; ipRestrict = $true } }
        $out = Test-BinanceApiKey -Credential $hmac -BaseUri $base 3>&1
        @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -HaveCount 0
        $report = $out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }
        $report.PSObject.TypeNames[0] | Should -Be 'BinancePostman.Http.ApiKeyReport'
        $report.SignedRequestWorks | Should -BeTrue
        $report.PermissionsChecked | Should -BeTrue
        $report.SignedRequest | Should -Be 'GET /sapi/v1/account/apiRestrictions'
        $report.KeyType | Should -Be 'HMAC-SHA256'
        $report.ClockOffsetMs | Should -Not -BeNullOrEmpty
        [math]::Abs($report.ClockOffsetMs) | Should -BeLessThan 1000
        $report.EnableWithdrawals | Should -BeFalse
        $report.IpRestrict | Should -BeTrue
        $report.EnableReading | Should -BeTrue
        $report.CreateTime | Should -BeOfType [datetime]
        $report.ApiKey | Should -Not -Be $hmac.UserName
        $report.Findings.Severity | Should -Not -Contain 'Warning'
        $requests = Get-FakeRequests $exchange
        $requests.Path | Should -Contain '/api/v3/time'
        ($requests | Where-Object Path -EQ '/sapi/v1/account/apiRestrictions').Status | Should -Be 200
    }

    It 'warns when withdrawals are enabled and when IP restriction is off' {
        Set-FakeExchange $exchange @{ keyPermissions = @{ enableWithdrawals = $true; ipRestrict = $false } }
        $out = Test-BinanceApiKey -Credential $hmac -BaseUri $base 3>&1
        $warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message
        $warnings | Should -HaveCount 2
        $warnings[0] | Should -Match 'withdraw.*Do not enable the withdrawal permission'
        $warnings[1] | Should -Match 'not restricted to trusted IP'
        $report = $out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }
        $report.EnableWithdrawals | Should -BeTrue
        $report.IpRestrict | Should -BeFalse
        @($report.Findings | Where-Object Severity -EQ 'Warning') | Should -HaveCount 2
    }

    It 'warns about withdrawals alone when IP restriction is on' {
        Set-FakeExchange $exchange @{ keyPermissions = @{ enableWithdrawals = $true; ipRestrict = $true } }
        $warnings = @(Test-BinanceApiKey -Credential $hmac -BaseUri $base 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match 'withdraw'
    }

    It 'works with each key type: <Type>' -ForEach @(
        @{ Type = 'RSA'; Key = 'fake-rsa-api-key-0000000000000000000000000000000000000000000001'; Pem = 'rsa-2048-pkcs8.pem'; Describe = 'RSA*' }
        @{ Type = 'Ed25519'; Key = 'fake-ed25519-api-key-000000000000000000000000000000000000000001'; Pem = 'ed25519.pem'; Describe = 'Ed25519' }
    ) {
        Set-FakeExchange $exchange @{ keyPermissions = @{ ipRestrict = $true } }
        $report = Test-BinanceApiKey -ApiKey $Key -PrivateKeyPath (Join-Path $signingDir $Pem) -BaseUri $base
        $report.SignedRequestWorks | Should -BeTrue
        $report.KeyType | Should -BeLike $Describe
        $report.Findings[-1].Finding | Should -Not -BeNullOrEmpty
        ($report.Findings | Where-Object Finding -Match 'signed request').Finding | Should -BeLike "*$($report.KeyType)*"
    }

    It 'uses the session''s key from Connect-Binance, like the other request cmdlets' {
        Connect-Binance -Credential $hmac -BaseUri $base
        (Test-BinanceApiKey 3>$null).SignedRequestWorks | Should -BeTrue
    }

    It 'a key the exchange does not know is an error record with -2015 and its advice' {
        $unknown = [pscredential]::new('unknown' + ('0' * 57), (ConvertTo-SecureString ('s' * 64) -AsPlainText -Force))
        $report = Test-BinanceApiKey -Credential $unknown -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BinanceApi.-2015,*'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'whitelist'
        $report.SignedRequestWorks | Should -BeFalse
    }

    It 'a wrong secret is an error record with -1022' {
        $wrong = [pscredential]::new($hmac.UserName, (ConvertTo-SecureString ('x' * 64) -AsPlainText -Force))
        Test-BinanceApiKey -Credential $wrong -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BinanceApi.-1022,*'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'signature'
    }

    It 'on the spot testnet says /sapi is not there and checks a signed /api/v3/account instead' {
        $report = Test-BinanceApiKey -Credential $hmac -BaseUri $base -Network Testnet
        $report.Network | Should -Be 'Testnet'
        $report.PermissionsChecked | Should -BeFalse
        $report.SignedRequestWorks | Should -BeTrue
        $report.SignedRequest | Should -Be 'GET /api/v3/account'
        $report.EnableWithdrawals | Should -BeNullOrEmpty
        ($report.Findings | Where-Object Finding -Match 'testnet has no /sapi').Severity | Should -Be 'Info'
        (Get-FakeRequests $exchange).Path | Should -Not -Contain '/sapi/v1/account/apiRestrictions'
    }

    It 'a host without /sapi gets a warning and the /api check' {
        Set-FakeExchange $exchange @{ noSapi = $true }
        $out = Test-BinanceApiKey -Credential $hmac -BaseUri $base 3>&1
        ($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Match 'has no /sapi/v1/account/apiRestrictions'
        ($out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }).SignedRequest | Should -Be 'GET /api/v3/account'
    }

    It 'warns about a skewed local clock and still signs correctly' {
        Set-FakeExchange $exchange @{ clockOffsetMs = 5000; keyPermissions = @{ ipRestrict = $true } }
        $out = Test-BinanceApiKey -Credential $hmac -BaseUri $base 3>&1
        ($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Match 'local clock is \d+ ms behind'
        ($out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }).SignedRequestWorks | Should -BeTrue
    }

    It 'without a key says so, and sends nothing' {
        Test-BinanceApiKey -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.ApiKey,*'
        $err[0].Exception.Message | Should -Match 'No API key is set'
        @(Get-FakeRequests $exchange) | Should -HaveCount 0
    }

    It 'shows as a list with the facts' {
        Set-FakeExchange $exchange @{ keyPermissions = @{ ipRestrict = $true } }
        $text = Test-BinanceApiKey -Credential $hmac -BaseUri $base | Out-String -Width 200
        $text | Should -Match 'EnableWithdrawals\s*:\s*False'
        $text | Should -Match 'ClockOffsetMs'
        $text | Should -Match 'Findings'
    }
}
