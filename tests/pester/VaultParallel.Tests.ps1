# Vault keys in parallel scripts. SecretManagement 1.1.2 runs every extension vault in one runspace for the whole process
# and fails a call that arrives while another runs; so does the stand-in. The module takes turns through one gate.
# Runspaces meet at a barrier before the call, so the calls do start together.

Describe 'Vault access from parallel runspaces' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $env:BP_STANDIN_VAULT_FILE = Join-Path $TestDrive 'vaults.json'
        $savedPath = $env:PSModulePath
        $env:PSModulePath = (Join-Path $PSScriptRoot 'StandIns') + [IO.Path]::PathSeparator + $env:PSModulePath
        Import-Module (Get-ModulePath) -Force
        $module = Get-ModulePath
        Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name ParVault -ModuleName StandIn -DefaultVault
        Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name SlowVault -ModuleName StandIn -VaultParameters @{ StandInDelayMs = 2000 }
        Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name BrokenVault -ModuleName StandIn -VaultParameters @{ StandInFailure = 'The vault store could not be reached.' }
        $exchange = Start-FakeExchange
        $base = $exchange.BaseUri
        $vectors = Get-SigningVectors
        $hmacKey = $vectors.hmac[0].apiKey
        $hmacSecret = $vectors.hmac[0].secret
        $secure = ConvertTo-SecureString $hmacSecret -AsPlainText -Force
        Set-BinanceCredential -Vault ParVault -SecretName hmac -ApiKey $hmacKey -ApiSecret $secure
        Set-BinanceCredential -Vault SlowVault -SecretName hmac -ApiKey $hmacKey -ApiSecret $secure
        Microsoft.PowerShell.SecretManagement\Set-Secret -Name just-a-string -Secret 'some-text' -Vault ParVault

        function Get-AccountRequests { @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/account') }
    }

    AfterAll {
        Disconnect-Binance
        Stop-FakeExchange $exchange
        $env:PSModulePath = $savedPath
    }

    BeforeEach {
        Reset-FakeExchange $exchange
        Disconnect-Binance
    }

    It 'the stand-in is as rude as SecretManagement: plain Get-Secret from 4 runspaces at once fails for all but a few' {
        $barrier = [System.Threading.Barrier]::new(4)
        $results = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module Microsoft.PowerShell.SecretManagement
            $null = ($using:barrier).SignalAndWait(20000)
            $secret = Microsoft.PowerShell.SecretManagement\Get-Secret -Name hmac -Vault ParVault -ErrorAction SilentlyContinue -ErrorVariable failed
            [pscustomobject]@{ Got = $secret -is [hashtable]; Errors = @($failed) }
        }
        $barrier.Dispose()
        $ok = @($results | Where-Object Got)
        $bad = @($results | Where-Object { -not $_.Got })
        $ok.Count | Should -BeGreaterThan 0
        $bad.Count | Should -BeGreaterThan 0
        foreach ($r in $bad) {
            # SecretManagement 1.1.2 writes these two records, in this order
            $r.Errors.FullyQualifiedErrorId | Should -Be @('GetSecretInvalidOperation,Get-Secret', 'GetSecretNotFound,Get-Secret')
            $r.Errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $r.Errors[0].Exception | Should -BeOfType [System.Management.Automation.PSInvalidOperationException]
            $r.Errors[0].Exception.Message | Should -Be 'Unable to get secret hmac from vault ParVault'
            $r.Errors[0].Exception.InnerException | Should -BeOfType [System.Management.Automation.PSInvalidOperationException]
            $r.Errors[0].Exception.InnerException.Message | Should -Be 'The pipeline was not run because a pipeline is already running. Pipelines cannot be run concurrently.'
            $r.Errors[1].Exception.Message | Should -Be 'The secret hmac was not found.'
        }
    }

    It '16 requests with -Vault in ForEach-Object -Parallel -ThrottleLimit 8: 16 answered, 0 errors' {
        $barrier = [System.Threading.Barrier]::new(8)
        $results = 1..16 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            $null = ($using:barrier).SignalAndWait(20000)
            $reply = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault ParVault -SecretName hmac -BaseUri $using:base -ErrorAction SilentlyContinue -ErrorVariable failed
            [pscustomobject]@{ Account = $reply.accountType; Errors = @($failed | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) }
        }
        $barrier.Dispose()
        @($results.Errors) | Should -BeNullOrEmpty
        @($results | Where-Object Account -EQ 'SPOT').Count | Should -Be 16
        $sent = Get-AccountRequests
        @($sent | Where-Object { $_.Status -eq 200 -and $_.ApiKey -eq $hmacKey }).Count | Should -Be 16
    }

    It 'Connect-Binance -Vault in 8 runspaces at once: all succeed' {
        $barrier = [System.Threading.Barrier]::new(8)
        $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            $null = ($using:barrier).SignalAndWait(20000)
            try { (Connect-Binance -Vault ParVault -SecretName hmac -BaseUri $using:base -PassThru -ErrorAction Stop).KeyType }
            catch { "$($_.FullyQualifiedErrorId): $_" }
        }
        $barrier.Dispose()
        $results | Should -HaveCount 8
        $results | Should -Match '^HMAC'
        (Invoke-BinanceRequest 'Account Information (USER_DATA)').accountType | Should -Be 'SPOT'
    }

    It 'completes vault names on the thread that is inside a vault call (a breakpoint action, like a nested prompt)' {
        # the gate is held by this thread while Get-Secret runs; the completer must go through, not wait for itself
        $script:completed = $null
        $breakpoint = Set-PSBreakpoint -Command Get-Secret -Action {
            if ($null -eq $script:completed) {
                $script:completed = @((TabExpansion2 -inputScript 'Connect-Binance -Vault Par' -cursorColumn 26).CompletionMatches.CompletionText)
            }
        }
        try { $connection = Connect-Binance -Vault ParVault -SecretName hmac -PassThru }
        finally { Remove-PSBreakpoint $breakpoint }
        $connection.KeyType | Should -Match '^HMAC'
        $script:completed | Should -Be @('ParVault')
    }

    It 'Ctrl+C ends a wait for the gate at once, while the other runspace is still inside' {
        function New-Runner([string] $Script) {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$module'").Invoke()
            $null = $ps.Commands.Clear()
            $null = $ps.AddScript($Script)
            $ps
        }
        # A holds the gate for 2 s (a slow vault); B is ready beforehand, so its wait starts at once
        $a = New-Runner "Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault SlowVault -SecretName hmac -BaseUri '$base'"
        $b = New-Runner 'Connect-Binance -Vault ParVault -SecretName hmac -Verbose'
        try {
            $running = $a.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (-not ([AppDomain]::CurrentDomain.GetData('BinancePostman.StandIn.SecretManagement.VaultRunspace').RunspaceAvailability -eq 'Busy') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }
            $waiting = $b.BeginInvoke()
            while (-not ($b.Streams.Verbose.Message -match 'Waiting for another runspace') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }
            $b.Streams.Verbose.Message | Should -Match 'Waiting for another runspace'
            $b.Stop()   # what Ctrl+C does
            # A is still inside the vault call: B's stop did not wait for A to leave
            [AppDomain]::CurrentDomain.GetData('BinancePostman.StandIn.SecretManagement.VaultRunspace').RunspaceAvailability | Should -Be 'Busy'
            $running.IsCompleted | Should -BeFalse
            $b.InvocationStateInfo.State | Should -Be 'Stopped'
            $b.Streams.Error | Should -BeNullOrEmpty
            ($a.EndInvoke($running)).accountType | Should -Be 'SPOT'
        }
        finally {
            $a.Dispose()
            $b.Dispose()
        }
    }

    It 'a failing per-call vault is an error, never a fallback to the session, BINANCE_API_KEY or an environment file' {
        # the environment below points at the fake exchange on this machine: trusted by name, so keys may go there
        Connect-Binance -ApiKey $hmacKey -ApiSecret $secure -BaseUri $base -TrustedHost ([uri]$base).Authority
        $envFile = Join-Path $TestDrive 'fallback.postman_environment.json'
        @{ name = 'Vault Fallback Keys'; values = @(
                @{ key = 'url'; value = $base; enabled = $true },
                @{ key = 'binance-api-key'; value = $hmacKey; enabled = $true },
                @{ key = 'binance-api-secret'; value = $hmacSecret; enabled = $true }) } | ConvertTo-Json -Depth 4 | Set-Content $envFile
        Import-BinanceEnvironment $envFile -SkipAudit
        $env:BINANCE_API_KEY = $hmacKey
        $env:BINANCE_API_SECRET = $hmacSecret
        try {
            $cases = @(
                @{ Vault = 'ParVault'; Secret = 'missing'; Id = 'SecretNotFound' },
                @{ Vault = 'NoSuchVault'; Secret = 'hmac'; Id = 'VaultNotFound' },
                @{ Vault = 'BrokenVault'; Secret = 'hmac'; Id = 'VaultError' },
                @{ Vault = 'ParVault'; Secret = 'just-a-string'; Id = 'WrongShape' })
            foreach ($case in $cases) {
                $out = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Environment 'Vault Fallback Keys' -Vault $case.Vault -SecretName $case.Secret `
                    -ErrorAction SilentlyContinue -ErrorVariable failed 3>$null
                $out | Should -BeNullOrEmpty
                $failed | Should -HaveCount 1
                $failed[0].FullyQualifiedErrorId | Should -BeLike "BinancePostman.Credential.$($case.Id),*"
            }
            $failed[0].Exception.Message | Should -Match "'just-a-string'"
        }
        finally { Remove-Item Env:BINANCE_API_KEY, Env:BINANCE_API_SECRET }
        Get-AccountRequests | Should -BeNullOrEmpty
        # the other sources were there all along
        (Invoke-BinanceRequest 'Account Information (USER_DATA)').accountType | Should -Be 'SPOT'
    }

    It 'a vault call that meets a SecretManagement call from outside the module fails clearly, and nothing is sent' {
        # another runspace's plain Get-Secret (no gate) holds the shared vault runspace of the stand-in for 2 s
        $outside = [powershell]::Create()
        $null = $outside.AddScript('Microsoft.PowerShell.SecretManagement\Get-Secret -Name hmac -Vault SlowVault')
        $running = $outside.BeginInvoke()
        try {
            $vaultRunspace = $null
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ([DateTime]::UtcNow -lt $deadline) {
                $vaultRunspace = [AppDomain]::CurrentDomain.GetData('BinancePostman.StandIn.SecretManagement.VaultRunspace')
                if ($vaultRunspace -and $vaultRunspace.RunspaceAvailability -eq 'Busy') { break }
                Start-Sleep -Milliseconds 10
            }
            $vaultRunspace.RunspaceAvailability | Should -Be 'Busy'
            Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault ParVault -SecretName hmac -BaseUri $base -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'BinancePostman.Credential.VaultError,*'
            $failed[0].Exception.Message | Should -Match 'Unable to get secret hmac from vault ParVault'
            $failed[0].ErrorDetails.RecommendedAction | Should -Match 'not thread-safe.*Connect-Binance -Vault'
        }
        finally {
            $got = $outside.EndInvoke($running)
            $outside.Dispose()
        }
        $got[0] | Should -BeOfType [hashtable]   # the outside call itself was fine
        Get-AccountRequests | Should -BeNullOrEmpty
    }
}
