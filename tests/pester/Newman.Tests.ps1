# Postman compatibility: the bundled collection, run by newman (Postman's command-line runner) with our own
# pre-request script, is accepted by the fake exchange, and sends what the module sends for the same inputs.
Describe 'The bundled Spot collection in newman' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        $newmanDir = Join-Path (Get-RepoRoot) 'out/tools/newman'
        $newman = Join-Path $newmanDir 'node_modules/newman/bin/newman.js'
        if (-not (Test-Path $newman)) {
            & npm install --prefix $newmanDir 'newman@6.2.2' --no-audit --no-fund --loglevel error | Out-Null
            if ($LASTEXITCODE -ne 0) { throw 'npm install newman failed' }
        }
        $exchange = Start-FakeExchange
        $vectors = Get-SigningVectors
        $hmacKey = $vectors.hmac[0].apiKey
        $hmacSecret = $vectors.hmac[0].secret

        # a trimmed copy of the bundled collection: a few public and signed requests, required values filled in
        $collection = Get-Content (Join-Path (Get-RepoRoot) 'collections/spot.postman_collection.json') -Raw | ConvertFrom-Json -Depth 50
        $wanted = @{
            'Order Book'                       = @{ symbol = 'BTCUSDT' }
            'Account Information (USER_DATA)'  = @{}
            'Current Open Orders (USER_DATA)'  = @{ symbol = 'BTCUSDT' }
            'New Order (TRADE)'                = @{ symbol = 'BNBUSDT'; side = 'BUY'; type = 'LIMIT'; timeInForce = 'GTC'; quantity = '1.5'; price = '300.25' }
        }
        $picked = foreach ($folder in $collection.item) {
            foreach ($item in $folder.item) {
                if (-not $wanted.ContainsKey($item.name)) { continue }
                foreach ($q in $item.request.url.query) {
                    $values = $wanted[$item.name]
                    if ($values.ContainsKey($q.key)) {
                        $q.value = $values[$q.key]
                        $q.PSObject.Properties.Remove('disabled')
                    }
                }
                $item
            }
        }
        $collection.item = @($picked)
        $collectionFile = Join-Path $TestDrive 'spot-subset.postman_collection.json'
        $collection | ConvertTo-Json -Depth 50 | Set-Content $collectionFile

        $environment = Get-Content (Join-Path (Get-RepoRoot) 'environments/spot/spot-production.postman_environment.json') -Raw | ConvertFrom-Json -Depth 10
        foreach ($v in $environment.values) {
            switch ($v.key) {
                'url' { $v.value = $exchange.BaseUri }
                'binance-api-key' { $v.value = $hmacKey }
                'binance-api-secret' { $v.value = $hmacSecret }
            }
        }
        $environmentFile = Join-Path $TestDrive 'local.postman_environment.json'
        $environment | ConvertTo-Json -Depth 10 | Set-Content $environmentFile

        $newmanOutput = & node $newman run $collectionFile -e $environmentFile --reporters cli --disable-unicode 2>&1
        $newmanExit = $LASTEXITCODE
        $newmanRequests = @(Get-FakeRequests $exchange)
    }

    AfterAll {
        Stop-FakeExchange $exchange
    }

    It 'runs every picked request' {
        $newmanExit | Should -Be 0 -Because ($newmanOutput -join "`n")
        $newmanRequests | Should -HaveCount 4
    }

    It 'is accepted by the exchange, signatures included' {
        $newmanRequests | ForEach-Object { $_.Status | Should -Be 200 -Because "$($_.Method) $($_.Path) got $($_.Code)" }
        @($newmanRequests | Where-Object { $_.Query -match 'signature=' }) | Should -HaveCount 3
    }

    It 'sends the same request as the module for the same inputs' {
        $fromNewman = $newmanRequests | Where-Object { $_.Path -eq '/api/v3/order' }
        Reset-FakeExchange $exchange
        $cred = [pscredential]::new($hmacKey, (ConvertTo-SecureString $hmacSecret -AsPlainText -Force))
        Invoke-BinanceRequest 'Spot\New Order (TRADE)' -symbol BNBUSDT -side BUY -type LIMIT -timeInForce GTC -quantity 1.5 -price 300.25 -Credential $cred -BaseUri $exchange.BaseUri | Out-Null
        $fromModule = Get-FakeRequests $exchange | Where-Object { $_.Path -eq '/api/v3/order' }

        $fromModule.Method | Should -Be $fromNewman.Method
        # the module sends a state change's parameters in the body (a request with a body is never re-sent by the HTTP
        # stack), newman in the query: the same parameters in the same order, signed the same way
        $fromModule.Query | Should -BeNullOrEmpty
        $moduleSent = $fromModule.Body
        # the module adds a newClientOrderId to order placements (so an unknown outcome can be looked up): not part of the comparison
        $strip = { param($q) (($q -replace '&signature=.*$', '') -replace '&newClientOrderId=bp[0-9a-f]{32}', '') -replace 'timestamp=\d+', 'timestamp=T' }
        (& $strip $moduleSent) | Should -Be (& $strip $fromNewman.Query)

        # with newman's timestamp, the module's payload signs to newman's signature
        $newmanTimestamp = [regex]::Match($fromNewman.Query, 'timestamp=(\d+)').Groups[1].Value
        $payload = (& $strip $moduleSent) -replace 'timestamp=T', "timestamp=$newmanTimestamp"
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($hmacSecret))
        $signature = -join ($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($payload)) | ForEach-Object { $_.ToString('x2') })
        $fromNewman.Query | Should -Match "&signature=$signature$"
    }
}

