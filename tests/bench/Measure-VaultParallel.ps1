<#
.SYNOPSIS
    Vault keys under ForEach-Object -Parallel, against the SecretManagement stand-in (which, like SecretManagement
    1.1.2, fails a call that arrives while another runs) and the fake exchange. Per run: 16 plain Get-Secret calls
    (no gate: how many fail), 16 Invoke-BinanceRequest -Vault calls and 8 Connect-Binance -Vault calls (through the
    module's gate: all should succeed), each loop -ThrottleLimit 8 with the runspaces starting together at a barrier.
    Run (after dotnet build): dotnet pwsh -NoProfile -File tests/bench/Measure-VaultParallel.ps1
#>
param(
    [int] $Runs = 3,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BinancePostman')
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../pester/TestHelpers.psm1') -Force
$module = (Resolve-Path $ModulePath).Path
$env:BP_STANDIN_VAULT_FILE = Join-Path ([IO.Path]::GetTempPath()) "bp-vault-bench-$PID.json"
$env:PSModulePath = (Join-Path $PSScriptRoot '../pester/StandIns') + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module $module
$exchange = Start-FakeExchange
try {
    $vector = (Get-SigningVectors).hmac[0]
    Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name BenchVault -ModuleName StandIn -DefaultVault
    Set-BinanceCredential -Vault BenchVault -SecretName hmac -ApiKey $vector.apiKey -ApiSecret (ConvertTo-SecureString $vector.secret -AsPlainText -Force)
    $base = $exchange.BaseUri

    foreach ($run in 1..$Runs) {
        $barrier = [System.Threading.Barrier]::new(8)
        $plain = 1..16 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module Microsoft.PowerShell.SecretManagement
            $null = ($using:barrier).SignalAndWait(20000)
            $null = Microsoft.PowerShell.SecretManagement\Get-Secret -Name hmac -Vault BenchVault -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed.Count -eq 0
        }
        $barrier.Dispose()

        $barrier = [System.Threading.Barrier]::new(8)
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $requests = 1..16 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            $null = ($using:barrier).SignalAndWait(20000)
            $reply = Invoke-BinanceRequest 'Account Information (USER_DATA)' -Vault BenchVault -SecretName hmac -BaseUri $using:base -ErrorAction SilentlyContinue -ErrorVariable failed
            [pscustomobject]@{ Answered = $reply.accountType -eq 'SPOT'; Errors = $failed.Count }
        }
        $requestMs = $sw.ElapsedMilliseconds
        $barrier.Dispose()

        $barrier = [System.Threading.Barrier]::new(8)
        $connects = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            $null = ($using:barrier).SignalAndWait(20000)
            try { $null = Connect-Binance -Vault BenchVault -SecretName hmac -BaseUri $using:base -ErrorAction Stop; $true } catch { $false }
        }
        $barrier.Dispose()

        [pscustomobject]@{
            Run                    = $run
            'Plain Get-Secret ok'  = "$(@($plain | Where-Object { $_ }).Count) of 16"
            'Requests answered'    = "$(@($requests | Where-Object Answered).Count) of 16"
            'Request errors'       = ($requests | Measure-Object Errors -Sum).Sum
            'Connect-Binance ok'   = "$(@($connects | Where-Object { $_ }).Count) of 8"
            'Request loop ms'      = $requestMs
        }
    }
}
finally {
    Stop-FakeExchange $exchange
    Remove-Item $env:BP_STANDIN_VAULT_FILE -ErrorAction SilentlyContinue
}
