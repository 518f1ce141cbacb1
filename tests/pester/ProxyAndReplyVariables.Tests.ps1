# Invoke-RestMethod's conventions on the request cmdlets: -ResponseHeadersVariable and -StatusCodeVariable (success,
# failure, paging, no reply), and -Proxy, -ProxyCredential, -NoProxy and the system's proxy (environment variables) with a
# forward proxy on loopback that counts what passes through it.
Describe 'Invoke-RestMethod''s conventions' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $proxy = Start-LoopbackProxy
        $base = $exchange.BaseUri
        $jan1 = [DateTime]::new(2021, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
        $vectors = Get-SigningVectors
        $hmac = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $proxyPassword = 'pr0xy-Pa55-never-shown'
        $proxyCredential = [pscredential]::new('trader', (ConvertTo-SecureString $proxyPassword -AsPlainText -Force))
        # the same secret as the Basic header would carry it
        $proxyBasic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("trader:$proxyPassword"))
        $closedPort = & {
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop(); $port
        }
        function Get-Forwarded { @(Get-ProxyLog $proxy | Where-Object Outcome -EQ 'forwarded') }
    }

    AfterAll {
        Stop-FakeExchange $exchange
        Stop-FakeExchange $proxy
    }

    BeforeEach {
        Reset-FakeExchange $exchange
        Reset-LoopbackProxy $proxy
    }

    Context '-ResponseHeadersVariable and -StatusCodeVariable' {
        It 'set the reply''s status and headers in the caller''s scope, each header a string array, names case-insensitive' {
            $book = Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -BaseUri $base -ResponseHeadersVariable headers -StatusCodeVariable status
            $book.bids | Should -Not -BeNullOrEmpty
            $status | Should -Be 200
            $status | Should -BeOfType [int]
            $headers | Should -BeOfType 'System.Collections.Generic.Dictionary[string,string[]]'
            , $headers['x-mbx-used-weight-1m'] | Should -BeOfType [string[]]
            [int] $headers['X-MBX-USED-WEIGHT-1M'][0] | Should -BeGreaterThan 0
            $headers['Content-Type'][0] | Should -Match 'application/json'
        }

        It 'are set for a reply that failed with an HTTP status, before the error is written; RHV is the alias' {
            $seen = $null
            try {
                Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -limit 5000 -BaseUri $base -RHV headers -StatusCodeVariable status -ErrorAction Stop
            }
            catch { $seen = @{ Status = $status; Id = $_.FullyQualifiedErrorId } }
            $seen.Status | Should -Be 400
            $seen.Id | Should -BeLike 'BinanceApi.-1130*'
            $headers.Keys | Should -Contain 'X-MBX-USED-WEIGHT-1M'
        }

        It 'hold the last page''s reply with -All' {
            $rows = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -All -First 2500 -BaseUri $base -RHV headers -StatusCodeVariable status
            $rows | Should -HaveCount 2500
            $status | Should -Be 200
            # the weight counter of the third page's reply: three requests of weight 2
            $headers['X-MBX-USED-WEIGHT-1M'][0] | Should -Be '6'
        }

        It 'are $null after a call that got no reply, not an earlier call''s values' {
            $status = 200; $headers = @{ old = 'value' }
            Invoke-BinanceRequest -Method GET -Path /api/v3/time -BaseUri "http://127.0.0.1:$closedPort" -MaximumRetryCount 0 -StatusCodeVariable status -RHV headers -ErrorAction SilentlyContinue
            $status | Should -BeNullOrEmpty
            $headers | Should -BeNullOrEmpty
        }

        It 'are set by Test-BinanceOrder to its last read, and left alone by -WhatIf' {
            $status = 'untouched'
            Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -BaseUri $base -WhatIf -StatusCodeVariable status
            $status | Should -Be 'untouched'
            Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.001 -Price 20000 -BaseUri $base -Refresh -StatusCodeVariable status -RHV headers | Out-Null
            $status | Should -Be 200
            $headers.Keys | Should -Contain 'X-MBX-USED-WEIGHT-1M'
        }

        It 'a read-only variable is an error of its own, and the reply is still written' {
            Set-Variable -Name frozen -Value 0 -Option ReadOnly
            $errs = @()
            $t = Invoke-BinanceRequest -Method GET -Path /api/v3/time -BaseUri $base -StatusCodeVariable frozen -ErrorVariable errs -ErrorAction SilentlyContinue
            $t.serverTime | Should -BeGreaterThan 0
            $errs | Should -HaveCount 1
            "$($errs[0])" | Should -Match 'frozen'
        }
    }

    Context 'Proxies' {
        It 'sends every request through -Proxy, the clock sync''s included, and counts each once' {
            $account = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base -Proxy $proxy.Uri -Verbose 4>&1
            ($account | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and "$_" -match "via $([regex]::Escape($proxy.Uri))" }) | Should -Not -BeNullOrEmpty
            $order = Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -BaseUri $base -Proxy $proxy.Uri
            $order.status | Should -Be 'FILLED'
            $forwarded = Get-Forwarded
            $exchangeSaw = @(Get-FakeRequests $exchange)
            $forwarded.Count | Should -Be $exchangeSaw.Count
            ($forwarded.Target | ForEach-Object { ([uri]$_).AbsolutePath }) | Should -Be ($exchangeSaw.Path)
            @($forwarded | Where-Object Method -EQ POST) | Should -HaveCount 1
        }

        It '-NoProxy and the default go straight to a loopback exchange: nothing passes the proxy' {
            Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -BaseUri $base -NoProxy | Out-Null
            Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -BaseUri $base | Out-Null
            @(Get-ProxyLog $proxy) | Should -BeNullOrEmpty
            @(Get-FakeRequests $exchange) | Should -HaveCount 2
        }

        It 'a proxy that requires credentials gets them from -ProxyCredential, with every request' {
            Reset-LoopbackProxy $proxy -RequireCredentials "trader:$proxyPassword"
            $book = Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -BaseUri $base -Proxy $proxy.Uri -ProxyCredential $proxyCredential
            $book.bids | Should -Not -BeNullOrEmpty
            Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -BaseUri $base -Proxy $proxy.Uri -ProxyCredential $proxyCredential | Out-Null
            $log = @(Get-ProxyLog $proxy)
            @($log | Where-Object Method -EQ POST) | Should -HaveCount 1
            @($log | Where-Object Target -Match '/api/v3/depth') | Should -HaveCount 1
            @($log | Where-Object { -not $_.Authorized -or $_.Outcome -ne 'forwarded' }) | Should -BeNullOrEmpty -Because 'the credentials went with each request, so the proxy never asked'
        }

        It 'without them: one BinanceHttp.Proxy error that names the proxy, the status variable 407, nothing at the exchange' {
            Reset-LoopbackProxy $proxy -RequireCredentials "trader:$proxyPassword"
            $err = $null
            try { Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -BaseUri $base -Proxy $proxy.Uri -StatusCodeVariable status -ErrorAction Stop }
            catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.Proxy,*'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.TargetObject | Should -Be $proxy.Uri
            "$err" | Should -Match ([regex]::Escape("proxy $($proxy.Uri)"))
            "$err" | Should -Match 'Nothing reached the exchange'
            $err.ErrorDetails.RecommendedAction | Should -Match '-ProxyCredential'
            $status | Should -Be 407
            @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/order') | Should -BeNullOrEmpty
        }

        It 'an unreachable proxy: one error naming the proxy, and the credentials nowhere in it or in -Verbose' {
            $err = $null
            $out = try {
                Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri $base -Proxy "http://127.0.0.1:$closedPort" -ProxyCredential $proxyCredential -MaximumRetryCount 1 -RetryIntervalSec 0.01 -Verbose -ErrorAction Stop 4>&1
            }
            catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.Proxy,*'
            $err.CategoryInfo.Category | Should -Be 'ConnectionError'
            "$err" | Should -Match "Could not reach the proxy http://127\.0\.0\.1:$closedPort"
            "$err" | Should -Match 'Tried 2 times'
            "$err" | Should -Not -Match ([regex]::Escape($base))
            $texts = @("$err", $err.Exception.Message, $err.ErrorDetails.RecommendedAction) + @($out | ForEach-Object { "$_" })
            $texts | Where-Object { $_ -match [regex]::Escape($proxyPassword) -or $_ -match [regex]::Escape($proxyBasic) } | Should -BeNullOrEmpty
            @(Get-FakeRequests $exchange) | Should -BeNullOrEmpty
        }

        It 'refuses credentials in the address without repeating them, and -NoProxy with -Proxy' {
            $err = $null
            try { Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri $base -Proxy "http://trader:$proxyPassword@127.0.0.1:$closedPort" -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.InvalidParameterValue*'
            "$err" | Should -Match '-ProxyCredential'
            "$err" | Should -Not -Match ([regex]::Escape($proxyPassword))
            $err = $null
            try { Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri $base -Proxy $proxy.Uri -NoProxy -ErrorAction Stop } catch { $err = $_ }
            "$err" | Should -Match '-NoProxy'
            @(Get-FakeRequests $exchange) | Should -BeNullOrEmpty
        }

        It 'by default follows HTTP_PROXY and NO_PROXY as .NET reads them (a fresh process: .NET reads them once)' {
            $port = ([uri]$base).Port
            $script = "Import-Module '$(Get-ModulePath)'; " +
                "Invoke-BinanceRequest -Method GET -Path /api/v3/time -BaseUri 'http://127.0.0.1:$port' | Out-Null; " +
                "Invoke-BinanceRequest -Method GET -Path /api/v3/depth -BaseUri 'http://localhost:$port' -Parameters @{ symbol = 'BTCUSDT' } | Out-Null; " +
                "Invoke-BinanceRequest -Method GET -Path /api/v3/avgPrice -BaseUri 'http://127.0.0.1:$port' -Parameters @{ symbol = 'BTCUSDT' } -NoProxy | Out-Null"
            # the same PowerShell that runs the tests, started afresh: pwsh itself, or dotnet with pwsh.dll
            $psi = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
            if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
            foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $script) { $psi.ArgumentList.Add($a) }
            $psi.Environment['HTTP_PROXY'] = $proxy.Uri
            $psi.Environment['NO_PROXY'] = 'localhost'
            $psi.RedirectStandardError = $true
            $child = [System.Diagnostics.Process]::Start($psi)
            $errors = $child.StandardError.ReadToEnd()
            $child.WaitForExit(60000) | Should -BeTrue
            $child.ExitCode | Should -Be 0 -Because $errors
            @(Get-FakeRequests $exchange).Path | Sort-Object | Should -Be @('/api/v3/avgPrice', '/api/v3/depth', '/api/v3/time')
            (Get-Forwarded).Target | Should -Be @("http://127.0.0.1:$port/api/v3/time") -Because 'NO_PROXY exempts localhost, and -NoProxy goes around it'
        }
    }
}
