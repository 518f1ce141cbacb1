# Test-BinanceOrder and ConvertTo-BinanceOrderValue against the fake exchange's exchangeInfo, which has every filter
# type (tests/BinancePostman.FakeExchange/SymbolRules.cs): BTCUSDT today's spot set, BNBUSDT the older set with small
# account limits, LUNAUSDT in a trading break, USDs-M BTCUSDT and Coin-M BTCUSD_PERP. Average and mark prices: 20000
# for BTC, 300 for BNB.

Describe 'Orders checked against the symbol''s filters' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-Module (Get-ModulePath) -Force
        Disconnect-Binance
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $hostName = ([uri]$base).Authority
        $vector = (Get-SigningVectors).hmac[0]
        $keys = [pscredential]::new($vector.apiKey, (ConvertTo-SecureString $vector.secret -AsPlainText -Force))

        function Requests([string] $Path) { @(Get-FakeRequests $exchange | Where-Object Path -EQ $Path) }
    }

    AfterAll {
        Stop-FakeExchange $exchange
    }

    BeforeEach {
        Reset-FakeExchange $exchange
        [BinancePostman.Orders.SymbolFilterCache]::Shared.Clear()
    }

    Context 'Spot' {
        It 'writes nothing for a valid order, with values at the exact bounds and trailing zeros, and reads exchangeInfo once per symbol' {
            # LOT_SIZE minQty 0.00001; NOTIONAL 5 = 0.00005 x 100000 = 0.00025 x 20000, maxNotional 9000000 = 2250 x 4000; PERCENT_PRICE_BY_SIDE 4000..100000
            Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity '0.00100000' -Price '20000.01000000' -BaseUri $base | Should -BeNullOrEmpty
            Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.00005 -Price 100000 -BaseUri $base | Should -BeNullOrEmpty
            Test-BinanceOrder BTCUSDT SELL LIMIT -Quantity 2250 -Price 4000 -BaseUri $base | Should -BeNullOrEmpty
            Test-BinanceOrder BTCUSDT SELL MARKET -Quantity 0.00025 -BaseUri $base | Should -BeNullOrEmpty
            $info = Requests /api/v3/exchangeInfo
            $info | Should -HaveCount 1
            $info[0].Query | Should -Be 'symbol=BTCUSDT'
            Requests /api/v3/avgPrice | Should -HaveCount 4
        }

        It 'reports each broken rule as a typed object with the bound and the nearest valid values' {
            $v = @(Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.000009999 -Price 100000.015 -BaseUri $base)
            ($v | ForEach-Object { $_.Filter + ':' + $_.Field }) | Should -Be @('PRICE_FILTER:price', 'PERCENT_PRICE_BY_SIDE:price', 'LOT_SIZE:quantity', 'NOTIONAL:notional')
            $v[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.Orders.OrderViolation'
            $v[0].Kind | Should -Be 'OffStep'
            $v[0].NearestBelow | Should -Be 100000.01
            $v[0].NearestAbove | Should -Be 100000.02
            $v[1].Rule | Should -Be 'bidMultiplierUp'
            $v[1].Bound | Should -Be 100000
            $v[1].AtPrice | Should -Be 20000
            $v[2].Kind | Should -Be 'BelowMinimum'
            $v[2].NearestAbove | Should -Be 0.00001
            $v[2].Message | Should -Match '^quantity 0\.000009999 is below LOT_SIZE minQty 0\.00001; nearest valid quantity: 0\.00001\.$'
            $table = $v | Format-Table | Out-String -Width 160
            $table | Should -Match 'Filter\s+Field\s+Value\s+Rule\s+Bound\s+NearestBelow\s+NearestAbove\s+Adjust'
            $table | Should -Match 'LOT_SIZE\s+quantity\s+0\.000009999\s+minQty\s+0\.00001\s+0\.00001\s+quantity'
        }

        It 'checks the notional of a market order at the average price, and -ReferencePrice replaces that read' {
            $v = Test-BinanceOrder BTCUSDT SELL MARKET -Quantity 0.00024 -BaseUri $base
            $v.Filter | Should -Be 'NOTIONAL'
            $v.Value | Should -Be 4.8
            $v.NearestAbove | Should -Be 0.00025
            Test-BinanceOrder BTCUSDT SELL MARKET -Quantity 0.00024 -ReferencePrice 25000 -BaseUri $base | Should -BeNullOrEmpty
            Requests /api/v3/avgPrice | Should -HaveCount 1
        }

        It 'the older filter set: PERCENT_PRICE, MIN_NOTIONAL, MARKET_LOT_SIZE; -Quiet and -PassThru' {
            # BNBUSDT at 300: PERCENT_PRICE 210..390, MIN_NOTIONAL 10, MARKET_LOT_SIZE step 0.01
            Test-BinanceOrder BNBUSDT SELL LIMIT -Quantity 0.034 -Price 390 -BaseUri $base -Quiet | Should -BeTrue
            Test-BinanceOrder BNBUSDT SELL LIMIT -Quantity 0.034 -Price 390.1 -BaseUri $base -Quiet | Should -BeFalse
            $report = Test-BinanceOrder BNBUSDT BUY MARKET -Quantity 0.015 -BaseUri $base -PassThru
            $report.PSObject.TypeNames[0] | Should -Be 'BinancePostman.Orders.OrderCheckReport'
            $report.IsValid | Should -BeFalse
            ($report.Violations | ForEach-Object Filter) | Should -Be @('MARKET_LOT_SIZE', 'MIN_NOTIONAL')
            $report.Violations[1].Message | Should -Match 'nearest valid quantity: 0\.04\.$'
            $report.ReferencePrice | Should -Be 300
            $report.NotChecked | Should -Contain 'MAX_NUM_ORDERS (NeedsAccount)'
            $report.Host | Should -Be $hostName
        }

        It 'reads hashtables, objects and CSV rows from the pipeline' {
            # an empty cell is a value not given, not a zero
            $rows = @'
symbol,side,type,quantity,quoteOrderQty,price
BTCUSDT,BUY,LIMIT,0.00100000,,20000.00000000
BTCUSDT,SELL,LIMIT,0.001,,20000.005
BTCUSDT,BUY,MARKET,,10,
'@ | ConvertFrom-Csv
            $v = @($rows | Test-BinanceOrder -BaseUri $base)
            $v | Should -HaveCount 1
            $v[0].Field | Should -Be 'price'
            ($rows | Test-BinanceOrder -BaseUri $base -PassThru).IsValid | Should -Be @($true, $false, $true)
            $order = @{ symbol = 'BTCUSDT'; side = 'SELL'; type = 'LIMIT'; timeInForce = 'GTC'; quantity = '0.5'; price = '19999.999' }
            ($order | Test-BinanceOrder -BaseUri $base).NearestAbove | Should -Be 20000
            [ordered]@{ symbol = 'BTCUSDT'; side = 'BUY'; type = 'MARKET'; quoteOrderQty = 4.99 } | Test-BinanceOrder -BaseUri $base |
                ForEach-Object Adjust | Should -Be 'quoteOrderQty'
        }

        It 'names a symbol that does not trade and an order type the symbol does not take' {
            (Test-BinanceOrder LUNAUSDT BUY LIMIT -Quantity 1 -Price 0.0001 -BaseUri $base).Message | Should -Match 'LUNAUSDT is not trading now \(status BREAK\)'
            (Test-BinanceOrder BNBUSDT BUY LIMIT_MAKER -Quantity 1 -Price 300 -BaseUri $base).Filter | Should -Be 'ORDER_TYPES'
        }

        It 'an unknown symbol is one error naming it, and nothing else is sent' {
            $out = Test-BinanceOrder NOPEUSDT BUY LIMIT -Quantity 1 -Price 1 -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -Match '^BinancePostman\.UnknownSymbol,'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be 'NOPEUSDT'
            $err[0].Exception.Message | Should -Match "no spot symbol 'NOPEUSDT'"
            $err[0].ErrorDetails.RecommendedAction | Should -Match '-Api UsdM'
            (Get-FakeRequests $exchange).Path | Should -Be @('/api/v3/exchangeInfo')
        }

        It 'refuses a zero or negative value before anything is sent' {
            Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0 -Price 1 -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Match '^BinancePostman\.InvalidParameterValue,'
            $err[0].Exception.Message | Should -Match '^quantity must be greater than zero'
            Get-FakeRequests $exchange | Should -BeNullOrEmpty
        }

        It 'keeps every digit of a number typed at the prompt' {
            # as a double, 20000.0000000000001 would be 20000 and pass the tick
            (Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.001 -Price 20000.0000000000001 -ReferencePrice 20000 -BaseUri $base).NearestAbove | Should -Be 20000.01
        }

        It 'keeps the filters per host and symbol; -Refresh and a -1013 rejection read them again' {
            1..3 | ForEach-Object { Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.001 -Price 20000 -ReferencePrice 20000 -BaseUri $base }
            Requests /api/v3/exchangeInfo | Should -HaveCount 1
            Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.001 -Price 20000 -ReferencePrice 20000 -BaseUri $base -Refresh
            Requests /api/v3/exchangeInfo | Should -HaveCount 2
            [BinancePostman.Orders.SymbolFilterCache]::Shared.InvalidateOnRejection($hostName, 'BTCUSDT', -2010) | Should -BeFalse
            [BinancePostman.Orders.SymbolFilterCache]::Shared.InvalidateOnRejection($hostName, 'BTCUSDT', -1013) | Should -BeTrue
            Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.001 -Price 20000 -ReferencePrice 20000 -BaseUri $base
            Requests /api/v3/exchangeInfo | Should -HaveCount 3
        }

        It '-IncludeAccountLimits counts the symbol''s open orders and the position, with keys' {
            # BNBUSDT: MAX_NUM_ORDERS 2, MAX_POSITION 10; two open buys of 4
            foreach ($i in 1..2) {
                Invoke-BinanceRequest 'New Order (TRADE)' -symbol BNBUSDT -side BUY -type LIMIT -timeInForce GTC -quantity 4 -price 250 -Credential $keys -BaseUri $base | Out-Null
            }
            $v = @(Test-BinanceOrder BNBUSDT BUY LIMIT -Quantity 3 -Price 300 -IncludeAccountLimits -Credential $keys -BaseUri $base)
            ($v | ForEach-Object Filter) | Should -Be @('MAX_NUM_ORDERS', 'MAX_POSITION')
            $v[0].Value | Should -Be 3
            $v[1].Value | Should -Be 11
            $v[1].NearestBelow | Should -Be 2
            (Requests /api/v3/openOrders)[0].Query | Should -Match '^symbol=BNBUSDT&timestamp=\d+&signature='
            Requests /api/v3/account | Should -HaveCount 1
        }

        It '-IncludeAccountLimits without keys is an error, and the open orders are not read' {
            Test-BinanceOrder BNBUSDT BUY LIMIT -Quantity 3 -Price 300 -IncludeAccountLimits -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Match '^BinanceHttp\.ApiKey,'
            $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            Requests /api/v3/openOrders | Should -BeNullOrEmpty
        }
    }

    Context 'Futures' {
        It 'USDs-M: grids from the minimum, MIN_NOTIONAL''s notional, PERCENT_PRICE against the mark price' {
            Test-BinanceOrder BTCUSDT BUY LIMIT -Api UsdM -Quantity 0.005 -Price 21000.0 -BaseUri $base | Should -BeNullOrEmpty
            $v = @(Test-BinanceOrder BTCUSDT BUY LIMIT -Api UsdM -Quantity 0.0045 -Price 21000.15 -BaseUri $base)
            ($v | ForEach-Object Filter) | Should -Be @('PRICE_FILTER', 'PERCENT_PRICE', 'LOT_SIZE', 'MIN_NOTIONAL')
            $v[0].NearestAbove | Should -Be 21000.2
            $v[1].Bound | Should -Be 21000
            # a sell is bounded below only
            Test-BinanceOrder BTCUSDT SELL LIMIT -Api UsdM -Quantity 0.005 -Price 25000 -BaseUri $base | Should -BeNullOrEmpty
            Requests /fapi/v1/exchangeInfo | Should -HaveCount 1
            (Requests /fapi/v1/premiumIndex)[0].Query | Should -Be 'symbol=BTCUSDT'
            Requests /api/v3/exchangeInfo | Should -BeNullOrEmpty
        }

        It 'Coin-M: whole contracts, no notional filter; an unknown contract is an error' {
            (Test-BinanceOrder BTCUSD_PERP SELL MARKET -Api CoinM -Quantity 1.5 -BaseUri $base).Message | Should -Be 'quantity 1.5 is not a multiple of LOT_SIZE stepSize 1; nearest valid quantity: 1 or 2.'
            Requests /dapi/v1/premiumIndex | Should -BeNullOrEmpty
            Test-BinanceOrder BTCUSD_PERP BUY LIMIT -Api CoinM -Quantity 2 -Price 20999.9 -BaseUri $base | Should -BeNullOrEmpty
            Requests /dapi/v1/premiumIndex | Should -HaveCount 1
            Test-BinanceOrder BTCUSDT BUY LIMIT -Api CoinM -Quantity 2 -Price 2 -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].Exception.Message | Should -Match "no Coin-M futures symbol 'BTCUSDT'"
        }
    }

    Context 'ConvertTo-BinanceOrderValue' {
        It 'rounds toward the safe side and says what changed' {
            $sell = ConvertTo-BinanceOrderValue BTCUSDT SELL LIMIT -Quantity 0.123456789 -Price 20000.011 -BaseUri $base -Verbose 4>&1
            $verbose = @($sell | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            $sell = $sell | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
            $sell.Quantity | Should -Be 0.12345
            $sell.Price | Should -Be 20000.02
            ($sell.Changes | ForEach-Object ToString) | Should -Be @('quantity 0.123456789 -> 0.12345', 'price 20000.011 -> 20000.02')
            $verbose | Should -Contain 'BTCUSDT: price 20000.011 rounded to 20000.02 (tickSize).'
            (ConvertTo-BinanceOrderValue BTCUSDT BUY LIMIT -Quantity 0.123456789 -Price 20000.019 -BaseUri $base).Price | Should -Be 20000.01
            $futures = ConvertTo-BinanceOrderValue BTCUSDT SELL LIMIT -Api UsdM -Quantity '0.0109' -Price '20000.05' -BaseUri $base
            $futures.Parameters.quantity | Should -Be '0.01'
            $futures.Parameters.price | Should -Be '20000.1'
        }

        It 'its Parameters go to Invoke-BinanceRequest as the texts Binance takes, and its output pipes into Test-BinanceOrder' {
            $rounded = ConvertTo-BinanceOrderValue BTCUSDT BUY LIMIT -Quantity '0.00123456' -Price '20000.00900000' -BaseUri $base
            $rounded | Test-BinanceOrder -BaseUri $base | Should -BeNullOrEmpty
            $values = $rounded.Parameters
            $values.timeInForce = 'GTC'
            Invoke-BinanceRequest 'Test New Order (TRADE)' @values -Credential $keys -BaseUri $base | Out-Null
            # a state change carries its parameters in the body
            (Requests /api/v3/order/test)[0].Body | Should -Match '^symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0\.00123&price=20000&'
        }

        It 'a piped hashtable keeps its other values in Parameters' {
            $order = [ordered]@{ symbol = 'btcusdt'; side = 'SELL'; type = 'LIMIT'; timeInForce = 'GTC'; quantity = '0.0012345'; price = '20000.001'; newClientOrderId = 'mine-1' }
            $p = ($order | ConvertTo-BinanceOrderValue -BaseUri $base).Parameters
            @($p.Keys) | Should -Be @('symbol', 'side', 'type', 'quantity', 'price', 'timeInForce', 'newClientOrderId')
            @($p.Values) | Should -Be @('BTCUSDT', 'SELL', 'LIMIT', '0.00123', '20000.01', 'GTC', 'mine-1')
        }

        It 'an order that rounding cannot make valid is an error and nothing is returned' {
            $out = ConvertTo-BinanceOrderValue BTCUSDT BUY LIMIT -Quantity 0.000001 -Price 20000 -BaseUri $base -ErrorVariable err -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Match '^BinancePostman\.OrderStillInvalid,'
            $err[0].TargetObject.Filter | Should -Be 'LOT_SIZE'
            $err[0].Exception.Message | Should -Match 'quantity 0 is below LOT_SIZE minQty 0\.00001'
        }
    }
}
