# Receive-BinanceStream and Receive-BinanceUserData against the fake exchange's WebSocket side: typed objects, every way
# of stopping (-First, -Duration, Select-Object -First, Ctrl+C) closing the connection, gaps as warnings, refused
# streams and malformed frames as errors, user data signed with each key type, listenKeys kept alive on a scaled clock.
# The fake numbers its events by time (trade id k at k * interval ms), so a lost or repeated event shows in the ids.
Describe 'Streams into the pipeline' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $vectors = Get-SigningVectors
        $hmac = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $keys = Join-Path (Get-SharedFixtures) 'signing-vectors'
        $savedTimings = [BinancePostman.Streams.StreamTimings]::Default

        function Get-Connections { @(Invoke-RestMethod "$base/__fake/connections" | ForEach-Object { $_ }) }
        function Get-StreamLog { @(Invoke-RestMethod "$base/__fake/streamlog" | ForEach-Object { $_ }) }
        function Set-Streams([hashtable] $Settings) { Set-FakeExchange $exchange @{ streams = $Settings } }
        function Add-WsFault([hashtable] $Fault) { Set-FakeExchange $exchange @{ wsFaults = @($Fault) } }
        function Wait-Until([scriptblock] $Condition, [int] $Seconds = 10) {
            $end = [DateTime]::UtcNow.AddSeconds($Seconds)
            while (-not (& $Condition) -and [DateTime]::UtcNow -lt $end) { Start-Sleep -Milliseconds 20 }
            & $Condition
        }
        # a pipeline in a runspace of its own, as a user's console runs one: Stop() is what Ctrl+C does
        function Start-Pipeline([scriptblock] $Script) {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$(Get-ModulePath)'").AddStatement().AddScript($Script)
            $out = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $out)
            [pscustomobject]@{ PowerShell = $ps; Output = $out; Handle = $handle }
        }
    }

    AfterAll {
        [BinancePostman.Streams.StreamTimings]::Default = $savedTimings
        Stop-FakeExchange $exchange
    }

    BeforeEach {
        Reset-FakeExchange $exchange
        Set-Streams @{ eventIntervalMs = 10; userEventIntervalMs = 20 }
        $fast = [BinancePostman.Streams.StreamTimings]::new()
        $fast.FirstReconnectDelay = [TimeSpan]::FromMilliseconds(20)
        $fast.MaximumReconnectDelay = [TimeSpan]::FromMilliseconds(200)
        [BinancePostman.Streams.StreamTimings]::Default = $fast
    }

    Context 'Receive-BinanceStream' {
        It 'writes each kind of event as its type, -First of them, and closes the connection' {
            $events = Receive-BinanceStream btcusdt@trade, BTCUSDT@kline_1m, ethusdt@aggTrade, btcusdt@bookTicker, btcusdt@depth5, btcusdt@depth, btcusdt@miniTicker, btcusdt@ticker, btcusdt@markPrice -BaseUri $base -First 45
            $events | Should -HaveCount 45
            # an event with no class of its own: named fields, typed values, each object its own values
            $marks = @($events | Where-Object { $_.PSObject.TypeNames[0] -eq 'BinancePostman.StreamEvent.markPriceUpdate' })
            $marks.Count | Should -BeGreaterThan 1
            $marks[0].PSObject.TypeNames | Should -Contain 'BinancePostman.StreamEvent'
            $marks[0].markPrice | Should -BeOfType ([decimal])
            $marks[0].eventTime | Should -BeOfType ([long])
            $marks[1].eventTime | Should -BeGreaterThan $marks[0].eventTime
            $marks[1].markPrice | Should -Not -Be $marks[0].markPrice
            $mini = @($events | Where-Object { $_.GetType() -eq [BinancePostman.StreamMiniTicker] })
            $mini.Count | Should -BeGreaterThan 1
            $mini[0].Symbol | Should -Be 'BTCUSDT'
            $mini[0].lastPrice | Should -BeOfType ([decimal])
            $mini[1].lastPrice | Should -Not -Be $mini[0].lastPrice
            $mini[0].volume | Should -Be 1000
            $full = $events | Where-Object { $_ -is [BinancePostman.StreamTicker] } | Select-Object -First 1
            ($full.PSObject.Properties.Name | Select-Object -First 3) | Should -Be @('Symbol', 'PriceChange', 'PriceChangePercent') -Because 'Export-Csv columns come in a REST ticker''s order'
            $full.priceChangePercent | Should -BeOfType ([decimal])
            $full.bidPrice | Should -Be $full.lastPrice -Because 'the fake exchange bids at the last price'
            $full.closeTime - $full.openTime | Should -Be 86400000
            $full.count | Should -Be ($full.lastId - $full.firstId + 1)
            $kline = $events | Where-Object { $_ -is [BinancePostman.StreamKline] } | Select-Object -First 1
            $kline | Should -BeOfType ([BinancePostman.Kline])
            $kline.Symbol | Should -Be 'BTCUSDT'
            $kline.Interval | Should -Be '1m'
            $kline.Open | Should -BeOfType ([decimal])
            $kline.OpenTime.Kind | Should -Be 'Utc'
            $kline.Stream | Should -Be 'btcusdt@kline_1m' -Because 'the symbol part of a stream name is sent in lower case'
            $agg = $events | Where-Object { $_ -is [BinancePostman.StreamAggregateTrade] } | Select-Object -First 1
            $agg | Should -BeOfType ([BinancePostman.AggregateTrade])
            $agg.Symbol | Should -Be 'ETHUSDT'
            $trade = $events | Where-Object { $_ -is [BinancePostman.StreamTrade] } | Select-Object -First 1
            $trade.Symbol | Should -Be 'BTCUSDT'
            $trade.price | Should -BeOfType ([decimal])
            $trade.eventTime | Should -BeOfType ([long]) -Because 'raw milliseconds are kept for Export-Csv; the views show UTC'
            $trade.isBuyerMaker | Should -BeOfType ([bool])
            $book = $events | Where-Object { $_ -is [BinancePostman.StreamOrderBook] } | Select-Object -First 1
            $book.Symbol | Should -Be 'BTCUSDT'
            $book.Bids | Should -HaveCount 5
            $book.Bids[0] | Should -BeOfType ([BinancePostman.BookLevel])
            $book.Bids[0].Price | Should -BeOfType ([decimal])
            $book.Bids[0].Price | Should -BeLessThan $book.Asks[0].Price
            $diff = $events | Where-Object { $_ -is [BinancePostman.StreamDepthUpdate] } | Select-Object -First 1
            $diff.FinalUpdateId | Should -BeGreaterThan $diff.FirstUpdateId
            $diff.Asks[0].Quantity | Should -BeOfType ([decimal])
            $diff.Bids | Should -HaveCount 2
            $ticker = $events | Where-Object { $_ -is [BinancePostman.StreamBookTicker] } | Select-Object -First 1
            $ticker.bidPrice | Should -BeLessThan $ticker.askPrice
            Get-Connections | Should -HaveCount 1
            Wait-Until { (Get-Connections)[0].ClosedBy } | Should -Be 'client'
            ($events | Format-Table | Out-String) | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}' -Because 'the views show event times as UTC'
        }

        It 'Select-Object -First 100 into Export-Csv writes 100 rows in order and closes the socket' {
            Set-Streams @{ eventIntervalMs = 5 }
            $csv = Join-Path $TestDrive 'trades.csv'
            Receive-BinanceStream btcusdt@trade -BaseUri $base | Select-Object -First 100 | Export-Csv $csv
            $rows = Import-Csv $csv
            $rows | Should -HaveCount 100
            $ids = $rows | ForEach-Object { [long]$_.id }
            for ($i = 1; $i -lt 100; $i++) { $ids[$i] | Should -Be ($ids[$i - 1] + 1) }
            $rows[0].PSObject.Properties.Name | Should -Be @('Symbol', 'Id', 'Price', 'Qty', 'Time', 'IsBuyerMaker', 'IsBestMatch', 'EventTime', 'Stream')
            [long]$rows[0].time | Should -BeGreaterThan 1600000000000
            Wait-Until { (Get-Connections)[0].ClosedBy } | Should -Be 'client'
        }

        It '-Duration ends the stream on time; -Raw writes the event JSON' {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $raw = Receive-BinanceStream btcusdt@trade -BaseUri $base -Duration 0.6 -Raw
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $raw.Count | Should -BeGreaterThan 10
            $raw[0] | Should -BeOfType ([string])
            ($raw[0] | ConvertFrom-Json -AsHashtable)['e'] | Should -Be 'trade'
        }

        It 'Ctrl+C stops it and closes the connection' {
            $run = Start-Pipeline ([scriptblock]::Create("Receive-BinanceStream btcusdt@trade -BaseUri '$base'"))
            Wait-Until { $run.Output.Count -ge 5 } | Should -BeTrue
            $run.PowerShell.Stop()
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            Wait-Until { (Get-Connections)[0].ClosedBy } | Should -Be 'client'
            $run.PowerShell.Dispose()
        }

        It 'reports a dropped connection as a gap with its start and end, reconnects, and writes no event twice' {
            Add-WsFault @{ kind = 'reset'; afterEvents = 15 }
            $events = Receive-BinanceStream btcusdt@trade -BaseUri $base -First 40 -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings | Should -HaveCount 1
            "$warnings" | Should -Match 'Stream gap: nothing was received from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} to \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC'
            $ids = $events | ForEach-Object id
            ($ids | Sort-Object -Unique) | Should -HaveCount 40
            for ($i = 1; $i -lt 40; $i++) { $ids[$i] | Should -BeGreaterThan $ids[$i - 1] }
            Get-Connections | Should -HaveCount 2
        }

        It 'writes an error for a refused stream and goes on with the others' {
            $events = Receive-BinanceStream btcusdt@trade, btcusdt@tradez -BaseUri $base -First 10 -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -HaveCount 10
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.StreamRefused*'
            $errs[0].TargetObject | Should -Be 'btcusdt@tradez'
            $errs[0].Exception.Message | Should -Match 'invalid stream'
        }

        It 'writes an error for a frame that is not JSON and goes on' {
            Add-WsFault @{ kind = 'malformed'; afterEvents = 3 }
            $events = Receive-BinanceStream btcusdt@trade -BaseUri $base -First 10 -ErrorVariable errs -ErrorAction SilentlyContinue
            $events | Should -HaveCount 10
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.StreamFrameMalformed*'
            $errs[0].Exception.Message | Should -Match 'not valid JSON'
        }

        It 'refuses a name that cannot be a stream, and a network without streams, before connecting' {
            { Receive-BinanceStream 'btcusdt@trade/ethusdt@trade' -BaseUri $base -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'BinancePostman.InvalidParameterValue*'
            { Receive-BinanceStream btcusdt@trade -Api Options -Network Demo -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'BinancePostman.StreamNotServed*'
            Get-Connections | Should -BeNullOrEmpty
        }

        It 'takes stream names from the pipeline into one connection' {
            $events = 'btcusdt@trade', 'ethusdt@trade' | Receive-BinanceStream -BaseUri $base -First 20
            ($events | Select-Object -ExpandProperty Stream -Unique | Sort-Object) | Should -Be @('btcusdt@trade', 'ethusdt@trade')
            Get-Connections | Should -HaveCount 1
        }

        It 'keeps memory bounded for a slow pipeline: the oldest events are let go with a warning' {
            Set-Streams @{ eventIntervalMs = 0 }
            $events = Receive-BinanceStream btcusdt@trade -BaseUri $base -BufferSize 100 -Duration 1.5 -WarningVariable warnings -WarningAction SilentlyContinue |
                ForEach-Object { Start-Sleep -Milliseconds 2; $_ }
            "$warnings" | Should -Match 'were let go: the pipeline read them slower than they came, and -BufferSize holds 100'
            $ids = $events | ForEach-Object id
            for ($i = 1; $i -lt $ids.Count; $i++) { $ids[$i] | Should -BeGreaterThan $ids[$i - 1] }
        }
    }

    Context 'Receive-BinanceUserData' {
        It 'subscribes spot user data signed with an <Type> key' -ForEach @(
            @{ Type = 'HMAC' }
            @{ Type = 'RSA'; ApiKey = 'fake-rsa-api-key-0000000000000000000000000000000000000000000001'; Pem = 'rsa-2048-pkcs8.pem' }
            @{ Type = 'Ed25519'; ApiKey = 'fake-ed25519-api-key-000000000000000000000000000000000000000001'; Pem = 'ed25519.pem' }
        ) {
            $keyArgs = if ($Pem) { @{ ApiKey = $ApiKey; PrivateKeyPath = (Join-Path $keys $Pem) } } else { @{ Credential = $hmac } }
            $events = Receive-BinanceUserData -BaseUri $base @keyArgs -First 6
            $events | Should -HaveCount 6
            $report = $events | Where-Object { $_.PSObject.TypeNames[0] -eq 'BinancePostman.StreamEvent.executionReport' } | Select-Object -First 1
            $report.orderId | Should -BeOfType ([long])
            $report.origQty | Should -BeOfType ([decimal])
            $report.status | Should -Be 'NEW'
            ($events | Where-Object eventType -EQ 'balanceUpdate') | Should -Not -BeNullOrEmpty
            Get-StreamLog | Should -Contain "SUBSCRIBE spot $Type $(if ($ApiKey) { $ApiKey } else { $vectors.hmac[0].apiKey })"
        }

        It 'writes the order an Invoke-BinanceRequest places as it happens' {
            Set-Streams @{ userEventIntervalMs = 0 }
            $run = Start-Pipeline ([scriptblock]::Create("Receive-BinanceUserData -BaseUri '$base' -ApiKey '$($vectors.hmac[0].apiKey)' -ApiSecret (ConvertTo-SecureString '$($vectors.hmac[0].secret)' -AsPlainText -Force) -First 1"))
            Wait-Until { @(Get-StreamLog | Where-Object { $_ -like 'SUBSCRIBE spot*' }).Count -eq 1 } | Should -BeTrue
            $null = Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type LIMIT -timeInForce GTC -quantity 0.002 -price 19000 -newClientOrderId stream-test-1 -Credential $hmac -BaseUri $base
            $null = $run.Handle.AsyncWaitHandle.WaitOne(10000)
            $event = $run.PowerShell.EndInvoke($run.Handle) | Select-Object -First 1
            $event.clientOrderId | Should -Be 'stream-test-1'
            $event.price | Should -Be 19000
            $event.origQty | Should -Be 0.002
            $run.PowerShell.Dispose()
        }

        It 'refuses a wrong secret with Binance''s signature error' {
            $wrong = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force))
            Receive-BinanceUserData -BaseUri $base -Credential $wrong -First 1 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BinanceApi.-1022*'
            $errs[0].ErrorDetails.RecommendedAction | Should -Match 'signature'
        }

        It 'keeps a USDs-M listenKey alive on a scaled clock and closes it on Ctrl+C, showing no key in -Verbose' {
            Set-Streams @{ userEventIntervalMs = 20; listenKeyValidityMs = 1500 }
            [BinancePostman.Streams.StreamTimings]::Default.ListenKeyKeepAlive = [TimeSpan]::FromMilliseconds(120)
            $run = Start-Pipeline ([scriptblock]::Create("Receive-BinanceUserData -Api UsdM -BaseUri '$base' -ApiKey '$($vectors.hmac[0].apiKey)' -ApiSecret (ConvertTo-SecureString '$($vectors.hmac[0].secret)' -AsPlainText -Force) -Verbose"))
            Wait-Until { @(Get-StreamLog | Where-Object { $_ -like 'PUT fapi*' }).Count -ge 5 } | Should -BeTrue
            $run.Output.Count | Should -BeGreaterThan 20
            $run.PowerShell.Stop()
            $log = Get-StreamLog
            $key = ($log | Where-Object { $_ -like 'POST fapi*' } | Select-Object -First 1).Split(' ')[2]
            $log | Where-Object { $_ -like 'EXPIRED*' } | Should -BeNullOrEmpty
            $log[-1] | Should -Be "DELETE fapi $key"
            (Get-Connections)[0].Path | Should -Be "/private/ws/$key"
            $verbose = $run.PowerShell.Streams.Verbose | ForEach-Object Message
            $verbose | Should -Not -BeNullOrEmpty
            ($verbose -join "`n") | Should -Not -Match $key
            $run.PowerShell.Dispose()
        }

        It 'reports a lost listenKey as a gap and goes on with a new one' {
            Set-Streams @{ userEventIntervalMs = 20 }
            Add-WsFault @{ kind = 'expireListenKey'; afterEvents = 5; pathContains = '/private/' }
            $events = Receive-BinanceUserData -Api UsdM -BaseUri $base -Credential $hmac -First 15 -WarningVariable warnings -WarningAction SilentlyContinue
            $events | Should -HaveCount 15
            "$warnings" | Should -Match 'listenKey expired'
            "$warnings" | Should -Match 'Current Open Orders'
            @(Get-StreamLog | Where-Object { $_ -like 'POST fapi*' }).Count | Should -Be 2
        }

        It 'needs keys' {
            Disconnect-Binance
            { Receive-BinanceUserData -BaseUri $base -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'BinancePostman.Credential.NoApiKey*'
        }
    }

    Context 'Proxies' {
        BeforeAll {
            $proxy = Start-LoopbackProxy
            $proxyPassword = 'str3am-pr0xy-secret'
            $proxyCredential = [pscredential]::new('trader', (ConvertTo-SecureString $proxyPassword -AsPlainText -Force))
            $exchangeAuthority = ([uri]$base).Authority
        }

        AfterAll { Stop-FakeExchange $proxy }

        BeforeEach { Reset-LoopbackProxy $proxy }

        It 'Receive-BinanceStream opens its WebSocket through -Proxy (a CONNECT tunnel to the exchange)' {
            $events = Receive-BinanceStream btcusdt@trade -BaseUri $base -Proxy $proxy.Uri -First 5
            $events | Should -HaveCount 5
            $tunnels = @(Get-ProxyLog $proxy | Where-Object Outcome -EQ 'tunnel')
            $tunnels | Should -HaveCount 1
            $tunnels[0].Method | Should -Be 'CONNECT'
            $tunnels[0].Target | Should -Be $exchangeAuthority
            Get-Connections | Should -HaveCount 1
        }

        It 'a proxy that wants credentials: -ProxyCredential opens the tunnel; without it, one connection error naming the proxy and no secret' {
            Reset-LoopbackProxy $proxy -RequireCredentials "trader:$proxyPassword"
            $events = Receive-BinanceStream btcusdt@trade -BaseUri $base -Proxy $proxy.Uri -ProxyCredential $proxyCredential -First 3
            $events | Should -HaveCount 3
            @(Get-ProxyLog $proxy | Where-Object { $_.Outcome -eq 'tunnel' -and $_.Authorized }) | Should -HaveCount 1

            Reset-FakeExchange $exchange
            Reset-LoopbackProxy $proxy -RequireCredentials "trader:$proxyPassword"
            Receive-BinanceStream btcusdt@trade -BaseUri $base -Proxy $proxy.Uri -First 3 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.StreamConnection*'
            "$($errs[0])" | Should -Match ([regex]::Escape("through the proxy $($proxy.Uri)"))
            "$($errs[0])" | Should -Not -Match $proxyPassword
            Get-Connections | Should -BeNullOrEmpty
        }

        It '-NoProxy goes straight to the exchange; -NoProxy with -Proxy is refused before connecting' {
            Receive-BinanceStream btcusdt@trade -BaseUri $base -NoProxy -First 2 | Should -HaveCount 2
            @(Get-ProxyLog $proxy) | Should -BeNullOrEmpty
            { Receive-BinanceStream btcusdt@trade -BaseUri $base -NoProxy -Proxy $proxy.Uri -First 2 -ErrorAction Stop } | Should -Throw -ErrorId 'BinancePostman.InvalidParameterValue*'
        }

        It 'Receive-BinanceUserData sends its listenKey calls and its WebSocket through the same proxy, and sets the reply variables' {
            $events = Receive-BinanceUserData -Api UsdM -BaseUri $base -Credential $hmac -Proxy $proxy.Uri -First 3 -StatusCodeVariable status -ResponseHeadersVariable headers
            $events | Should -HaveCount 3
            $log = @(Get-ProxyLog $proxy)
            @($log | Where-Object { $_.Method -eq 'POST' -and $_.Target -match '/fapi/v1/listenKey' }) | Should -HaveCount 1
            @($log | Where-Object Outcome -EQ 'tunnel') | Should -HaveCount 1
            # the exchange saw the listenKey calls only through the proxy: each POST, PUT or DELETE it saw was forwarded
            @(Get-FakeRequests $exchange | Where-Object Path -EQ '/fapi/v1/listenKey').Count | Should -Be @($log | Where-Object Target -Match '/fapi/v1/listenKey').Count
            $status | Should -Be 200
            $headers['Content-Type'] | Should -Not -BeNullOrEmpty
        }
    }
}
