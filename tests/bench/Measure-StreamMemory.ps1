<#
.SYNOPSIS
    Memory of Receive-BinanceStream over a long run with a consumer slower than the stream: the fake exchange sends four
    streams at 1,000 events a second each, a pipeline that sleeps a millisecond per event reads at most about a quarter of
    them, so the buffer (-BufferSize, 10,000) stays full and the oldest events are let go with warnings. Goal: the working
    set flat, the last part of the run within 1.1x of the part after the buffer filled.
    Run (after dotnet build): dotnet pwsh -NoProfile -File tests/bench/Measure-StreamMemory.ps1 [-Seconds 120]
.NOTES
    The child samples its working set and GC heap every 2 seconds from the pipeline. "Early" is the highest sample of the
    second sixth of the run (the buffer is full by then), "late" the highest of the last sixth.
#>
param(
    [int] $Seconds = 120,
    [int] $BufferSize = 10000,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BinancePostman')
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../pester/TestHelpers.psm1') -Force
$module = (Resolve-Path $ModulePath).Path
$exchange = Start-FakeExchange

$child = @'
param($module, $base, $seconds, $buffer)
$ErrorActionPreference = 'Stop'
Import-Module $module
$self = [Diagnostics.Process]::GetCurrentProcess()
$state = @{ Count = 0; Samples = [System.Collections.Generic.List[object]]::new(); Next = 2.0; LastId = @{}; Repeats = 0 }
$watch = [Diagnostics.Stopwatch]::StartNew()
Receive-BinanceStream btcusdt@trade, ethusdt@trade, bnbusdt@trade, xrpusdt@trade -BaseUri $base -Duration $seconds -BufferSize $buffer -WarningVariable warnings -WarningAction SilentlyContinue |
    ForEach-Object {
        $state.Count++
        $last = $state.LastId[$_.Symbol]
        if ($null -ne $last -and $_.Id -le $last) { $state.Repeats++ }
        $state.LastId[$_.Symbol] = $_.Id
        [System.Threading.Thread]::Sleep(1)
        if ($watch.Elapsed.TotalSeconds -ge $state.Next) {
            $state.Next += 2
            $self.Refresh()
            $state.Samples.Add([pscustomobject]@{ T = [math]::Round($watch.Elapsed.TotalSeconds, 1); WorkingSetMB = [math]::Round($self.WorkingSet64 / 1MB, 1); HeapMB = [math]::Round([GC]::GetTotalMemory($false) / 1MB, 1) })
        }
    }
$dropped = 0
foreach ($w in $warnings) { if ("$w" -match '^([\d,]+) event\(s\)') { $dropped += [long]($Matches[1] -replace ',') } }
$sixth = $seconds / 6
$early = $state.Samples | Where-Object { $_.T -ge $sixth -and $_.T -lt 2 * $sixth }
$late = $state.Samples | Where-Object { $_.T -ge 5 * $sixth }
[pscustomobject]@{
    Seconds = [math]::Round($watch.Elapsed.TotalSeconds, 1); Consumed = $state.Count; LetGo = $dropped; Warnings = @($warnings).Count; OutOfOrder = $state.Repeats
    EarlyPeakMB = ($early | Measure-Object WorkingSetMB -Maximum).Maximum; LatePeakMB = ($late | Measure-Object WorkingSetMB -Maximum).Maximum
    EarlyHeapMB = ($early | Measure-Object HeapMB -Maximum).Maximum; LateHeapMB = ($late | Measure-Object HeapMB -Maximum).Maximum
    Samples = $state.Samples
} | ConvertTo-Json -Compress -Depth 3
'@
$childFile = Join-Path ([IO.Path]::GetTempPath()) "bp-stream-memory-$PID.ps1"
Set-Content -Path $childFile -Value $child
try {
    Set-FakeExchange $exchange @{ streams = @{ eventIntervalMs = 1 } }
    $line = & dotnet pwsh -NoProfile -NonInteractive -File $childFile $module $exchange.BaseUri $Seconds $BufferSize | Select-Object -Last 1
    $r = $line | ConvertFrom-Json
    $sent = (Invoke-RestMethod "$($exchange.BaseUri)/__fake/connections" | ForEach-Object { $_ } | Measure-Object EventsSent -Sum).Sum
    $r.Samples | Format-Table -AutoSize | Out-String -Width 120
    [pscustomobject]@{
        Seconds = $r.Seconds; SentByExchange = $sent; Consumed = $r.Consumed; LetGo = $r.LetGo; DropWarnings = $r.Warnings; OutOfOrder = $r.OutOfOrder
        EarlyPeakMB = $r.EarlyPeakMB; LatePeakMB = $r.LatePeakMB; EarlyHeapMB = $r.EarlyHeapMB; LateHeapMB = $r.LateHeapMB
    } | Format-List | Out-String
    "Late / early peak working set: {0:N2}x (goal <= 1.1x); every event sent was consumed or reported let go: {1}" -f ($r.LatePeakMB / $r.EarlyPeakMB), ($r.Consumed + $r.LetGo -le $sent)
}
finally {
    Remove-Item $childFile -ErrorAction SilentlyContinue
    Stop-FakeExchange $exchange
}
