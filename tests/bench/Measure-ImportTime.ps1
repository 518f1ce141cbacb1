<#
.SYNOPSIS
    Import-Module plus the first Get-BinanceEndpoint: cold (a fresh pwsh process each time, JIT included) and in a
    fresh runspace of a warm process. Goal: under 150 ms. Run: dotnet pwsh tests/bench/Measure-ImportTime.ps1
#>
param(
    [int] $Runs = 7,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BinancePostman')
)
$ErrorActionPreference = 'Stop'
$module = (Resolve-Path $ModulePath).Path

$cold = foreach ($i in 1..$Runs) {
    $script = "`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$module'; `$n = @(Get-BinanceEndpoint).Count; `$sw.Stop(); `"`$(`$sw.Elapsed.TotalMilliseconds) `$n`""
    $line = & dotnet pwsh -NoProfile -NonInteractive -Command $script
    $ms, $count = "$line".Trim() -split ' '
    [double] $ms
}

# baseline: the first Import-Module of any binary module in a new pwsh (here PowerShell's own ThreadJob)
$baseline = foreach ($i in 1..$Runs) {
    [double] (& dotnet pwsh -NoProfile -NonInteractive -Command '$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module Microsoft.PowerShell.ThreadJob; $sw.Elapsed.TotalMilliseconds')
}

$warm = foreach ($i in 1..$Runs) {
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::NewRunspace)
    $null = $ps.AddScript("Import-Module '$module'; @(Get-BinanceEndpoint).Count").Invoke()
    $sw.Stop()
    $ps.Dispose()
    $sw.Elapsed.TotalMilliseconds
}

function Median([double[]] $xs) { $s = $xs | Sort-Object; $s[[int][math]::Floor($s.Count / 2)] }
[pscustomobject]@{
    Measure           = 'Import-Module + first Get-BinanceEndpoint'
    Endpoints         = $count
    ColdProcessMedianMs = [math]::Round((Median $cold), 1)
    FreshRunspaceMedianMs = [math]::Round((Median $warm), 1)
    BaselineColdImportThreadJobMs = [math]::Round((Median $baseline), 1)
    Runs              = $Runs
} | Format-List
