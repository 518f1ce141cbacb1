# Rate limits, retries and faults against the fake exchange: no 429 drawn under load, every read answered under
# faults, no order sent twice, unknown outcomes reported with their client order id, bans, malformed replies, Ctrl+C.
Describe 'Rate limits, retries and faults' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $hostName = ([uri]$base).Authority
        $vectors = Get-SigningVectors
        $hmac = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $figures = [ordered]@{}
        function Get-Faulted($requests) { @($requests | Where-Object { $_.Fault }) }
    }

    AfterAll {
        Stop-FakeExchange $exchange
        if ($figures.Count) { Write-Host ("Rate-limit figures: " + (($figures.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join '; ')) }
    }

    BeforeEach {
        Reset-FakeExchange $exchange
    }

    It 'learns the limits from exchangeInfo and shows them with Get-BinanceRateLimit' {
        Set-FakeExchange $exchange @{ rateLimits = @{ weight = @(@{ seconds = 1; limit = 400 }); orders = @(@{ seconds = 10; limit = 50 }) } }
        Invoke-BinanceRequest 'Exchange Information' -BaseUri $base | Out-Null
        Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri $base | Out-Null
        $rows = Get-BinanceRateLimit -HostName $hostName
        $weight = $rows | Where-Object { $_.Kind -eq 'Weight' -and $_.Interval -eq '1S' }
        $weight.Limit | Should -Be 400
        $weight.Source | Should -Be 'exchangeInfo'
        $weight.Used | Should -BeGreaterThan 0
        $weight.ResetsAt.Kind | Should -Be 'Utc'
        $weight.PSObject.TypeNames[0] | Should -Be 'BinancePostman.Http.RateLimitUsage'
        ($rows | Format-Table | Out-String -Width 200) | Should -Match 'ResetsAt \(UTC\)'
    }

    It 'says in -Verbose when it waits for a window to roll over' {
        # exchangeInfo weighs 20 on the fake exchange: the limit must hold it
        $limits = @{ rateLimits = @{ weight = @(@{ seconds = 1; limit = 25 }) } }
        Set-FakeExchange $exchange $limits
        Invoke-BinanceRequest 'Exchange Information' -BaseUri $base | Out-Null
        Reset-FakeExchange $exchange
        Set-FakeExchange $exchange $limits
        $out = foreach ($i in 1..40) { Invoke-BinanceRequest 'Check Server Time' -BaseUri $base -Verbose 4>&1 }
        $text = ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $text | Should -Match 'Rate limit: Weight per 1S of 127\.0\.0\.1:\d+ \(/api\) is at \d+ of 25: waiting for the window to roll over'
        @(Get-FakeRequests $exchange | Where-Object Status -EQ 429) | Should -BeNullOrEmpty
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -HaveCount 40
    }

    It 'sends 2,000 requests from 8 threads under a tight 1-second weight limit without drawing a 429' {
        # 120 weight a second, 1 per server-time request (as the collection states it): at least 16 windows
        $limits = @{ rateLimits = @{ weight = @(@{ seconds = 1; limit = 120 }); banAfter429 = 0 } }
        Set-FakeExchange $exchange $limits
        Invoke-BinanceRequest 'Exchange Information' -BaseUri $base | Out-Null
        Reset-FakeExchange $exchange
        Set-FakeExchange $exchange $limits
        $module = Get-ModulePath
        $watch = [Diagnostics.Stopwatch]::StartNew()
        # eight parallel runspaces of 250 requests each: the module's one budget per host is shared by all of them
        $answers = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            foreach ($i in 1..250) { (Invoke-BinanceRequest 'Check Server Time' -BaseUri $using:base).serverTime }
        }
        $watch.Stop()
        $seen = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/time')
        $drawn = @($seen | Where-Object Status -EQ 429).Count
        $busiest = ($seen | Group-Object { [math]::Floor($_.ServerTime / 1000) } | Measure-Object Count -Maximum).Maximum
        $figures['loadRequests'] = $seen.Count
        $figures['load429s'] = $drawn
        $figures['loadSeconds'] = [math]::Round($watch.Elapsed.TotalSeconds, 1)
        Write-Host "Load: $($seen.Count) requests from 8 threads, $drawn 429s, $(@($answers).Count) answered, in $([math]::Round($watch.Elapsed.TotalSeconds, 1)) s; busiest second: $busiest requests (limit 120 weight/s)"
        @($answers | Where-Object { $_ -gt 0 }).Count | Should -Be 2000
        $drawn | Should -Be 0
        $seen.Count | Should -Be 2000
        $busiest | Should -BeLessOrEqual 120
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 15
    }

    It 'reads under injected resets, 5xx and 429s complete with every row and no duplicate' {
        $start = [datetime]::new(2020, 3, 1, 0, 0, 0, [DateTimeKind]::Utc)
        $read = @{ symbol = 'BTCUSDT'; interval = '1m'; startTime = $start; endTime = $start.AddMinutes(1999); limit = 20; BaseUri = $base }
        $clean = Invoke-BinanceRequest 'Kline/Candlestick Data' @read -All
        $clean | Should -HaveCount 2000
        Reset-FakeExchange $exchange
        Set-FakeExchange $exchange @{ faults = @(
                @{ kind = 'reset'; every = 5; count = 10000; pathContains = '/klines' },
                @{ kind = '503'; every = 7; count = 10000; pathContains = '/klines' },
                @{ kind = '500'; every = 17; count = 10000; pathContains = '/klines' },
                @{ kind = '429'; every = 11; count = 10000; pathContains = '/klines'; retryAfterSeconds = 0 }) }
        $rows = Invoke-BinanceRequest 'Kline/Candlestick Data' @read -All -MaximumRetryCount 6 -RetryIntervalSec 0.01
        $seen = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/klines')
        $faulted = Get-Faulted $seen
        $figures['readRequests'] = $seen.Count
        $figures['readFaults'] = $faulted.Count
        Write-Host "Reads: $($seen.Count) requests, $($faulted.Count) faults injected ($((($faulted | Group-Object Fault | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '))), $($rows.Count) rows"
        $faulted.Count | Should -BeGreaterThan 20
        $rows | Should -HaveCount 2000
        @($rows.OpenTime | Select-Object -Unique).Count | Should -Be 2000
        ($rows.OpenTime -join ',') | Should -Be ($clean.OpenTime -join ',')
    }

    It 'order placements under faults are sent at most once each; unknown outcomes carry their client order id' {
        Set-FakeExchange $exchange @{ faults = @(
                @{ kind = 'reset'; every = 4; count = 10000; pathContains = '/api/v3/order'; method = 'POST'; afterProcessing = $true },
                @{ kind = '503'; every = 5; count = 10000; pathContains = '/api/v3/order'; method = 'POST'; afterProcessing = $true },
                @{ kind = '-1007'; every = 6; count = 10000; pathContains = '/api/v3/order'; method = 'POST'; afterProcessing = $true },
                @{ kind = '502'; every = 7; count = 10000; pathContains = '/api/v3/order'; method = 'POST' },
                @{ kind = '429'; every = 9; count = 10000; pathContains = '/api/v3/order'; method = 'POST'; retryAfterSeconds = 0 }) }
        $errs = @()
        $placed = foreach ($i in 1..60) {
            Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -BaseUri $base -MaximumRetryCount 5 -RetryIntervalSec 0.01 -ErrorAction SilentlyContinue -ErrorVariable +errs
        }
        $sent = @(Get-FakeRequests $exchange | Where-Object { $_.Path -eq '/api/v3/order' -and $_.Method -eq 'POST' })
        $faulted = Get-Faulted $sent
        $unknown = @($errs | Where-Object FullyQualifiedErrorId -Like 'BinancePostman.OutcomeUnknown*')
        $duplicates = @($sent | Group-Object ClientOrderId | Where-Object Count -GT 1).Count
        $figures['orderRequests'] = $sent.Count
        $figures['orderFaults'] = $faulted.Count
        $figures['orderUnknown'] = $unknown.Count
        $figures['orderDuplicates'] = $duplicates
        Write-Host "Orders: 60 placed, $($sent.Count) sent, $($faulted.Count) faults ($((($faulted | Group-Object Fault | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '))), $(@($placed).Count) answered, $($unknown.Count) unknown outcomes, $duplicates duplicates"
        $sent | Should -HaveCount 60
        $duplicates | Should -Be 0
        @($sent | Where-Object { $_.ClientOrderId -notmatch '^bp[0-9a-f]{32}$' }) | Should -BeNullOrEmpty
        # every fault but the 429 (refused, not carried out) leaves the outcome unknown
        $unknown.Count | Should -Be @($faulted | Where-Object Fault -NE '429').Count
        @($placed).Count + $errs.Count | Should -Be 60
        foreach ($e in $unknown) {
            $e.CategoryInfo.Category | Should -Be 'OperationTimeout'
            $e.CategoryInfo.Reason | Should -Be 'OutcomeUnknown'
            $e.Exception.ClientOrderId | Should -Match '^bp[0-9a-f]{32}$'
            $e.TargetObject | Should -Be $e.Exception.ClientOrderId
            $sent.ClientOrderId | Should -Contain $e.Exception.ClientOrderId
            "$e" | Should -Match ([regex]::Escape($e.Exception.ClientOrderId))
            $e.ErrorDetails.RecommendedAction | Should -Match "origClientOrderId = '$($e.Exception.ClientOrderId)'"
        }
        @($errs | Where-Object FullyQualifiedErrorId -Like 'BinanceApi.-1003*').Count | Should -Be @($faulted | Where-Object Fault -EQ '429').Count
        # the recommended query finds an order that was placed before its reply was lost
        $lost = $unknown | Where-Object { ($sent | Where-Object ClientOrderId -EQ $_.Exception.ClientOrderId).Processed } | Select-Object -First 1
        $found = Invoke-BinanceRequest -Method GET -Path /api/v3/order -Signed -Parameters @{ symbol = 'BTCUSDT'; origClientOrderId = $lost.Exception.ClientOrderId } -Credential $hmac -BaseUri $base
        $found.clientOrderId | Should -Be $lost.Exception.ClientOrderId
    }

    It 'keeps a client order id the user gave' {
        Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 1 -newClientOrderId 'my-own-id' -Credential $hmac -BaseUri $base | Out-Null
        (Get-FakeRequests $exchange | Where-Object Method -EQ 'POST').ClientOrderId | Should -Be 'my-own-id'
    }

    It 'waits for Retry-After after a 429 on a read, and does not resend an order after one' {
        Set-FakeExchange $exchange @{ fault = @{ kind = '429'; count = 1; pathContains = '/ticker/price'; retryAfterSeconds = 1 } }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $out = Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri $base -Verbose 4>&1
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 0.9
        ($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).symbol | Should -Be 'BTCUSDT'
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'Retry 1 of 3'
        Start-Sleep -Milliseconds 1100
        Set-FakeExchange $exchange @{ fault = @{ kind = '429'; count = 1; pathContains = '/api/v3/order'; retryAfterSeconds = 1 } }
        $err = $null
        try { Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 1 -Credential $hmac -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        @(Get-FakeRequests $exchange | Where-Object Method -EQ 'POST') | Should -HaveCount 1
        Start-Sleep -Milliseconds 1100
    }

    It 'a firewall 403 page is one clear error and is not retried' {
        Set-FakeExchange $exchange @{ fault = @{ kind = 'html403'; count = 5 } }
        $err = $null
        try { Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.403,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'firewall'
        @(Get-FakeRequests $exchange) | Should -HaveCount 1
    }

    It 'malformed and odd replies give clear errors, never a hang or a crash' {
        $kinds = 'badjson', 'garbage', 'huge', 'hugeerror', 'html200', 'empty200', 'truncated', 'bignumber', 'oddheaders', 'drip', '502', 'reset'
        $random = [random]::new(42)
        $picks = @($kinds) + @(1..18 | ForEach-Object { $kinds[$random.Next($kinds.Count)] })
        $outcomes = foreach ($kind in $picks) {
            Reset-FakeExchange $exchange
            $fault = @{ kind = $kind; count = 1; pathContains = '/ticker/price' }
            if ($kind -eq 'drip') { $fault.delayMs = 5; $fault.stallMs = 4000 }
            if ($kind -like 'huge*') { $fault.sizeBytes = 1MB }
            Set-FakeExchange $exchange @{ fault = $fault }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $errs = @()
            $rows = @(Invoke-BinanceRequest 'Symbol Price Ticker' -BaseUri $base -TimeoutSec 1 -MaximumRetryCount 0 -ErrorAction SilentlyContinue -ErrorVariable errs)
            $watch.Stop()
            [pscustomobject]@{ Kind = $kind; Seconds = $watch.Elapsed.TotalSeconds; Rows = $rows.Count; Error = ($errs | Select-Object -First 1) }
        }
        Write-Host ("Fuzz: " + (($outcomes | Group-Object Kind | ForEach-Object { "$($_.Name) x$($_.Count): " + $(if ($_.Group[0].Error) { $_.Group[0].Error.FullyQualifiedErrorId.Split(',')[0] } else { "$($_.Group[0].Rows) rows" }) }) -join '; '))
        $figures['fuzzReplies'] = $outcomes.Count
        foreach ($o in $outcomes) {
            $o.Seconds | Should -BeLessThan 6 -Because "$($o.Kind) must not hang"
            if ($o.Kind -in 'oddheaders', 'huge') { $o.Error | Should -BeNullOrEmpty -Because $o.Kind; $o.Rows | Should -BeGreaterThan 0 }
            elseif ($o.Kind -ne 'empty200') {
                $o.Error | Should -Not -BeNullOrEmpty -Because $o.Kind
                $o.Error.FullyQualifiedErrorId | Should -Match '^(BinanceApi|BinanceHttp|BinancePostman)\.' -Because $o.Kind
                "$($o.Error)".Length | Should -BeLessThan 800 -Because "$($o.Kind): the message is an excerpt"
            }
        }
        # the session still works
        (Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri $base).symbol | Should -Be 'BTCUSDT'
    }

    It 'charges each request the weight Binance documents for its parameters' {
        # an exchange of its own, so that nothing else has drawn on this host's budget
        $fresh = Start-FakeExchange
        try {
            $freshHost = ([uri]$fresh.BaseUri).Authority
            $second = [DateTime]::UtcNow.Second
            if ($second -ge 55) { Start-Sleep -Seconds (61 - $second) } # both calls in one minute window
            Invoke-BinanceRequest 'Spot\Order Book' -symbol BTCUSDT -limit 5000 -BaseUri $fresh.BaseUri | Out-Null
            (Get-BinanceRateLimit -HostName $freshHost -Kind Weight | Where-Object Interval -EQ '1M').Used | Should -Be 250
            Invoke-BinanceRequest 'Spot\Order Book' -symbol BTCUSDT -BaseUri $fresh.BaseUri | Out-Null # no -limit: Binance's 100, weight 5
            (Get-BinanceRateLimit -HostName $freshHost -Kind Weight | Where-Object Interval -EQ '1M').Used | Should -Be 255
            (Get-BinanceEndpoint 'Order Book' -Collection Spot).WeightRule.Text | Should -Match '^5 for limit up to 100, 25 up to 500'
        }
        finally { Stop-FakeExchange $fresh }
    }

    Context 'Bans and Ctrl+C (an exchange of their own: bans and waits are per host)' {
        BeforeAll {
            $other = Start-FakeExchange
            $otherBase = $other.BaseUri
        }
        AfterAll { Stop-FakeExchange $other }

        It 'after a 418 it stops calling the host until the ban ends, and says until when' {
            # a client that ignores 429s gets the IP banned
            Set-FakeExchange $other @{ rateLimits = @{ weight = @(@{ seconds = 1; limit = 4 }); banAfter429 = 3; banSeconds = 3 } }
            $statuses = [System.Collections.Generic.List[int]]::new()
            while ($statuses.Count -lt 60 -and $statuses[-1] -ne 418) {
                $statuses.Add((Invoke-WebRequest "$otherBase/api/v3/ticker/price?symbol=BTCUSDT" -SkipHttpErrorCheck).StatusCode)
            }
            $statuses | Should -Contain 429
            $statuses[-1] | Should -Be 418
            $before = @(Get-FakeRequests $other).Count
            $err = $null
            try { Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri $otherBase -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.418,*'
            $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            "$err" | Should -Match 'banned this IP until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC'
            "$err" | Should -Match '429'
            $err.Exception.BannedUntil | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
            # fail fast: nothing more is sent while the ban lasts
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $again = $null
            try { Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri $otherBase -ErrorAction Stop } catch { $again = $_ }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            "$again" | Should -Match 'nothing was sent'
            @(Get-FakeRequests $other).Count | Should -Be ($before + 1)
            (Get-BinanceRateLimit -HostName ([uri]$otherBase).Authority -Kind IpBan).ResetsAt | Should -BeGreaterThan ([datetime]::UtcNow)
            Start-Sleep -Seconds ([math]::Ceiling(($err.Exception.BannedUntil - [DateTimeOffset]::UtcNow).TotalSeconds) + 0.2)
            Set-FakeExchange $other @{ rateLimits = @{ weight = @(@{ seconds = 60; limit = 6000 }) } }
            (Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri $otherBase).symbol | Should -Be 'BTCUSDT'
        }

        It 'reports a wait as progress, and Ctrl+C during a wait returns promptly' {
            Reset-FakeExchange $other
            Set-FakeExchange $other @{ fault = @{ kind = '429'; count = 1; pathContains = '/ticker/price'; retryAfterSeconds = 30 } }
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$(Get-ModulePath)'; Invoke-BinanceRequest 'Symbol Price Ticker' -symbol BTCUSDT -BaseUri '$otherBase'")
            $handle = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(10)
            while (-not ($ps.Streams.Progress | Where-Object StatusDescription -Match 'Retry-After') -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $progress = $ps.Streams.Progress | Where-Object StatusDescription -Match 'Retry-After' | Select-Object -First 1
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $handle.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Dispose()
            $progress | Should -Not -BeNullOrEmpty
            $progress.Activity | Should -Match 'Waiting for 127\.0\.0\.1'
            $progress.SecondsRemaining | Should -BeGreaterThan 20
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            @(Get-FakeRequests $other | Where-Object Path -EQ '/api/v3/ticker/price') | Should -HaveCount 1
        }
    }
}
