# The request core: one session snapshot per request, one path to the wire (clock sync included), piped endpoints that
# take their parameters by name, and a failed Connect-Binance that leaves no keys behind to be used by mistake.
Describe 'The session and the request core' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchangeA = Start-FakeExchange
        $exchangeB = Start-FakeExchange
        $vectors = Get-SigningVectors
        $signingDir = Join-Path (Get-SharedFixtures) 'signing-vectors'
        $hmacKey = $vectors.hmac[0].apiKey
        $hmac = [pscredential]::new($hmacKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $edKey = 'fake-ed25519-api-key-000000000000000000000000000000000000000001'
        $edPem = Join-Path $signingDir 'ed25519.pem'
        function Get-Warnings($output) { @($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) }
    }

    AfterAll {
        Disconnect-Binance
        Stop-FakeExchange $exchangeA
        Stop-FakeExchange $exchangeB
    }

    BeforeEach {
        Reset-FakeExchange $exchangeA
        Reset-FakeExchange $exchangeB
    }

    It 'each request sees the old or the new session whole while Connect-Binance runs in another runspace' {
        # session A: HMAC key, exchange A, Spot first; session B: Ed25519 key, exchange B, USDs-M first. A request that saw
        # half of each would reach A with the Ed25519 key, or B with the HMAC key, or the wrong collection's path.
        Connect-Binance -Credential $hmac -BaseUri $exchangeA.BaseUri -DefaultCollection Spot
        $module = Get-ModulePath
        $stop = [System.Threading.ManualResetEventSlim]::new($false)
        $switcher = [powershell]::Create()
        $null = $switcher.AddScript({
                param($module, $hmac, $a, $b, $edKey, $edPem, $stop)
                Import-Module $module
                $switches = 0
                while (-not $stop.IsSet) {
                    Connect-Binance -ApiKey $edKey -PrivateKeyPath $edPem -BaseUri $b -DefaultCollection 'USDs-M Futures' -Network Testnet
                    Connect-Binance -Credential $hmac -BaseUri $a -DefaultCollection Spot
                    $switches += 2
                }
                $switches
            }).AddParameters(@{ module = $module; hmac = $hmac; a = $exchangeA.BaseUri; b = $exchangeB.BaseUri; edKey = $edKey; edPem = $edPem; stop = $stop })
        $switching = $switcher.BeginInvoke()
        try {
            $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:module
                foreach ($i in 1..25) {
                    try {
                        $null = Invoke-BinanceRequest 'Account Trade List (USER_DATA)' -symbol BTCUSDT -ErrorAction Stop
                        'ok'
                    }
                    catch { "error: $($_.FullyQualifiedErrorId) $_" }
                }
            }
        }
        finally {
            $stop.Set()
            $switches = $switcher.EndInvoke($switching)
            $switcher.Dispose()
        }
        @($results | Where-Object { $_ -ne 'ok' }) | Should -BeNullOrEmpty
        $results | Should -HaveCount 200
        $atA = @(Get-FakeRequests $exchangeA | Where-Object Path -NotLike '*/time')
        $atB = @(Get-FakeRequests $exchangeB | Where-Object Path -NotLike '*/time')
        $atA.Count + $atB.Count | Should -Be 200
        $switches[0] | Should -BeGreaterThan 2 -Because 'the session must have changed while requests were running'
        @($atA | Where-Object { $_.ApiKey -ne $hmacKey -or $_.Path -ne '/api/v3/myTrades' -or $_.Status -ne 200 }) | Should -BeNullOrEmpty
        @($atB | Where-Object { $_.ApiKey -ne $edKey -or $_.Path -ne '/fapi/v1/userTrades' -or $_.Status -ne 200 }) | Should -BeNullOrEmpty
    }

    It 'a failed Connect-Binance leaves no keys: keyed requests fail, nothing falls back to the keys before it' {
        Connect-Binance -Credential $hmac -BaseUri $exchangeA.BaseUri
        { Connect-Binance -ApiKey $edKey -PrivateKeyPath (Join-Path $TestDrive 'missing.pem') -BaseUri $exchangeA.BaseUri } | Should -Throw
        Invoke-BinanceRequest 'Account Information (USER_DATA)' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Credential.ConnectFailed,*'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-Binance'
        @(Get-FakeRequests $exchangeA) | Should -BeNullOrEmpty
        # public requests go on, to the base URI that connect named; keys given to the call still work
        (Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5).bids | Should -Not -BeNullOrEmpty
        (Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac).accountType | Should -Be 'SPOT'
        Disconnect-Binance
    }

    It 'under a 418 ban nothing reaches the banned host, the clock sync of a key check included' {
        Set-FakeExchange $exchangeB @{ fault = @{ kind = '418'; count = 1; pathContains = '/api/v3/depth'; retryAfterSeconds = 120 } }
        Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri $exchangeB.BaseUri -ErrorAction SilentlyContinue -ErrorVariable banned
        $banned[0].FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.418,*'
        Reset-FakeExchange $exchangeB
        # a key check always reads the server time afresh; a signed request to a host whose clock is not known reads it first
        Test-BinanceApiKey -Credential $hmac -BaseUri $exchangeB.BaseUri -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.418,*'
        Invoke-BinanceRequest 'Account Information (USER_DATA)' -Credential $hmac -BaseUri $exchangeB.BaseUri -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'BinanceHttp.418,*'
        "$($err2[0])" | Should -Match 'nothing was sent'
        @(Get-FakeRequests $exchangeB) | Should -BeNullOrEmpty
    }

    It 'Ctrl+C ends a request whose answer is slow to come (the call waits on the pipeline thread)' {
        Set-FakeExchange $exchangeA @{ fault = @{ kind = 'slow'; delayMs = 15000; count = 1; pathContains = '/api/v3/depth' } }
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$(Get-ModulePath)'; Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -BaseUri '$($exchangeA.BaseUri)' -TimeoutSec 60")
        $running = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        while (-not @(Get-FakeRequests $exchangeA | Where-Object Path -EQ '/api/v3/depth') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()
    }

    Context 'Piped endpoints take their parameters by name' {
        It 'binds them with no warning and sends them as given' {
            $out = Get-BinanceEndpoint 'Spot\Order Book' | Invoke-BinanceRequest -symbol BNBUSDT -limit 5 -BaseUri $exchangeA.BaseUri 3>&1
            Get-Warnings $out | Should -BeNullOrEmpty
            @($out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }).Count | Should -Be 1
            (Get-FakeRequests $exchangeA)[0].Query | Should -Be 'symbol=BNBUSDT&limit=5'
        }

        It 'across lines, from a variable, and with literal values such as 1d' {
            $klines = Get-BinanceEndpoint 'Spot\Kline/Candlestick Data'
            $out = $klines | Invoke-BinanceRequest -symbol BTCUSDT -interval 1d -limit 2 -BaseUri $exchangeA.BaseUri 3>&1
            Get-Warnings $out | Should -BeNullOrEmpty
            $out = Get-BinanceEndpoint 'Spot\Order Book' |
                Invoke-BinanceRequest -symbol ETHUSDT -limit 10 -BaseUri $exchangeA.BaseUri 3>&1
            Get-Warnings $out | Should -BeNullOrEmpty
            $seen = @(Get-FakeRequests $exchangeA)
            $seen[0].Query | Should -Be 'symbol=BTCUSDT&interval=1d&limit=2'
            $seen[1].Query | Should -Be 'symbol=ETHUSDT&limit=10'
        }

        It 'warns about a name the piped endpoint does not have, naming that endpoint, and still sends it' {
            $out = Get-BinanceEndpoint 'Spot\Order Book' | Invoke-BinanceRequest -symbol BNBUSDT -nosuch 7 -BaseUri $exchangeA.BaseUri 3>&1
            (Get-Warnings $out).Message | Should -Match "-nosuch is not a parameter of 'Spot\\Order Book'"
            (Get-FakeRequests $exchangeA)[0].Query | Should -Be 'symbol=BNBUSDT&nosuch=7'
        }

        It 'completes their names and values with Tab' {
            function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }
            Complete "Get-BinanceEndpoint 'Spot\Order Book' | Invoke-BinanceRequest -li" | Should -Contain '-limit'
            Complete "Get-BinanceEndpoint 'Spot\Kline/Candlestick Data' | Invoke-BinanceRequest -interval " | Should -Contain '1M'
            $global:pipedKlines = Get-BinanceEndpoint 'Spot\Kline/Candlestick Data'
            try { Complete '$pipedKlines | Invoke-BinanceRequest -sym' | Should -Contain '-symbol' }
            finally { Remove-Variable pipedKlines -Scope Global }
        }
    }
}
