Describe 'Objects for the pipeline' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $jan1 = [DateTime]::new(2021, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
        $vectors = Get-SigningVectors
        $hmac = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $epoch = [DateTime]::new(2020, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
        function Assert-OneMinuteApart($rows, $first, $last) {
            $rows[0].OpenTime | Should -Be $first
            $rows[-1].OpenTime | Should -Be $last
            for ($i = 1; $i -lt $rows.Count; $i++) {
                if (($rows[$i].OpenTime - $rows[$i - 1].OpenTime).TotalSeconds -ne 60) { throw "gap or duplicate at row $i ($($rows[$i].OpenTime.ToString("o")))" }
            }
        }
    }

    AfterAll {
        Stop-FakeExchange $exchange
    }

    BeforeEach {
        Reset-FakeExchange $exchange
    }

    Context 'Shapes' {
        It 'klines have named, typed columns' {
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1h -startTime $jan1 -limit 2 -BaseUri $base
            $k | Should -HaveCount 2
            $k[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.Kline'
            $k[0].PSObject.Properties.Name | Should -Be @('OpenTime', 'Open', 'High', 'Low', 'Close', 'Volume', 'CloseTime', 'QuoteVolume', 'Trades', 'TakerBuyBaseVolume', 'TakerBuyQuoteVolume')
            $k[0].OpenTime | Should -Be $jan1
            $k[0].OpenTime.Kind | Should -Be 'Utc'
            $k[0].Open | Should -BeOfType [decimal]
            $k[0].Trades | Should -BeOfType [long]
            $k[1].OpenTime | Should -Be $jan1.AddHours(1)
        }

        It 'klines are BinancePostman.Kline objects, with their table view' {
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1h -startTime $jan1 -limit 2 -BaseUri $base
            $k[0] | Should -BeOfType ([BinancePostman.Kline])
            ($k | Format-Table | Out-String) | Should -Match '2021-01-01 01:00:00\.000'
        }

        It 'klines write one useful CSV row each' {
            $csv = Join-Path $TestDrive 'k.csv'
            Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1d -startTime $jan1 -limit 5 -BaseUri $base | Export-Csv $csv
            $rows = Import-Csv $csv
            $rows | Should -HaveCount 5
            $rows[0].Close | Should -Match '^\d+\.\d+$'
            [datetime]::Parse($rows[0].OpenTime, [Globalization.CultureInfo]::InvariantCulture) | Should -Not -BeNullOrEmpty
        }

        It 'order book levels are (Price, Quantity) objects' {
            $book = Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 3 -BaseUri $base
            $book.Bids[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.OrderBookLevel'
            $book.Bids[0].Price | Should -Be 20000
            $book.Bids[0].Price | Should -BeOfType [decimal]
            $book.Asks[0].Quantity | Should -BeOfType [decimal]
            $book.lastUpdateId | Should -BeOfType [long]
        }

        It 'aggregate trades get long names' {
            $t = Invoke-BinanceRequest 'Compressed/Aggregate Trades List' -symbol BTCUSDT -fromId 10 -limit 2 -BaseUri $base
            $t[0].PSObject.Properties.Name | Should -Be @('AggregateTradeId', 'Price', 'Quantity', 'FirstTradeId', 'LastTradeId', 'Time', 'IsBuyerMaker', 'IsBestMatch')
            $t[0].AggregateTradeId | Should -Be 10
            $t[0].Time | Should -BeOfType [datetime]
            $t[0].IsBuyerMaker | Should -BeTrue
            $t[1].IsBuyerMaker | Should -BeFalse
        }

        It 'plain JSON objects behave as ConvertFrom-Json''s do' {
            $info = Invoke-BinanceRequest -Method GET -Path /api/v3/exchangeInfo -BaseUri $base
            $info.PSObject.Properties.Name | Should -Be @('timezone', 'serverTime', 'rateLimits', 'symbols')
            $info.symbols[1].symbol | Should -Be 'BNBUSDT'
            $info | Add-Member -NotePropertyName Fetched -NotePropertyValue 1
            $info.Fetched | Should -Be 1
            ($info | ConvertTo-Json -Depth 5 | ConvertFrom-Json).rateLimits[1].rateLimitType | Should -Be 'ORDERS'
            ($info.symbols | Select-Object symbol, status | ConvertTo-Csv)[1] | Should -Be '"BTCUSDT","TRADING"'
        }

        It 'numbers are Int64 or decimal, never double; -AsHashtable gives dictionaries' {
            $info = Invoke-BinanceRequest -Method GET -Path /api/v3/exchangeInfo -BaseUri $base
            $info.serverTime | Should -BeOfType [long]
            $h = Invoke-BinanceRequest -Method GET -Path /api/v3/exchangeInfo -BaseUri $base -AsHashtable
            $h | Should -BeOfType [System.Collections.Specialized.OrderedDictionary]
            @($h.Keys)[0] | Should -Be 'timezone'
            $h.rateLimits[0] | Should -BeOfType [System.Collections.Specialized.OrderedDictionary]
        }
    }

    Context 'Paging with -All' {
        It 'pages klines across page boundaries with no duplicate and no gap' {
            $end = $jan1.AddDays(2)
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -endTime $end -All -BaseUri $base
            $k | Should -HaveCount 2881
            $k[0].OpenTime | Should -Be $jan1
            $k[-1].OpenTime | Should -Be $end
            for ($i = 1; $i -lt $k.Count; $i++) {
                if (($k[$i].OpenTime - $k[$i - 1].OpenTime).TotalSeconds -ne 60) { throw "gap or duplicate at row $i" }
            }
            $pages = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/klines')
            $pages | Should -HaveCount 3
            $pages[1].Query | Should -Match "startTime=$([DateTimeOffset]::new($jan1.AddMinutes(999)).ToUnixTimeMilliseconds() + 1)"
        }

        It 'pages aggregate trades by id, streaming: Select-Object -First stops it' {
            $t = Invoke-BinanceRequest 'Compressed/Aggregate Trades List' -symbol BTCUSDT -fromId 1000 -limit 100 -All -BaseUri $base | Select-Object -First 250
            $t | Should -HaveCount 250
            $t[0].AggregateTradeId | Should -Be 1000
            $t[-1].AggregateTradeId | Should -Be 1249
            @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/aggTrades').Count | Should -BeLessOrEqual 3
        }

        It 'shows progress with rows and the time reached' {
            # progress goes to the host, not a redirectable stream: read it from a runspace's progress stream
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$(Get-ModulePath)'; Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1h -startTime ([datetime]'2021-01-01Z') -endTime ([datetime]'2021-02-20Z') -limit 500 -All -BaseUri '$base' | Out-Null")
            $ps.Invoke()
            $records = $ps.Streams.Progress
            $ps.Dispose()
            $records.Count | Should -BeGreaterThan 1 -Because ($records.StatusDescription -join '; ')
            ($records | Where-Object StatusDescription -Match '^\d+ rows in \d+ page\(s\); reached 2021-').Count | Should -BeGreaterThan 0
        }

        It 'shows the time reached when paging by id too' {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$(Get-ModulePath)'; Invoke-BinanceRequest 'Compressed/Aggregate Trades List' -symbol BTCUSDT -fromId 100 -endTime ([datetime]'2020-01-01T00:10:00Z') -limit 200 -All -BaseUri '$base' | Out-Null")
            $ps.Invoke()
            $records = $ps.Streams.Progress
            $ps.Dispose()
            ($records | Where-Object StatusDescription -Match '^501 rows in 3 page\(s\); reached 2020-01-01 00:10:00Z \(fromId 600\)').Count | Should -BeGreaterThan 0 -Because ($records.StatusDescription -join '; ')
        }

        It 'refuses -All on an endpoint that does not page' {
            $err = $null
            try { Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -All -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.InvalidParameterValue*'
            "$err" | Should -Match 'does not page'
        }

        It 'stops within one request on Ctrl+C (StopProcessing)' {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$(Get-ModulePath)'; Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime ([datetime]'2020-01-01Z') -endTime ([datetime]'2024-01-01Z') -All -BaseUri '$base' | ForEach-Object { Start-Sleep -Milliseconds 1 }")
            $handle = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $before = @(Get-FakeRequests $exchange).Count
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $after = @(Get-FakeRequests $exchange).Count
            $ps.Dispose()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            ($after - $before) | Should -BeLessOrEqual 1
            $before | Should -BeLessThan 2000
        }
    }


    Context '-First and -Skip (SupportsPaging)' {
        It '-All -First 2500 on spot klines stops after exactly three requests of up to 1,000' {
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -All -First 2500 -BaseUri $base
            $k | Should -HaveCount 2500
            Assert-OneMinuteApart $k $jan1 $jan1.AddMinutes(2499)
            $pages = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/klines')
            $pages | Should -HaveCount 3
            $pages | ForEach-Object { if ($_.Query -match 'limit=(\d+)') { [int] $Matches[1] } } | Should -Be @(1000, 1000, 500)
        }

        It '-Skip passes over rows across pages, -First then counts the rest' {
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -All -Skip 1500 -First 10 -BaseUri $base
            Assert-OneMinuteApart $k $jan1.AddMinutes(1500) $jan1.AddMinutes(1509)
            $k | Should -HaveCount 10
            @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/klines') | Should -HaveCount 2
        }

        It 'without -All they apply to the one reply, which is asked for as given' {
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -limit 10 -Skip 2 -First 3 -BaseUri $base
            Assert-OneMinuteApart $k $jan1.AddMinutes(2) $jan1.AddMinutes(4)
            $k | Should -HaveCount 3
            (Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/klines').Query | Should -Match 'limit=10'
        }

        It '-All -First 0 reads no page' {
            Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -All -First 0 -BaseUri $base | Should -BeNullOrEmpty
            @(Get-FakeRequests $exchange) | Should -BeNullOrEmpty
        }

        It '-IncludeTotalCount is refused before anything is sent: Binance gives no totals' {
            $err = $null
            try { Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -All -First 5 -IncludeTotalCount -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.TotalCountUnavailable*'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            "$err" | Should -Match 'no total'
            $err.ErrorDetails.RecommendedAction | Should -Match 'Measure-Object'
            @(Get-FakeRequests $exchange) | Should -BeNullOrEmpty
        }
    }

    Context 'Times in views' {
        It 'orders keep their raw ms for Export-Csv and show UTC times in their view' {
            $order = Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -BaseUri $base -Confirm:$false
            $order.PSObject.TypeNames[0] | Should -Be 'BinancePostman.Order'
            $order.transactTime | Should -BeOfType [long]
            $utc = [DateTimeOffset]::FromUnixTimeMilliseconds($order.transactTime).UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss.fff')
            $table = $order | Format-Table | Out-String
            $table | Should -Match 'Time \(UTC\)'
            $table | Should -Match ([regex]::Escape($utc))
            $csv = Join-Path $TestDrive 'order.csv'
            $order | Export-Csv $csv
            $row = Import-Csv $csv
            $row.transactTime | Should -Be "$($order.transactTime)"
            $row.symbol | Should -Be 'BTCUSDT'
        }

        It 'the account shows its updateTime as UTC' {
            $account = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base
            $account.PSObject.TypeNames[0] | Should -Be 'BinancePostman.Account'
            $account.updateTime | Should -BeOfType [long]
            $list = $account | Out-String
            $list | Should -Match ('updateTime \(UTC\)\s*:\s*' + [regex]::Escape([DateTimeOffset]::FromUnixTimeMilliseconds($account.updateTime).UtcDateTime.ToString('yyyy-MM-dd HH:mm')))
            $list | Should -Match 'BTC 1\.00000000'
        }

        It 'a reply of another shape keeps its own columns' {
            $t = Invoke-BinanceRequest -Method GET -Path /api/v3/time -BaseUri $base
            $t.PSObject.TypeNames[0] | Should -Be 'System.Management.Automation.PSCustomObject'
            ($t | Out-String) | Should -Match 'serverTime'
        }
    }

    Context 'Futures paging' {
        It 'pages USDs-M klines 1500 rows at a time with no duplicate and no gap' {
            $end = $jan1.AddDays(2)
            $k = Invoke-BinanceRequest 'USDs-M Futures\Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -endTime $end -All -BaseUri $base
            $k | Should -HaveCount 2881
            Assert-OneMinuteApart $k $jan1 $end
            $pages = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/fapi/v1/klines')
            $pages | Should -HaveCount 2
            $pages[0].Query | Should -Match 'limit=1500'
        }

        It 'pages COIN-M klines by windows of one page, as COIN-M answers the most recent rows of a range' {
            $end = $jan1.AddDays(2)
            $k = Invoke-BinanceRequest 'Coin-M Futures\Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -endTime $end -All -BaseUri $base
            $k | Should -HaveCount 2881
            Assert-OneMinuteApart $k $jan1 $end
            $pages = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/dapi/v1/klines')
            $pages | Should -HaveCount 2
            $ms = [DateTimeOffset]::new($jan1).ToUnixTimeMilliseconds()
            $pages[0].Query | Should -Match "startTime=$ms&.*endTime=$($ms + 1500 * 60000 - 1)|endTime=$($ms + 1500 * 60000 - 1)&.*startTime=$ms"
        }

        It 'pages USDs-M aggregate trades by id and stops at -endTime by the trades'' own time' {
            $from = $epoch.AddSeconds(100); $to = $epoch.AddSeconds(2600)
            $t = Invoke-BinanceRequest 'USDs-M Futures\Compressed/Aggregate Trades List' -symbol BTCUSDT -startTime $from -endTime $to -All -BaseUri $base
            $t | Should -HaveCount 2501
            $t[0].AggregateTradeId | Should -Be 100
            $t[-1].AggregateTradeId | Should -Be 2600
            $t[-1].Time | Should -Be $to
            for ($i = 1; $i -lt $t.Count; $i++) { if ($t[$i].AggregateTradeId -ne $t[$i - 1].AggregateTradeId + 1) { throw "gap or duplicate at row $i" } }
            $pages = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/fapi/v1/aggTrades')
            $pages | Should -HaveCount 3
            $pages[1].Query | Should -Match 'fromId=1100'
            $pages[1].Query | Should -Not -Match 'startTime|endTime'
        }
    }

    Context 'Bad replies' {
        It 'a reply cut off mid-stream keeps the rows read and says so' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'truncated'; count = 1 } }
            $err = $null
            $rows = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            @($rows) | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -Match '^(BinanceHttp\.Connection|BinancePostman\.InvalidJsonReply)'
            "$($err[0])" | Should -Match '1 (row|element)'
        }

        It 'a short page in the middle of a range does not end it' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'short'; count = 1; skip = 1; pathContains = 'klines' } }
            $end = $jan1.AddDays(2)
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -endTime $end -All -BaseUri $base
            $k | Should -HaveCount 2881
            Assert-OneMinuteApart $k $jan1 $end
            @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/klines') | Should -HaveCount 4
        }

        It 'a page that starts with the last row again writes it once' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'repeat'; count = 2; skip = 1; pathContains = 'klines' } }
            $end = $jan1.AddDays(2)
            $k = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $jan1 -endTime $end -All -BaseUri $base
            $k | Should -HaveCount 2881
            Assert-OneMinuteApart $k $jan1 $end
        }

        It 'a page of rows already written stops paging with a warning, not an endless loop' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'stale'; count = 100; skip = 1; pathContains = 'aggTrades' } }
            $warn = $null
            $t = Invoke-BinanceRequest 'Compressed/Aggregate Trades List' -symbol BTCUSDT -fromId 5000 -limit 100 -All -BaseUri $base -WarningVariable warn -WarningAction SilentlyContinue
            $t | Should -HaveCount 100
            ($t.AggregateTradeId | Select-Object -Unique) | Should -HaveCount 100
            "$warn" | Should -Match 'already written'
            @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/aggTrades') | Should -HaveCount 2
        }

        It 'truncated JSON inside a row is a clear error after the rows before it' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'truncated'; count = 1 } }
            $err = $null
            $rows = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            $rows[0] | Should -BeOfType ([BinancePostman.Kline])
            "$($err[0])" | Should -Match 'ended in the middle of a value'
        }

        It 'a number too large for decimal is a clear error' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'bignumber'; count = 1 } }
            $err = $null
            Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.InvalidJsonReply*'
            "$($err[0])" | Should -Match 'too large for decimal'
        }

        It 'an empty body or an empty array emits nothing, without error' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'empty200'; count = 1 } }
            Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri $base -ErrorAction Stop | Should -BeNullOrEmpty
            Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime ([datetime]'2030-01-01Z') -BaseUri $base -ErrorAction Stop | Should -BeNullOrEmpty
        }
    }
}
