<#
.SYNOPSIS
    Builds, tests, benchmarks and packages BinancePostman: a thin wrapper over the dotnet commands the README gives.
.DESCRIPTION
    Build assembles out/BinancePostman (dotnet build). Test runs xUnit and Pester against that folder. Package makes
    out/BinancePostman.<version>.nupkg from the same folder with PSResourceGet's Compress-PSResource, after checking
    that the folder holds exactly what the build makes: install it with Install-PSResource from a folder or feed, or
    publish it with Publish-PSResource -NupkgPath (see the README).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Package
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
    [string] $Configuration = 'Release',
    # Test and Package: use out/BinancePostman as it is, without building first
    [switch] $NoBuild,
    # Package: the module folder to pack (default out/BinancePostman)
    [string] $ModuleFolder,
    # Package: where the .nupkg goes (default out)
    [string] $OutputPath
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

$script:built = $false

function Invoke-BuildTask {
    $script:built = $true
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

function Get-FileSha256([string] $path) { (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash }

# What is wrong with a module folder as a package source: missing files, files that differ from what the build
# makes (a stale build), and files the build does not make (leftovers, notes, test output). Empty when it is clean.
function Test-ModuleFolder([string] $module) {
    if (-not (Test-Path -LiteralPath $module -PathType Container)) {
        return @("the folder does not exist: nothing is built there")
    }
    $binary = Join-Path $root "src/BinancePostman/bin/$Configuration/netstandard2.0"
    if (-not (Test-Path -LiteralPath (Join-Path $binary 'BinancePostman.dll'))) {
        return @("there is no $Configuration build of the module ($binary has no BinancePostman.dll)")
    }
    # relative path in the module folder -> the file the build copies there (null: made by the build, e.g. help)
    $expected = [ordered]@{ 'BinancePostman.psd1' = Join-Path $root 'BinancePostman.psd1' }
    foreach ($f in Get-ChildItem (Join-Path $root 'src/BinancePostman') -Filter *.ps1xml -File) { $expected[$f.Name] = $f.FullName }
    foreach ($f in Get-ChildItem $binary -Filter *.dll -File) { $expected[$f.Name] = $f.FullName }
    $expected['en-US/BinancePostman.dll-Help.xml'] = $null
    $expected['en-US/about_BinancePostman.help.txt'] = $null
    foreach ($folder in 'collections', 'environments') {
        $source = Join-Path $root $folder
        foreach ($f in Get-ChildItem $source -Filter *.json -File -Recurse) {
            $expected[$folder + '/' + [IO.Path]::GetRelativePath($source, $f.FullName).Replace('\', '/')] = $f.FullName
        }
    }
    $problems = [System.Collections.Generic.List[string]]::new()
    foreach ($relative in $expected.Keys) {
        $path = Join-Path $module $relative
        if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { $problems.Add("missing: $relative"); continue }
        $source = $expected[$relative]
        if ($null -eq $source) {
            if ((Get-Item -LiteralPath $path).Length -eq 0) { $problems.Add("empty: $relative") }
        }
        elseif ((Get-FileSha256 $path) -ne (Get-FileSha256 $source)) {
            $problems.Add("out of date: $relative is not the build's copy of $([IO.Path]::GetRelativePath($root, $source)) in the repository")
        }
    }
    foreach ($f in Get-ChildItem -LiteralPath $module -File -Recurse -Force) {
        $relative = [IO.Path]::GetRelativePath($module, $f.FullName).Replace('\', '/')
        if (-not $expected.Contains($relative)) { $problems.Add("not made by the build: $relative") }
    }
    $problems
}

function Invoke-PackageTask {
    $module = if ($ModuleFolder) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($ModuleFolder) } else { Join-Path $out 'BinancePostman' }
    $destination = if ($OutputPath) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath) } else { $out }
    $problems = @(Test-ModuleFolder $module)
    if ($problems.Count -gt 0) {
        throw "The module folder $module cannot be packaged:`n  - $($problems -join "`n  - ")`n" +
            "Run dotnet build (or ./build.ps1 -Task Package without -NoBuild), and remove any file added there by hand."
    }
    if (-not (Get-Command Compress-PSResource -ErrorAction SilentlyContinue)) {
        throw 'Package needs PSResourceGet 1.1 or later (Compress-PSResource), built into PowerShell 7.4 and later: run this with dotnet pwsh, or Install-Module Microsoft.PowerShell.PSResourceGet.'
    }
    if (Get-Command git -ErrorAction SilentlyContinue) {
        $changes = @(& git -C $root status --porcelain 2>$null)
        if ($LASTEXITCODE -eq 0 -and $changes.Count -gt 0) {
            Write-Warning "The working tree has $($changes.Count) uncommitted change(s): this package matches no commit. Commit before packaging a release."
        }
    }
    $manifest = Import-PowerShellDataFile (Join-Path $module 'BinancePostman.psd1')
    $version = [string]$manifest.ModuleVersion
    if ($manifest.PrivateData.PSData.ContainsKey('Prerelease')) { $version += '-' + $manifest.PrivateData.PSData['Prerelease'] }
    New-Item -ItemType Directory -Path $destination -Force | Out-Null
    $nupkg = Join-Path $destination "BinancePostman.$version.nupkg"
    Remove-Item -LiteralPath $nupkg -ErrorAction SilentlyContinue
    Compress-PSResource -Path $module -DestinationPath $destination
    if (-not (Test-Path -LiteralPath $nupkg)) { throw "Compress-PSResource did not write $nupkg." }
    Write-Host "Package: $nupkg"
}

foreach ($t in ($tasks | Select-Object -Unique)) {
    switch ($t) {
        'Build' { Invoke-BuildTask }
        'Test' { if (-not $NoBuild -and -not $script:built) { Invoke-BuildTask }; Invoke-TestTask }
        'Bench' { Invoke-BenchTask }
        'Package' { if (-not $NoBuild -and -not $script:built) { Invoke-BuildTask }; Invoke-PackageTask }
    }
}
