# Today's Binance: retired endpoints hidden, flagged and refused before sending; Portfolio Margin and Alpha reach the
# exchange on their hosts, signed or unsigned as their security needs; Compare-BinanceCollection on the real downloads.
Describe 'Retired endpoints, Portfolio Margin and Alpha, Compare-BinanceCollection' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $vectors = Get-SigningVectors
        $hmac = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $fixtures = Join-Path (Get-SharedFixtures) 'binance-api-postman'
        # other test files may have imported Binance's own downloads into the process-wide catalog: stay on the bundled ones
        $bundled = 'Spot', 'USDs-M Futures', 'Coin-M Futures', 'European Options', 'Broker', 'Portfolio Margin', 'Alpha'
    }

    AfterAll {
        Stop-FakeExchange $exchange
    }

    BeforeEach {
        Reset-FakeExchange $exchange
    }

    Context 'Get-BinanceEndpoint' {
        It 'leaves retired endpoints out unless -IncludeRetired' {
            $default = Get-BinanceEndpoint -Path '*/userDataStream*' -Collection $bundled
            $default | Should -BeNullOrEmpty
            $all = Get-BinanceEndpoint -Path '*/userDataStream*' -Collection $bundled -IncludeRetired
            $all | Should -HaveCount 9
            $all | ForEach-Object { $_.Status | Should -Be 'Retired' }
            ($all | Where-Object Path -EQ '/api/v3/userDataStream' | Select-Object -First 1).RetiredOn | Should -Be ([datetime]'2026-02-20')
            (Get-BinanceEndpoint -Collection $bundled -IncludeRetired | Where-Object IsRetired).Count | Should -Be 20
            (Get-BinanceEndpoint -Collection $bundled).Count + 20 | Should -Be (Get-BinanceEndpoint -Collection $bundled -IncludeRetired).Count
        }

        It 'says so when an exact name is a hidden retired endpoint, and names the replacement' {
            Get-BinanceEndpoint 'Generate a Listen Key (USER_STREAM)' -Collection Spot -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.EndpointRetired*'
            $err[0].Exception.Message | Should -Match 'retired by Binance on 2026-02-20'
            $err[0].ErrorDetails.RecommendedAction | Should -Match 'IncludeRetired'
            $err[0].ErrorDetails.RecommendedAction | Should -Match 'POST /sapi/v1/userListenToken'
        }

        It 'shows the status in the table view and in CSV rows' {
            $table = Get-BinanceEndpoint -Path '/api/v3/userDataStream' -Method POST -Collection Spot -IncludeRetired | Format-Table | Out-String -Width 250
            $table | Should -Match 'Status'
            $table | Should -Match 'Retired 2026-02-20'
            $deprecated = Get-BinanceEndpoint -Path '/sapi/v1/broker/subAccount/futuresSummary' -Collection Broker | Format-Table | Out-String -Width 250
            $deprecated | Should -Match 'Deprecated 2024-06-28'
            $row = Get-BinanceEndpoint -Path '/sapi/v1/loan/borrow' -Collection Spot -IncludeRetired | ConvertTo-Csv | ConvertFrom-Csv
            $row.Status | Should -Be 'Retired'
            $row.Replacement | Should -Match '/sapi/v2/loan/flexible/borrow'
        }

        It 'offers retired endpoints to Tab only when asked' {
            $line = "Invoke-BinanceRequest -Collection Spot 'Create a ListenKey"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
            $line = "Get-BinanceEndpoint -Collection Spot -IncludeRetired 'Create a ListenKey"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain "'Create a ListenKey [Spot] (USER_STREAM)'"
            $line = "Invoke-BinanceRequest -Collection Spot 'Create Margin Account listen"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain "'Create Margin Account listenToken (USER_STREAM)'"
        }
    }

    Context 'Invoke-BinanceRequest on a retired endpoint' {
        It 'stops before sending, with an error that names the replacement' {
            Invoke-BinanceRequest 'Create a ListenKey [Spot] (USER_STREAM)' -Collection Spot -Credential $hmac -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.EndpointRetired*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $err[0].Exception.Message | Should -Match 'userDataStream.subscribe'
            $err[0].ErrorDetails.RecommendedAction | Should -Match '-Force'
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }

        It 'refuses from the pipeline and under -WhatIf too' {
            Get-BinanceEndpoint -Collection Spot -Path /sapi/v1/userDataStream -Method DELETE -IncludeRetired |
                Invoke-BinanceRequest -Parameters @{ listenKey = 'x' } -Credential $hmac -BaseUri $base -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.EndpointRetired*'
            $err[0].Exception.Message | Should -Match 'userListenToken'
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }

        It 'sends it anyway with -Force, with a warning' {
            Invoke-BinanceRequest 'Portfolio Margin\Query Current UM Open Conditional Order (USER_DATA)' -symbol BTCUSDT -strategyId 1 -Credential $hmac -BaseUri $base -Force -WarningVariable warn 3>$null | Out-Null
            $warn | Should -Match 'retired it on 2026-04-28'
            $seen = @(Get-FakeRequests $exchange | Where-Object Path -NotLike '*/time')
            $seen | Should -HaveCount 1
            $seen[0].Path | Should -Be '/papi/v1/um/conditional/openOrder'
        }

        It 'warns on a deprecated endpoint and sends it' {
            Invoke-BinanceRequest 'Broker\Query Subaccount Futures Asset info (USER_DATA)' -Credential $hmac -BaseUri $base -WarningVariable warn 3>$null | Out-Null
            $warn | Should -Match 'deprecated by Binance on 2024-06-28'
            @(Get-FakeRequests $exchange | Where-Object Path -EQ '/sapi/v1/broker/subAccount/futuresSummary') | Should -HaveCount 1
        }
    }

    Context 'Portfolio Margin and Alpha reach the exchange' {
        It 'signs the signed Portfolio Margin requests and keys the user-stream ones: <Name>' -ForEach @(
            @{ Name = 'Portfolio Margin\New UM Order (TRADE)'; Values = @{ symbol = 'BTCUSDT'; side = 'BUY'; type = 'LIMIT'; timeInForce = 'GTC'; quantity = '0.01'; price = '30000' }; Path = '/papi/v1/um/order'; Signed = $true }
            @{ Name = 'Portfolio Margin\Query All CM Orders (USER_DATA)'; Values = @{ symbol = 'BTCUSD_PERP' }; Path = '/papi/v1/cm/allOrders'; Signed = $true }
            @{ Name = 'Portfolio Margin\Margin Account Borrow (MARGIN)'; Values = @{ asset = 'USDT'; amount = '10' }; Path = '/papi/v1/marginLoan'; Signed = $true }
            @{ Name = 'Portfolio Margin\Account Information (USER_DATA)'; Values = @{}; Path = '/papi/v1/account'; Signed = $true }
            @{ Name = 'Portfolio Margin\Start User Data Stream (USER_STREAM)'; Values = @{}; Path = '/papi/v1/listenKey'; Signed = $false }
            @{ Name = 'Portfolio Margin\Test Connectivity'; Values = @{}; Path = '/papi/v1/ping'; Signed = $false; Public = $true }
        ) {
            Invoke-BinanceRequest $Name -Parameters $Values -Credential $hmac -BaseUri $base -Confirm:$false | Out-Null
            $seen = @(Get-FakeRequests $exchange | Where-Object Path -NotLike '*/time')
            $seen | Should -HaveCount 1
            $seen[0].Path | Should -Be $Path
            $seen[0].Status | Should -Be 200 -Because "the exchange checks key and signature ($($seen[0].Code))"
            # a state change carries its parameters in the body, a read in the query: signature last in either
            $sent = if ($seen[0].Body) { $seen[0].Body } else { $seen[0].Query }
            if ($Signed) { $sent | Should -Match '(^|&)timestamp=\d+&signature=[0-9a-f]{64}$' } else { $sent | Should -Not -Match 'signature=' }
            if ($Public) { $seen[0].ApiKey | Should -BeNullOrEmpty } else { $seen[0].ApiKey | Should -Be $vectors.hmac[0].apiKey }
        }

        It 'sends Alpha market data with no key and no signature' {
            $reply = Invoke-BinanceRequest 'Alpha\Klines' -symbol ALPHA_175USDT -interval 1h -limit 3 -BaseUri $base
            $reply.path | Should -Be '/bapi/defi/v1/public/alpha-trade/klines'
            $seen = @(Get-FakeRequests $exchange)
            $seen[0].Query | Should -Be 'symbol=ALPHA_175USDT&interval=1h&limit=3'
            $seen[0].ApiKey | Should -BeNullOrEmpty
        }

        It 'refuses a network Binance does not serve the API on, naming the ones it does' {
            Invoke-BinanceRequest 'Alpha\Ticker' -symbol ALPHA_175USDT -Network Testnet -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.NoBaseUrl*'
            $err[0].Exception.Message | Should -Match 'Alpha on Production only'
            Invoke-BinanceRequest 'Portfolio Margin\Query UM Order (USER_DATA)' -symbol BTCUSDT -orderId 1 -Network Demo -Credential $hmac -ErrorVariable err2 -ErrorAction SilentlyContinue | Out-Null
            $err2[0].Exception.Message | Should -Match 'Portfolio Margin on Production only'
        }
    }

    Context 'Compare-BinanceCollection' {
        It 'counts what 2026-07 added, removed and changed against 2025-03' {
            $diff = Compare-BinanceCollection -ReferencePath (Join-Path $fixtures '2025-03-generation') -DifferencePath (Join-Path $fixtures '2026-07-generation')
            $groups = $diff | Group-Object Change -AsHashTable -AsString
            $groups['Added'].Count | Should -Be 310
            $groups['Removed'].Count | Should -Be 93
            $groups['Changed'].Count | Should -Be 84
            $diff[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.Catalog.CollectionDifference'
            ($diff | Where-Object Path -EQ '/api/v3/userDataStream' | Select-Object -First 1).SideIndicator | Should -Be '<='
        }

        It 'compares a zip as downloaded against the bundle, and the rows survive Export-Csv' {
            $zip = Join-Path $TestDrive 'binance-api-postman-master.zip'
            $staging = Join-Path $TestDrive 'binance-api-postman-master'
            Copy-Item (Join-Path $fixtures '2026-07-generation') $staging -Recurse
            Compress-Archive -Path $staging -DestinationPath $zip
            $diff = Get-Item $zip | Compare-BinanceCollection
            ($diff | Where-Object Change -EQ Removed).Count | Should -Be 92
            ($diff | Where-Object Change -EQ Added).Count | Should -Be 0
            # 20 retired, 3 of which the 2026-07 files still list
            ($diff | Where-Object { $_.Change -eq 'Removed' -and $_.Status -eq 'Retired' }).Count | Should -Be 17
            $csv = Join-Path $TestDrive 'diff.csv'
            $diff | Export-Csv $csv
            $rows = Import-Csv $csv
            $rows | Should -HaveCount $diff.Count
            ($rows | Where-Object Change -EQ Changed | Select-Object -First 1).Details | Should -Not -BeNullOrEmpty
        }

        It 'reports each broken file as one error record and compares the rest' {
            $copy = Join-Path $TestDrive 'broken'
            Copy-Item (Join-Path $fixtures '2026-07-generation') $copy -Recurse
            Set-Content (Join-Path $copy 'collections/Binance Alpha API.json') '{ "info": { "name": "Alpha" '
            Set-Content (Join-Path $copy 'collections/Binance Pay API.json') 'not json at all'
            $diff = Compare-BinanceCollection -ReferencePath (Join-Path $fixtures '2026-07-generation') -DifferencePath $copy -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -HaveCount 2
            $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Catalog.InvalidJson*' }
            ($err.TargetObject -join ' ') | Should -Match 'Binance Alpha API.json'
            $diff | Should -HaveCount 7
            ($diff | Where-Object Change -NE Removed) | Should -BeNullOrEmpty
        }

        It 'says when a zip is not Binance''s layout' {
            $other = Join-Path $TestDrive 'other'
            New-Item -ItemType Directory $other | Out-Null
            Set-Content (Join-Path $other 'readme.md') 'hello'
            $zip = Join-Path $TestDrive 'other.zip'
            Compress-Archive -Path (Join-Path $other '*') -DestinationPath $zip
            Compare-BinanceCollection $zip -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Catalog.NotBinanceDownload*'
            $err[0].Exception.Message | Should -Match "not a download of Binance's binance-api-postman"
        }
    }
}
