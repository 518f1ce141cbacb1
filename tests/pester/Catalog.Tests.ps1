BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModulePath) -Force
    $fixtures = Get-SharedFixtures
    $gen2025 = Join-Path $fixtures 'binance-api-postman/2025-03-generation'
    $gen2026 = Join-Path $fixtures 'binance-api-postman/2026-07-generation'
    $imported = Import-BinanceCollection -Path (Join-Path $gen2025 'collections') -PassThru
    Import-BinanceEnvironment -Path (Join-Path $gen2025 'environments') | Out-Null
}

Describe 'The module as a user imports it' {
    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Import-PowerShellDataFile (Join-Path (Get-ModulePath) 'BinancePostman.psd1')
        $exported = (Get-Module BinancePostman).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'declares both editions and PowerShell 5.1' {
        $m = Test-ModuleManifest (Join-Path (Get-ModulePath) 'BinancePostman.psd1')
        $m.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $m.PowerShellVersion | Should -Be ([version]'5.1')
    }
}

Describe 'Import-BinanceCollection' {
    It 'loads a folder of Binance collections and passes them through as typed objects' {
        $imported | Should -HaveCount 5
        $imported[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.Catalog.PostmanCollection'
        ($imported | Measure-Object EndpointCount -Sum).Sum | Should -Be 533
    }

    It 'writes nothing to the pipeline without -PassThru, and says what it did in -Verbose' {
        $file = Join-Path $gen2025 'collections/Binance Broker API.postman_collection.json'
        $out = Import-BinanceCollection -LiteralPath $file -Verbose 4>&1
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -HaveCount 0
        ($verbose.Message -join "`n") | Should -Match "Imported 'Binance Broker API': 24 endpoints"
    }

    It 'loads the newer generation too (741 requests in 25 collections)' {
        $newer = Import-BinanceCollection (Join-Path $gen2026 'collections') -PassThru
        $newer | Should -HaveCount 25
        ($newer | Measure-Object EndpointCount -Sum).Sum | Should -Be 741
    }

    It 'supports -WhatIf without loading anything' {
        $before = @(Get-BinanceCollection).Count
        $temp = Join-Path $TestDrive 'whatif.json'
        '{ "info": { "name": "WhatIfOnly", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, "item": [] }' | Set-Content $temp
        Import-BinanceCollection $temp -WhatIf
        @(Get-BinanceCollection).Count | Should -Be $before
        Get-BinanceCollection WhatIfOnly -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Bad collection files' {
    BeforeAll {
        $dir = Join-Path $TestDrive 'mixed'
        New-Item -ItemType Directory $dir | Out-Null
        '{ "info": { "name": "Fine One", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, "item": [ { "name": "Ping", "request": { "method": "GET", "url": "https://api.binance.com/api/v3/ping" } } ] }' |
            Set-Content (Join-Path $dir 'a-fine.json')
        "{`n  `"info`": {`n    `"name`": `"Broken One`",,`n" | Set-Content (Join-Path $dir 'b-broken.json')
        '' | Set-Content (Join-Path $dir 'c-empty.json')
        '{ "id": "x", "name": "Old", "order": [], "requests": [] }' | Set-Content (Join-Path $dir 'd-v1.json')
        '{ "info": { "name": "Other", "schema": "https://example.com/schema.json" }, "item": [] }' | Set-Content (Join-Path $dir 'e-schema.json')
        $errs = $null
        $loaded = Import-BinanceCollection $dir -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue
    }

    It 'loads the good file of the same call' {
        $loaded.Name | Should -Be 'Fine One'
        (Get-BinanceEndpoint 'Fine One\Ping').Path | Should -Be '/api/v3/ping'
    }

    It 'reports one error per bad file with a stable id' {
        $errs.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Should -Be @(
            'BinancePostman.Catalog.InvalidJson',
            'BinancePostman.Catalog.EmptyFile',
            'BinancePostman.Catalog.PostmanV1Collection',
            'BinancePostman.Catalog.UnknownSchema')
    }

    It 'names the file, line and position for JSON errors, with what to do' {
        $json = $errs | Where-Object FullyQualifiedErrorId -like 'BinancePostman.Catalog.InvalidJson*'
        $json.CategoryInfo.Category | Should -Be 'ParserError'
        $json.TargetObject | Should -BeLike '*b-broken.json'
        $json.Exception.Message | Should -Match 'b-broken\.json \(line 3, position \d+\)'
        $json.ErrorDetails.RecommendedAction | Should -Match 'line 3'
    }

    It 'leaves nothing half-loaded' {
        Get-BinanceCollection 'Broken One' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'says to use Import-BinanceEnvironment for an environment file' {
        $file = Join-Path $gen2025 'environments/spot/binance_com_spot_api.postman_environment.json'
        Import-BinanceCollection -LiteralPath $file -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Catalog.EnvironmentGivenAsCollection,*'
        $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e[0].ErrorDetails.RecommendedAction | Should -Match 'Import-BinanceEnvironment'
    }

    It 'reports a missing path as not found' {
        Import-BinanceCollection (Join-Path $TestDrive 'nope/missing.json') -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Catalog.FileNotFound,*'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-BinanceEndpoint' {
    It 'filters by wildcard name and returns endpoint objects with their type name' {
        $klines = Get-BinanceEndpoint '*Kline*' -Collection 'Binance Spot API'
        $klines.Count | Should -BeGreaterThan 0
        $klines | ForEach-Object { $_.Name | Should -BeLike '*Kline*' }
        $klines[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.Catalog.Endpoint'
    }

    It 'filters by method, path and security' {
        $trade = Get-BinanceEndpoint -Collection 'Binance Spot API' -Method POST -Path '/api/v3/order' -Security TRADE
        $trade.Name | Should -Be 'New Order (TRADE)'
        $trade.IsSigned | Should -BeTrue
    }

    It 'keeps same-named endpoints of different collections addressable' {
        @(Get-BinanceEndpoint 'Kline/Candlestick Data').Count | Should -BeGreaterThan 1
        $one = Get-BinanceEndpoint 'Binance Spot API\Kline/Candlestick Data'
        @($one).Count | Should -Be 1
        $one.Path | Should -Be '/api/v3/klines'
        (Get-BinanceEndpoint 'Kline/Candlestick Data' -Collection 'Binance USDs-M Futures API').Path | Should -Be '/fapi/v1/klines'
    }

    It 'shows parameters as objects, required ones marked' {
        $p = (Get-BinanceEndpoint 'Binance Spot API\Kline/Candlestick Data').Parameters
        $p[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.Catalog.EndpointParameter'
        ($p | Where-Object Required).Name | Should -Be @('symbol', 'interval')
        $p.Name | Should -Not -Contain 'timestamp'
    }

    It 'reports an exact name that matches nothing' {
        Get-BinanceEndpoint 'No Such Endpoint' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.EndpointNotFound,*'
        $e[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'exports one CSV row per endpoint with readable parameter lists' {
        $csv = Join-Path $TestDrive 'endpoints.csv'
        Get-BinanceEndpoint -Collection 'Binance Spot API' | Export-Csv $csv -NoTypeInformation
        $rows = Import-Csv $csv
        $rows | Should -HaveCount 341
        $kl = $rows | Where-Object Name -EQ 'Kline/Candlestick Data'
        $kl.Parameters | Should -Match '^symbol, interval, \[startTime\]'
        $kl.Collection | Should -Be 'Binance Spot API'
    }

    It 'takes names from the pipeline by property name' {
        $names = [pscustomobject]@{ Name = 'Binance Spot API\Check Server Time' }
        ($names | Get-BinanceEndpoint).Path | Should -Be '/api/v3/time'
    }
}

Describe 'Environments' {
    It 'knows each environment''s API and network' {
        $testnet = Get-BinanceEnvironment 'Binance Spot Testnet API'
        $testnet.Network | Should -Be 'Testnet'
        $testnet.Family | Should -Be 'Spot'
        $testnet.Url | Should -Be 'https://testnet.binance.vision'
    }

    It 'never shows variable values, only their names' {
        $env = Get-BinanceEnvironment 'Binance Spot API'
        $env.VariableNames | Should -Contain 'binance-api-secret'
        $env.PSObject.Properties.Name | Should -Not -Contain 'Variables'
    }

    It 'refuses a collection given as an environment' {
        Import-BinanceEnvironment -LiteralPath (Join-Path $gen2025 'collections/Binance Broker API.postman_collection.json') -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Catalog.CollectionGivenAsEnvironment,*'
    }
}

Describe 'Tab completion' {
    It 'completes endpoint names, quoting those with spaces or parentheses' {
        $r = (TabExpansion2 -inputScript 'Get-BinanceEndpoint Account' -cursorColumn 27).CompletionMatches
        $r.CompletionText | Should -Contain "'Account Information (USER_DATA)'"
    }

    It 'offers collection-qualified names where collections share a name' {
        $r = (TabExpansion2 -inputScript "Get-BinanceEndpoint 'Kline/Cand" -cursorColumn 31).CompletionMatches
        $r.CompletionText | Should -Contain "'Kline/Candlestick Data'"
        $r.CompletionText | Should -Contain "'Binance Spot API\Kline/Candlestick Data'"
    }

    It 'narrows endpoint names by -Collection' {
        $line = "Get-BinanceEndpoint -Collection 'Binance European Options API' Kline"
        $r = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $r.CompletionText | Should -Be @("'Kline/Candlestick Data'")
    }

    It 'completes collection names' {
        $line = 'Get-BinanceCollection Binance*Futures'
        $r = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $r.CompletionText | Should -Contain "'Binance USDs-M Futures API'"
    }

    It 'completes environment names' {
        $line = 'Get-BinanceEnvironment Binance*Testnet'
        $r = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $r.CompletionText | Should -Contain "'Binance Spot Testnet API'"
    }
}
