<#
.SYNOPSIS
    Builds, tests, benchmarks and packages BinancePostman: a thin wrapper over the dotnet commands the README gives.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh ./build.ps1 -Bench
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Bench', 'Package')]
    [string[]] $Task = @('Build'),
    [switch] $Build,
    [switch] $Test,
    [switch] $Bench,
    [switch] $Package,
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$tasks = [System.Collections.Generic.List[string]]::new([string[]]$Task)
foreach ($switch in 'Build', 'Test', 'Bench', 'Package') {
    if ($PSBoundParameters[$switch]) { $tasks.Add($switch) }
}
if ($PSBoundParameters.ContainsKey('Task') -eq $false -and $tasks.Count -gt 1) { $tasks.Remove('Build') | Out-Null }

function Invoke-Dotnet([string[]] $Arguments) {
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-BuildTask {
    Invoke-Dotnet @('build', (Join-Path $root 'BinancePostman.sln'), '-c', $Configuration, '--nologo', '-v', 'q')
    Write-Host "Module folder: $(Join-Path $out 'BinancePostman')"
}

function Read-TrxCounts([string] $path) {
    [xml] $trx = Get-Content -LiteralPath $path -Raw
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$c.passed; Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted; Skipped = [int]$c.notExecuted }
}

function Invoke-TestTask {
    $results = Join-Path $out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results | Out-Null

    Write-Host '== xUnit: the PowerShell-free core' -ForegroundColor Cyan
    & dotnet test (Join-Path $root 'tests/BinancePostman.Tests') -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results
    $trxFile = Join-Path $results 'xunit.trx'
    $xunit = if (Test-Path $trxFile) { Read-TrxCounts $trxFile } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    Write-Host "xUnit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped"

    Write-Host '== Pester: the cmdlets in pwsh, against the built module folder' -ForegroundColor Cyan
    $summary = Join-Path $results 'pester-summary.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterTests.ps1') -SummaryPath $summary
    $pester = if (Test-Path $summary) { Get-Content $summary -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    if ($failed -gt 0) { exit 1 }
}

function Invoke-BenchTask {
    Invoke-Dotnet @('run', '-c', 'Release', '--project', (Join-Path $root 'tests/BinancePostman.Benchmarks'), '--', '--filter', '*')
    & dotnet pwsh -NoProfile -File (Join-Path $root 'tests/bench/Measure-ImportTime.ps1')
}

function Invoke-PackageTask {
    $module = Join-Path $out 'BinancePostman'
    $manifest = Import-PowerShellDataFile (Join-Path $module 'BinancePostman.psd1')
    $zip = Join-Path $out "BinancePostman-$($manifest.ModuleVersion).zip"
    Compress-Archive -Path (Join-Path $module '*') -DestinationPath $zip -Force
    Write-Host "Package: $zip"
}

foreach ($t in ($tasks | Select-Object -Unique)) {
    switch ($t) {
        'Build' { Invoke-BuildTask }
        'Test' { if (-not $tasks.Contains('Build')) { Invoke-BuildTask }; Invoke-TestTask }
        'Bench' { Invoke-BenchTask }
        'Package' { if (-not $tasks.Contains('Build')) { Invoke-BuildTask }; Invoke-PackageTask }
    }
}
