<#
.SYNOPSIS
    Runs the Pester tests against the built module folder (out/BinancePostman) with the Pester restored by the build.
#>
param(
    [string] $SummaryPath,
    [string[]] $Path = @($PSScriptRoot)
)
$ErrorActionPreference = 'Stop'
$repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
$pester = Join-Path $repo 'out/tools/Pester/Pester.psd1'
if (-not (Test-Path $pester)) { throw "Pester is not restored at $pester. Run: dotnet build" }
Import-Module $pester -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $false
$result = Invoke-Pester -Configuration $config

if ($SummaryPath) {
    [pscustomobject]@{
        Passed  = $result.PassedCount
        Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Skipped = $result.SkippedCount + $result.NotRunCount
    } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
}
