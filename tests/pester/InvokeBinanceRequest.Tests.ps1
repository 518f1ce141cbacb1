Describe 'Invoke-BinanceRequest against the fake exchange' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $vectors = Get-SigningVectors
        $signingDir = Join-Path (Get-SharedFixtures) 'signing-vectors'
        $hmacKey = $vectors.hmac[0].apiKey
        $hmacSecret = $vectors.hmac[0].secret
        $hmac = [pscredential]::new($hmacKey, (ConvertTo-SecureString $hmacSecret -AsPlainText -Force))
        $rsaKey = 'fake-rsa-api-key-0000000000000000000000000000000000000000000001'
        $edKey = 'fake-ed25519-api-key-000000000000000000000000000000000000000001'
    }

    AfterAll {
        Stop-FakeExchange $exchange
    }

    BeforeEach {
        Reset-FakeExchange $exchange
    }

    Describe 'Public endpoints' {
        It 'calls an endpoint by name with dynamic parameters and returns objects' {
            $book = Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -BaseUri $base
            $book.lastUpdateId | Should -BeOfType [long]
            $book.Bids[0].Price | Should -Be 20000
            $seen = Get-FakeRequests $exchange
            $seen[0].Path | Should -Be '/api/v3/depth'
            $seen[0].Query | Should -Be 'symbol=BTCUSDT&limit=5'
        }

        It 'takes an endpoint object from the pipeline with -Parameters' {
            $book = Get-BinanceEndpoint 'Spot\Order Book' | Invoke-BinanceRequest -Parameters @{ symbol = 'BNBUSDT' } -BaseUri $base
            $book.asks | Should -Not -BeNullOrEmpty
            (Get-FakeRequests $exchange)[0].Query | Should -Be 'symbol=BNBUSDT'
        }

        It 'emits one object per element of a JSON array' {
            $klines = Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1h -limit 7 -BaseUri $base
            $klines | Should -HaveCount 7
        }

        It 'never sends collection example values' {
            Invoke-BinanceRequest 'Order Book' -symbol ETHUSDT -BaseUri $base | Out-Null
            (Get-FakeRequests $exchange)[0].Query | Should -Be 'symbol=ETHUSDT'
        }

        It 'returns the text unchanged with -Raw' {
            $raw = Invoke-BinanceRequest 'Check Server Time' -BaseUri $base -Raw
            $raw | Should -BeOfType [string]
            $raw | Should -Match '^\{"serverTime":\d+\}$'
        }

        It 'completes dynamic parameter names with Tab' {
            $line = "Invoke-BinanceRequest 'Spot\Order Book' -sym"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '-symbol'
        }

        It 'routes to the network''s environment when no -BaseUri is given' {
            $err = $null
            try { Invoke-BinanceRequest 'Spot\Daily Account Snapshot (USER_DATA)' -type SPOT -Network Testnet -Credential $hmac -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.NoBaseUrl*'
            "$err" | Should -Match 'testnet has no /sapi'
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }
    }

    Describe 'Signed endpoints with each key type' {
        It 'signs USER_DATA with HMAC' {
            $account = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base
            $account.accountType | Should -Be 'SPOT'
            $seen = (Get-FakeRequests $exchange) | Where-Object Path -EQ '/api/v3/account'
            $seen.Status | Should -Be 200
            $seen.Query | Should -Match '^timestamp=\d+&signature=[0-9a-f]{64}$'
        }

        It 'signs TRADE with RSA from a key file' {
            $order = Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -ApiKey $rsaKey -PrivateKeyPath (Join-Path $signingDir 'rsa-2048-pkcs8.pem') -BaseUri $base
            $order.status | Should -Be 'FILLED'
            $seen = (Get-FakeRequests $exchange) | Where-Object Path -EQ '/api/v3/order'
            $seen.Method | Should -Be 'POST'
            $seen.Status | Should -Be 200
        }

        It 'signs TRADE with an encrypted RSA key and its passphrase' {
            $pass = ConvertTo-SecureString 'password' -AsPlainText -Force
            $order = Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side SELL -type MARKET -quantity 1 -ApiKey $rsaKey -PrivateKeyPath (Join-Path $signingDir 'rsa-2048-pkcs8-encrypted.pem') -PrivateKeyPassphrase $pass -BaseUri $base
            $order.side | Should -Be 'SELL'
        }

        It 'signs USER_DATA and TRADE with Ed25519' {
            $ed = @{ ApiKey = $edKey; PrivateKeyPath = (Join-Path $signingDir 'ed25519.pem'); BaseUri = $base }
            (Invoke-BinanceRequest 'Account Information (USER_DATA)' @ed).canTrade | Should -BeTrue
            (Invoke-BinanceRequest 'New Order (TRADE)' -symbol BNBUSDT -side BUY -type MARKET -quantity 2 @ed).symbol | Should -Be 'BNBUSDT'
            (Get-FakeRequests $exchange | Where-Object Status -NE 200) | Should -BeNullOrEmpty
        }

        It 'encodes and signs non-ASCII and special characters as sent' {
            $r = Invoke-BinanceRequest -Method GET -Path '/sapi/v1/echo/thing' -Signed -Parameters @{ symbol = '币安币'; note = 'a b+c&d=e%f@g' } -Credential $hmac -BaseUri $base
            $r.parameters.symbol | Should -Be '币安币'
            $r.parameters.note | Should -Be 'a b+c&d=e%f@g'
            $r.query | Should -Match 'symbol=%E5%B8%81%E5%AE%89%E5%B8%81'
            $r.query | Should -Match 'note=a%20b%2Bc%26d%3De%25f%40g'
        }

        It 'sends arrays as JSON, booleans and dates in Binance''s form' {
            $when = [datetime]::new(2024, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
            $r = Invoke-BinanceRequest -Method GET -Path '/api/v3/echo' -Parameters @{ symbols = @('BTCUSDT', 'BNBUSDT'); flag = $true; startTime = $when; qty = 0.00000001 } -BaseUri $base
            $r.parameters.symbols | Should -Be '["BTCUSDT","BNBUSDT"]'
            $r.parameters.flag | Should -Be 'true'
            $r.parameters.startTime | Should -Be '1704164645000'
            $r.parameters.qty | Should -Be '0.00000001'
        }

        It 'adds recvWindow when given, decimals allowed' {
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base -RecvWindow 6000.5 | Out-Null
            ((Get-FakeRequests $exchange) | Where-Object Path -EQ '/api/v3/account').Query | Should -Match '^recvWindow=6000\.5&timestamp=\d+&signature='
        }
    }

    Describe 'Time' {
        It 'works with an exchange clock 10 seconds ahead' {
            Set-FakeExchange $exchange @{ clockOffsetMs = 10000 }
            $account = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base
            $account.accountType | Should -Be 'SPOT'
        }

        It 'resyncs and retries once on -1021' {
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base | Out-Null
            Reset-FakeExchange $exchange
            Set-FakeExchange $exchange @{ clockOffsetMs = -20000 }
            $out = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base -Verbose 4>&1
            ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match '-1021'
            ($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).accountType | Should -Be 'SPOT'
            @((Get-FakeRequests $exchange) | Where-Object { $_.Path -eq '/api/v3/account' -and $_.Code -eq -1021 }).Count | Should -Be 1
        }
    }

    Describe 'Nothing is sent when it should not be' {
        It 'a missing required parameter is an error before anything is sent' {
            $err = $null
            try { Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -Credential $hmac -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.MissingParameter*'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            "$err" | Should -Match "'type'"
            $err.ErrorDetails.RecommendedAction | Should -Match '-type'
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }

        It '-WhatIf sends nothing and shows method, URL and parameters' {
            $out = Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -Credential $hmac -BaseUri $base -WhatIf 6>&1
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }

        It 'asks for confirmation before moving funds, unless -Force' {
            $script = "Import-Module '$(Get-ModulePath)'; Invoke-BinanceRequest 'Withdraw (USER_DATA)' -coin USDT -address x -amount 1 -BaseUri '$base' -ApiKey k -ErrorAction Stop"
            $out = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1
            ($out -join "`n") | Should -Match 'moves funds|NonInteractive|prompt'
            (Get-FakeRequests $exchange | Where-Object Path -Like '*withdraw*') | Should -BeNullOrEmpty
        }
    }

    Describe 'Errors say what to fix' {
        It 'a wrong secret gives the -1022 record with its recommended action' {
            $wrong = [pscredential]::new($hmacKey, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force))
            $err = $null
            try { Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $wrong -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinanceApi.-1022,*'
            $err.CategoryInfo.Category | Should -Be 'SecurityError'
            $err.Exception.Code | Should -Be -1022
            $err.Exception.HttpStatus | Should -Be 400
            $err.ErrorDetails.RecommendedAction | Should -Match 'secret'
            ($err | Out-String) | Should -Not -Match 'not-the-secret'
        }

        It 'an unknown key gives -2015 with the network and permission hint' {
            $other = [pscredential]::new('unknown-key', (ConvertTo-SecureString 'x' -AsPlainText -Force))
            $err = $null
            try { Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $other -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinanceApi.-2015,*'
            $err.ErrorDetails.RecommendedAction | Should -Match 'network'
        }

        It 'an HTML 403 is reported with its status and the start of the body' {
            Set-FakeExchange $exchange @{ fault = @{ kind = 'html403'; count = 1 } }
            $err = $null
            try { Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.403,*'
            $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
            "$err" | Should -Match 'text/html'
            "$err" | Should -Match '403 Forbidden'
        }

        It 'a signed call without keys says how to give them, and sends nothing' {
            $err = $null
            try { Invoke-BinanceRequest 'Account Information (USER_DATA)' -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-Binance'
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }

        It 'a mistyped endpoint name gets the clear error even with endpoint parameters' {
            $err = $null
            try { Invoke-BinanceRequest 'Order Bok' -symbol BTCUSDT -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.EndpointNotFound*'
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }

        It 'sends a parameter the collection does not know, with a warning' {
            $out = Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -newThing 7 -BaseUri $base 3>&1
            ($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Match 'newThing'
            (Get-FakeRequests $exchange)[0].Query | Should -Be 'symbol=BTCUSDT&newThing=7'
        }

        It 'an ambiguous name asks for -Collection' {
            $err = $null
            try { Invoke-BinanceRequest 'Kline/Candlestick Data' -Collection 'No Such' -BaseUri $base -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.EndpointNotFound*'
        }
    }

    Describe 'Verbose output and secrets' {
        It 'shows method, URL, status, time and weight, with signature and key redacted' {
            $out = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $base -Verbose 4>&1
            $text = ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
            $text | Should -Match 'GET http://127\.0\.0\.1:\d+/api/v3/account\?timestamp=\d+&signature=<redacted>'
            $text | Should -Match 'HTTP 200 in \d+ ms; used weight 1M=\d+'
            $text | Should -Not -Match ([regex]::Escape($hmacKey))
            $text | Should -Not -Match ([regex]::Escape($hmacSecret))
        }
    }

}
