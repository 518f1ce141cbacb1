<#
.SYNOPSIS
    Peak memory of paging klines with -All into a sink, in a fresh pwsh process per run: 50,000 and 500,000 one-minute
    candles from the fake exchange. Goal: peak under 200 MB, and the 500,000-row run at most 1.3x the 50,000-row run.
    Every run checks that the rows arrive one minute apart from the first to the last (no duplicate, no gap).
    Run (after dotnet build): dotnet pwsh -NoProfile -File tests/bench/Measure-PagingMemory.ps1
.NOTES
    Peak working set is the OS high-water mark of the process (VmHWM on Linux, PeakWorkingSet64 elsewhere), so nothing
    between samples is missed. The GC heap is sampled in the sink every 1,000 rows. "Baseline" is the same process
    after one 1,000-row page: pwsh, the module and the catalog loaded, so the growth due to paging is the difference.
#>
param(
    [int[]] $Rows = @(50000, 500000),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BinancePostman')
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../pester/TestHelpers.psm1') -Force
$module = (Resolve-Path $ModulePath).Path
$exchange = Start-FakeExchange

# the child: pages $n candles from 2020-01-01 into a checking, counting sink and reports one JSON line
$child = @'
param($module, $base, $n)
$ErrorActionPreference = 'Stop'
Import-Module $module
$start = [DateTime]::new(2020, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
$end = $start.AddMinutes($n - 1)
$self = [Diagnostics.Process]::GetCurrentProcess()
$state = @{ Count = 0; Expected = $start.Ticks; Bad = 0; MaxHeap = 0L; MaxWs = 0L }
$minute = [TimeSpan]::TicksPerMinute
$watch = [Diagnostics.Stopwatch]::StartNew()
Invoke-BinanceRequest 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1m -startTime $start -endTime $end -All -BaseUri $base -ProgressAction SilentlyContinue |
    ForEach-Object {
        if ($_.OpenTime.Ticks -ne $state.Expected) { $state.Bad++; $state.Expected = $_.OpenTime.Ticks }
        $state.Expected += $minute
        if ((++$state.Count % 1000) -eq 0) {
            $heap = [GC]::GetTotalMemory($false); if ($heap -gt $state.MaxHeap) { $state.MaxHeap = $heap }
            $self.Refresh(); if ($self.WorkingSet64 -gt $state.MaxWs) { $state.MaxWs = $self.WorkingSet64 }
        }
    }
$watch.Stop()
$self.Refresh()
$peak = $self.PeakWorkingSet64
if ($IsLinux) { $hwm = (Get-Content /proc/self/status | Where-Object { $_ -like 'VmHWM:*' }) -replace '\D'; $peak = [long]$hwm * 1024 }
[pscustomobject]@{
    Rows = $state.Count; OutOfSequence = $state.Bad
    LastOpenTime = ([DateTime]::new($state.Expected - $minute, [DateTimeKind]::Utc)).ToString('u')
    PeakWorkingSetMB = [math]::Round($peak / 1MB, 1)
    MaxSampledWorkingSetMB = [math]::Round($state.MaxWs / 1MB, 1)
    MaxSampledGcHeapMB = [math]::Round($state.MaxHeap / 1MB, 1)
    Seconds = [math]::Round($watch.Elapsed.TotalSeconds, 1)
} | ConvertTo-Json -Compress
'@
$childFile = Join-Path ([IO.Path]::GetTempPath()) "bp-paging-memory-$PID.ps1"
Set-Content -Path $childFile -Value $child

try {
    $results = foreach ($n in @(1000) + $Rows) {
        Reset-FakeExchange $exchange
        $line = & dotnet pwsh -NoProfile -NonInteractive -File $childFile $module $exchange.BaseUri $n | Select-Object -Last 1
        $r = $line | ConvertFrom-Json
        $pages = @(Get-FakeRequests $exchange | Where-Object Path -EQ '/api/v3/klines').Count
        if ($r.Rows -ne $n -or $r.OutOfSequence -ne 0) { Write-Warning "$n rows asked: got $($r.Rows), $($r.OutOfSequence) out of sequence" }
        [pscustomobject]@{
            Run = if ($n -eq 1000) { 'baseline (1 page)' } else { "$n rows" }
            Rows = $r.Rows; Pages = $pages; OutOfSequence = $r.OutOfSequence; LastOpenTime = $r.LastOpenTime
            PeakWorkingSetMB = $r.PeakWorkingSetMB; MaxSampledWorkingSetMB = $r.MaxSampledWorkingSetMB
            MaxSampledGcHeapMB = $r.MaxSampledGcHeapMB; Seconds = $r.Seconds
        }
    }
    $results | Format-Table -AutoSize | Out-String -Width 200
    $small = $results | Where-Object Rows -EQ $Rows[0]
    $large = $results | Where-Object Rows -EQ $Rows[-1]
    if ($small -and $large -and $small -ne $large) {
        "Peak working set {0} rows / {1} rows: {2:N2}x (goal <= 1.3x; peak goal < 200 MB)" -f $Rows[-1], $Rows[0], ($large.PeakWorkingSetMB / $small.PeakWorkingSetMB)
    }
}
finally {
    Remove-Item $childFile -ErrorAction SilentlyContinue
    Stop-FakeExchange $exchange
}