# The Portfolio Margin and Alpha collections in newman too: signed, keyed and public requests, each accepted.
Describe 'The bundled Portfolio Margin and Alpha collections in newman' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $newman = Join-Path (Get-RepoRoot) 'out/tools/newman/node_modules/newman/bin/newman.js'
        $exchange = Start-FakeExchange
        $vectors = Get-SigningVectors

        function Select-Request($Items, [hashtable] $Wanted) {
            foreach ($item in $Items) {
                if ($item.PSObject.Properties['item']) { Select-Request $item.item $Wanted; continue }
                if (-not $Wanted.ContainsKey($item.name)) { continue }
                foreach ($q in $item.request.url.query) {
                    if ($Wanted[$item.name].ContainsKey($q.key)) { $q.value = $Wanted[$item.name][$q.key]; $q.PSObject.Properties.Remove('disabled') }
                }
                $item
            }
        }
        function Invoke-Newman([string] $CollectionFile, [string] $EnvironmentFile, [hashtable] $Wanted) {
            $collection = Get-Content (Join-Path (Get-RepoRoot) $CollectionFile) -Raw | ConvertFrom-Json -Depth 50
            $collection.item = @(Select-Request $collection.item $Wanted)
            $subset = Join-Path $TestDrive ([IO.Path]::GetFileName($CollectionFile))
            $collection | ConvertTo-Json -Depth 50 | Set-Content $subset
            $environment = Get-Content (Join-Path (Get-RepoRoot) $EnvironmentFile) -Raw | ConvertFrom-Json -Depth 10
            foreach ($v in $environment.values) {
                switch ($v.key) {
                    'url' { $v.value = $exchange.BaseUri }
                    'binance-api-key' { $v.value = $vectors.hmac[0].apiKey }
                    'binance-api-secret' { $v.value = $vectors.hmac[0].secret }
                }
            }
            $envFile = Join-Path $TestDrive ([IO.Path]::GetFileName($EnvironmentFile))
            $environment | ConvertTo-Json -Depth 10 | Set-Content $envFile
            $output = & node $newman run $subset -e $envFile --reporters cli --disable-unicode 2>&1
            [pscustomobject]@{ Exit = $LASTEXITCODE; Output = $output -join "`n"; Picked = $collection.item.Count }
        }

        $pm = Invoke-Newman 'collections/portfolio-margin.postman_collection.json' 'environments/portfolio_margin/portfolio-margin-production.postman_environment.json' @{
            'New UM Order (TRADE)'                  = @{ symbol = 'BTCUSDT'; side = 'BUY'; type = 'LIMIT'; timeInForce = 'GTC'; quantity = '0.01'; price = '30000' }
            'Account Information (USER_DATA)'       = @{}
            'Query All UM Orders (USER_DATA)'       = @{ symbol = 'BTCUSDT'; limit = '1000' }
            'Start User Data Stream (USER_STREAM)'  = @{}
            'Test Connectivity'                     = @{}
        }
        $alpha = Invoke-Newman 'collections/alpha.postman_collection.json' 'environments/alpha/alpha-production.postman_environment.json' @{
            'Klines' = @{ symbol = 'ALPHA_175USDT'; interval = '1h' }
        }
        $requests = @(Get-FakeRequests $exchange)
    }

    AfterAll {
        Stop-FakeExchange $exchange
    }

    It 'runs every picked request' {
        $pm.Exit | Should -Be 0 -Because $pm.Output
        $alpha.Exit | Should -Be 0 -Because $alpha.Output
        $pm.Picked | Should -Be 5
        $requests | Should -HaveCount 6
    }

    It 'is accepted by the exchange, signatures included' {
        $requests | ForEach-Object { $_.Status | Should -Be 200 -Because "$($_.Method) $($_.Path) got $($_.Code)" }
        @($requests | Where-Object { $_.Query -match 'signature=[0-9a-f]{64}$' }) | Should -HaveCount 3
        ($requests | Where-Object Path -Like '/bapi/*').ApiKey | Should -BeNullOrEmpty
        ($requests | Where-Object Path -EQ '/papi/v1/listenKey').ApiKey | Should -Be $vectors.hmac[0].apiKey
    }
}
