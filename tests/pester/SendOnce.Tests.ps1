# State changes are sent once by every layer, the HTTP stack's own re-sends included: the exchange carries out the
# request, then closes the kept-alive connection gracefully (FIN, no answer byte), which is when .NET's HttpClient
# re-sends a request that has no body (dotnet/runtime#86714). Reads are still retried.
Describe 'Never send a state change twice' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $exchange = Start-FakeExchange
        $proxy = Start-LoopbackProxy
        $base = $exchange.BaseUri
        $vectors = Get-SigningVectors
        $hmac = [pscredential]::new($vectors.hmac[0].apiKey, (ConvertTo-SecureString $vectors.hmac[0].secret -AsPlainText -Force))
        $common = @{ Credential = $hmac; BaseUri = $base; MaximumRetryCount = 3; RetryIntervalSec = 0.01; ErrorAction = 'SilentlyContinue' }

        function Get-Sent([string] $Method, [string] $Path) {
            @(Get-FakeRequests $exchange | Where-Object { $_.Method -eq $Method -and $_.Path -eq $Path })
        }
        function Get-Value($request, [string] $name) {
            foreach ($raw in $request.Query, $request.Body) {
                foreach ($pair in ($raw -split '&')) {
                    if ($pair.StartsWith("$name=")) { return [uri]::UnescapeDataString($pair.Substring($name.Length + 1)) }
                }
            }
        }
        function Set-CloseFault([string] $Method, [string] $Path, [int] $Every) {
            Set-FakeExchange $exchange @{ faults = @(@{ kind = 'close'; every = $Every; count = 10000; pathContains = $Path; method = $Method; afterProcessing = $true }) }
        }
        function Assert-OnceEach($sent, $errs, [string] $idName) {
            $faulted = @($sent | Where-Object Fault -EQ 'close')
            $faulted.Count | Should -BeGreaterThan 0 -Because 'the fault must have hit some requests'
            # the fault hit kept-alive connections: the case in which HttpClient would send again
            @($faulted | Where-Object ConnectionUse -LT 2) | Should -BeNullOrEmpty
            $ids = @($sent | ForEach-Object { Get-Value $_ $idName })
            @($ids | Where-Object { -not $_ }) | Should -BeNullOrEmpty
            @($ids | Group-Object | Where-Object Count -GT 1) | Should -BeNullOrEmpty -Because 'no request may reach the exchange twice'
            $unknown = @($errs | Where-Object FullyQualifiedErrorId -Like 'BinancePostman.OutcomeUnknown*')
            $unknown.Count | Should -Be $faulted.Count
            $faulted
        }
    }

    AfterAll {
        Stop-FakeExchange $exchange
        Stop-FakeExchange $proxy
    }

    BeforeEach { Reset-FakeExchange $exchange }

    It 'places 40 orders, 30 % of them answered by a graceful close, each client order id reaching the exchange once' {
        Set-CloseFault POST /api/v3/order 3
        $errs = @()
        $placed = foreach ($i in 1..40) {
            Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 @common -ErrorVariable +errs
        }
        $sent = Get-Sent POST /api/v3/order
        $sent | Should -HaveCount 40
        $faulted = Assert-OnceEach $sent $errs 'newClientOrderId'
        $faulted | Should -HaveCount 13
        @($placed).Count | Should -Be 27
        foreach ($e in $errs) {
            $e.Exception.ClientOrderId | Should -Match '^bp[0-9a-f]{32}$'
            $e.ErrorDetails.RecommendedAction | Should -Match "origClientOrderId = '$($e.Exception.ClientOrderId)'"
        }
    }

    It 'places orders through a forward proxy that requires credentials, each reaching the exchange once' {
        # the proxy relays the exchange's graceful close to the client as a graceful close: the same trap, one hop further
        Reset-LoopbackProxy $proxy -RequireCredentials 'trader:proxy-pass'
        $viaProxy = @{ Proxy = $proxy.Uri; ProxyCredential = [pscredential]::new('trader', (ConvertTo-SecureString 'proxy-pass' -AsPlainText -Force)) }
        Set-CloseFault POST /api/v3/order 3
        $errs = @()
        $placed = foreach ($i in 1..24) {
            Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 @common @viaProxy -ErrorVariable +errs
        }
        $sent = Get-Sent POST /api/v3/order
        $sent | Should -HaveCount 24
        Assert-OnceEach $sent $errs 'newClientOrderId' | Should -HaveCount 8
        @($placed).Count | Should -Be 16
        $posts = @(Get-ProxyLog $proxy | Where-Object Method -EQ POST)
        $posts | Should -HaveCount 24 -Because 'the proxy too saw each order once'
        @($posts | Where-Object { -not $_.Authorized }) | Should -BeNullOrEmpty
    }

    It 'cancels (DELETE) and amends (PUT) once each under graceful closes' {
        $ids = foreach ($i in 1..12) {
            (Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type LIMIT -timeInForce GTC -quantity 1 -price 100 @common).clientOrderId
        }
        # the orders stay open on the exchange: the cancels and amends below find them
        Set-FakeExchange $exchange @{ faults = @(
                @{ kind = 'close'; every = 2; count = 10000; pathContains = '/api/v3/order/amend'; method = 'PUT'; afterProcessing = $true },
                @{ kind = 'close'; every = 2; count = 10000; pathContains = '/api/v3/order'; method = 'DELETE'; afterProcessing = $true }) }
        $errs = @()
        foreach ($id in $ids[0..5]) {
            Invoke-BinanceRequest 'Order Amend Keep Priority (TRADE)' -symbol BTCUSDT -origClientOrderId $id -newQty 0.5 @common -ErrorVariable +errs | Out-Null
        }
        $amends = Get-Sent PUT /api/v3/order/amend/keepPriority
        $amends | Should -HaveCount 6
        Assert-OnceEach $amends $errs 'origClientOrderId' | Should -HaveCount 3

        $errs = @()
        foreach ($id in $ids[6..11]) {
            Invoke-BinanceRequest 'Cancel Order (TRADE)' -symbol BTCUSDT -origClientOrderId $id @common -ErrorVariable +errs | Out-Null
        }
        $cancels = Get-Sent DELETE /api/v3/order
        $cancels | Should -HaveCount 6
        Assert-OnceEach $cancels $errs 'origClientOrderId' | Should -HaveCount 3
    }

    It 'sends OCO, OTO and OTOCO order lists once each' {
        foreach ($kind in 'oco', 'oto', 'otoco') {
            Reset-FakeExchange $exchange
            Set-CloseFault POST "/api/v3/orderList/$kind" 2
            $errs = @()
            $values = @{ symbol = 'BTCUSDT'; side = 'SELL'; quantity = 1; aboveType = 'LIMIT_MAKER'; abovePrice = 110; belowType = 'STOP_LOSS'; belowStopPrice = 90
                workingType = 'LIMIT'; workingSide = 'BUY'; workingPrice = 100; workingQuantity = 1; pendingType = 'MARKET'; pendingSide = 'SELL'; pendingQuantity = 1
                workingTimeInForce = 'GTC'; pendingAboveType = 'LIMIT_MAKER'; pendingAbovePrice = 110 }
            foreach ($i in 1..4) {
                Invoke-BinanceRequest -Method POST -Path "/api/v3/orderList/$kind" -Signed -Parameters $values @common -ErrorVariable +errs | Out-Null
            }
            $sent = Get-Sent POST "/api/v3/orderList/$kind"
            $sent | Should -HaveCount 4
            Assert-OnceEach $sent $errs 'listClientOrderId' | Should -HaveCount 2
        }
    }

    It 'sends a sapi transfer once' {
        Set-CloseFault POST /sapi/v1/asset/transfer 2
        $errs = @()
        foreach ($i in 1..4) {
            Invoke-BinanceRequest 'User Universal Transfer (USER_DATA)' -type MAIN_UMFUTURE -asset USDT -amount "1.0$i" -Force -Confirm:$false @common -ErrorVariable +errs | Out-Null
        }
        $sent = Get-Sent POST /sapi/v1/asset/transfer
        $sent | Should -HaveCount 4
        Assert-OnceEach $sent $errs 'amount' | Should -HaveCount 2
    }

    It 'sends a state change without parameters once (listenKey create, renew, delete)' {
        foreach ($method in 'POST', 'PUT', 'DELETE') {
            Reset-FakeExchange $exchange
            Set-CloseFault $method /fapi/v1/listenKey 2
            $errs = @()
            foreach ($i in 1..4) {
                # the exchange renews and closes only a key it has (-1125 otherwise): one is made first
                if ($method -ne 'POST') { Invoke-BinanceRequest -Method POST -Path /fapi/v1/listenKey -ApiKeyOnly @common | Out-Null }
                Invoke-BinanceRequest -Method $method -Path /fapi/v1/listenKey -ApiKeyOnly @common -ErrorVariable +errs | Out-Null
                # a read between calls keeps the connection alive and in use, as a script's other calls do
                Invoke-BinanceRequest -Method GET -Path /fapi/v1/time -BaseUri $base | Out-Null
            }
            $sent = Get-Sent $method /fapi/v1/listenKey
            $sent | Should -HaveCount 4 -Because "$method /fapi/v1/listenKey must reach the exchange once per call"
            @($sent | Where-Object Fault -EQ 'close') | Should -HaveCount 2
            @($errs | Where-Object FullyQualifiedErrorId -Like 'BinancePostman.OutcomeUnknown*') | Should -HaveCount 2
            $sent.Body | Should -Be @('', '', '', '')
        }
    }

    It 'still retries reads after a graceful close' {
        Set-FakeExchange $exchange @{ faults = @(@{ kind = 'close'; count = 3; pathContains = '/api/v3/depth'; method = 'GET' }) }
        $book = Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -BaseUri $base -MaximumRetryCount 5 -RetryIntervalSec 0.01
        $book.bids | Should -Not -BeNullOrEmpty
        $sent = Get-Sent GET /api/v3/depth
        @($sent | Where-Object Fault -EQ 'close') | Should -HaveCount 3
        @($sent | Where-Object { -not $_.Fault -and $_.Processed }) | Should -HaveCount 1
    }

    It 'signs parameters that travel in the body: query plus body, signature last' {
        $order = Invoke-BinanceRequest 'New Order (TRADE)' -symbol BTCUSDT -side BUY -type MARKET -quantity 0.001 -newClientOrderId 'my-id.1' @common
        $order.clientOrderId | Should -Be 'my-id.1'
        $sent = Get-Sent POST /api/v3/order
        $sent | Should -HaveCount 1
        $sent[0].Query | Should -BeNullOrEmpty
        $sent[0].Body | Should -Match '^symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0\.001&newClientOrderId=my-id\.1&timestamp=\d+&signature=[0-9a-f]{64}$'
    }
}
