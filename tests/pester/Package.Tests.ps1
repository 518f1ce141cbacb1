# build.ps1 -Task Package and the way admins install: the nupkg made from out/BinancePostman is published to a
# temporary folder repository, installed with Install-PSResource, imported by name in a fresh runspace, used against
# the fake exchange, and uninstalled. All of that runs in a child pwsh whose HOME is a temporary folder, so
# PSResourceGet's repository list and the CurrentUser module path are the child's own: the user's are never touched.
# (Windows ignores HOME for those folders: there the child saves the module into a temporary path with
# Save-PSResource instead of Install-PSResource, and unregisters the repository it registered.)

Describe 'Packaging and installing with PSResourceGet' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $build = Join-Path (Get-RepoRoot) 'build.ps1'
        $module = Get-ModulePath
        $packages = Join-Path $TestDrive 'packages'
        $exchange = Start-FakeExchange
        $repositoriesBefore = @(Get-PSResourceRepository | ForEach-Object Name)

        & $build -Task Package -NoBuild -OutputPath $packages 6>$null 3>$null
        $nupkg = Get-ChildItem $packages -Filter 'BinancePostman.*.nupkg'

        $child = Join-Path $TestDrive 'install.ps1'
        Set-Content -LiteralPath $child -Value @'
param([string] $Nupkg, [string] $Repository, [string] $Modules, [string] $BaseUri)
$ErrorActionPreference = 'Stop'
$name = 'BinancePostmanTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)
$result = [ordered]@{}
try {
    Register-PSResourceRepository -Name $name -Uri $Repository -Trusted
    Publish-PSResource -NupkgPath $Nupkg -Repository $name
    $found = Find-PSResource BinancePostman -Repository $name
    $result.Found = $found.Version.ToString()
    $result.ProjectUri = [string]$found.ProjectUri
    if ($IsWindows) {
        Save-PSResource BinancePostman -Repository $name -Path $Modules -TrustRepository
        $env:PSModulePath = $Modules + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    else {
        Install-PSResource BinancePostman -Repository $name -TrustRepository
        $result.Installed = (Get-InstalledPSResource BinancePostman).InstalledLocation
    }
    # import by name in a fresh runspace, as a new session would
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
            param($base)
            Import-Module BinancePostman
            [pscustomobject]@{
                ModuleBase = (Get-Module BinancePostman).ModuleBase
                Endpoints  = @(Get-BinanceEndpoint).Count
                Asks       = @((Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -BaseUri $base).asks).Count
                Violations = @(Test-BinanceOrder BTCUSDT BUY LIMIT -Quantity 0.000015 -Price 20000 -BaseUri $base | ForEach-Object Filter)
                Help       = (Get-Help Test-BinanceOrder).Synopsis
            }
        }).AddArgument($BaseUri)
    $imported = $ps.Invoke()
    if ($ps.Streams.Error.Count -gt 0) { throw $ps.Streams.Error[0] }
    $ps.Dispose()
    $result.Imported = $imported[0]
    if (-not $IsWindows) {
        Uninstall-PSResource BinancePostman
        $result.AfterUninstall = @(Get-InstalledPSResource BinancePostman -ErrorAction SilentlyContinue).Count
    }
}
finally {
    Unregister-PSResourceRepository -Name $name -ErrorAction SilentlyContinue
    $result.RepositoriesLeft = @(Get-PSResourceRepository | Where-Object Name -EQ $name).Count
}
$result | ConvertTo-Json -Depth 4 -Compress
'@

        # the same PowerShell that runs the tests, started afresh: pwsh itself, or dotnet with pwsh.dll
        $home_ = Join-Path $TestDrive 'home'
        New-Item -ItemType Directory -Path $home_, (Join-Path $TestDrive 'repository') | Out-Null
        $psi = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($a in '-NoProfile', '-NonInteractive', '-File', $child, '-Nupkg', $nupkg.FullName, '-Repository', (Join-Path $TestDrive 'repository'),
            '-Modules', (Join-Path $TestDrive 'modules'), '-BaseUri', $exchange.BaseUri) { $psi.ArgumentList.Add($a) }
        $psi.Environment['HOME'] = $home_
        foreach ($v in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PSModulePath') { $null = $psi.Environment.Remove($v) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($psi)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        $childErrors = $stderr.Result
        $installed = ($stdout -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
    }

    AfterAll {
        Stop-FakeExchange $exchange
    }

    It 'build.ps1 -Task Package makes BinancePostman.(version).nupkg with the gallery''s metadata from the manifest' {
        $manifest = Import-PowerShellDataFile (Join-Path (Get-RepoRoot) 'BinancePostman.psd1')
        $nupkg.Name | Should -Be "BinancePostman.$($manifest.ModuleVersion).nupkg"
        $zip = [System.IO.Compression.ZipFile]::OpenRead($nupkg.FullName)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('BinancePostman.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
            $entries = @($zip.Entries.FullName)
        }
        finally { $zip.Dispose() }
        $meta = $nuspec.package.metadata
        $meta.description | Should -Be $manifest.Description
        $meta.projectUrl | Should -Be $manifest.PrivateData.PSData.ProjectUri
        $meta.licenseUrl | Should -Be $manifest.PrivateData.PSData.LicenseUri
        $meta.releaseNotes | Should -Match '^0\.1\.0'
        $meta.tags -split ' ' | Should -Contain 'PSEdition_Desktop'
        $entries | Should -Contain 'BinancePostman.dll'
        $entries | Should -Contain 'en-US/BinancePostman.dll-Help.xml'
        $entries | Should -Contain 'collections/spot.postman_collection.json'
        $entries | Should -Contain 'environments/spot/spot-testnet.postman_environment.json'
    }

    It 'installs from a folder repository with Install-PSResource, imports by name, lists endpoints and calls the exchange' {
        $childErrors | Should -BeNullOrEmpty
        $installed.Found | Should -Be (Import-PowerShellDataFile (Join-Path (Get-RepoRoot) 'BinancePostman.psd1')).ModuleVersion
        $installed.ProjectUri | Should -Match '^https://'
        $installed.Imported.ModuleBase | Should -BeLike ((Join-Path $TestDrive '*'))
        # as many endpoints as the module folder the package was made from lists
        $fromFolder = & (Get-Command dotnet).Source pwsh -NoProfile -Command "Import-Module '$module'; @(Get-BinanceEndpoint).Count"
        $installed.Imported.Endpoints | Should -Be ([int]$fromFolder)
        $installed.Imported.Asks | Should -Be 5
        $installed.Imported.Violations | Should -Be @('LOT_SIZE', 'NOTIONAL')
        $installed.Imported.Help | Should -Match 'symbol''s filters'
        if (-not $IsWindows) {
            $installed.Installed | Should -BeLike ((Join-Path $home_ '*'))
            $installed.AfterUninstall | Should -Be 0
        }
        $installed.RepositoriesLeft | Should -Be 0
    }

    It 'leaves the user''s repositories as they were' {
        @(Get-PSResourceRepository | ForEach-Object Name) | Should -Be $repositoriesBefore
    }

    It 'refuses a module folder that is missing, stale or has files the build does not make, and says what' {
        { & $build -Task Package -NoBuild -ModuleFolder (Join-Path $TestDrive 'nothing') -OutputPath $packages 6>$null } |
            Should -Throw -ExpectedMessage '*the folder does not exist*Run dotnet build*'
        $copy = Join-Path $TestDrive 'copy'
        Copy-Item $module $copy -Recurse
        Remove-Item (Join-Path $copy 'en-US/BinancePostman.dll-Help.xml')
        Add-Content (Join-Path $copy 'BinancePostman.psd1') '# edited by hand'
        Set-Content (Join-Path $copy 'collections/notes.txt') 'scratch'
        $message = try { & $build -Task Package -NoBuild -ModuleFolder $copy -OutputPath (Join-Path $TestDrive 'refused') 6>$null 3>$null } catch { $_.Exception.Message }
        $message | Should -Match 'missing: en-US/BinancePostman\.dll-Help\.xml'
        $message | Should -Match 'out of date: BinancePostman\.psd1'
        $message | Should -Match 'not made by the build: collections/notes\.txt'
        Test-Path (Join-Path $TestDrive 'refused') | Should -BeFalse
    }
}
