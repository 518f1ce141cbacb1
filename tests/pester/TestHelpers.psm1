# Shared by the Pester files: where things are, and the fake exchange as a process on 127.0.0.1.

$script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-RepoRoot { $script:Repo }
function Get-ModulePath { Join-Path $script:Repo 'out/BinancePostman' }
function Get-SharedFixtures { Join-Path $script:Repo '../shared/fixtures' | Resolve-Path | Select-Object -ExpandProperty Path }
function Get-SigningVectors { Get-Content (Join-Path (Get-SharedFixtures) 'signing-vectors/vectors.json') -Raw | ConvertFrom-Json }

function Start-FakeExchange {
    <# Starts the fake exchange built with the solution; returns an object with BaseUri and the process. #>
    $dll = Get-ChildItem (Join-Path $script:Repo 'tests/BinancePostman.FakeExchange/bin') -Recurse -Filter 'BinancePostman.FakeExchange.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'The fake exchange is not built. Run: dotnet build' }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll.FullName, '--port', '0', '--keys', (Join-Path (Get-SharedFixtures) 'signing-vectors'))) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardInput = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $task = $process.StandardOutput.ReadLineAsync()
    if (-not $task.Wait(20000)) { $process.Kill(); throw 'The fake exchange did not start within 20 s.' }
    if ($task.Result -notmatch 'Listening on (http://127\.0\.0\.1:\d+)') { $process.Kill(); throw "Unexpected first line from the fake exchange: $($task.Result)" }
    [pscustomobject]@{ BaseUri = $Matches[1]; Process = $process }
}

function Stop-FakeExchange($Exchange) {
    if ($Exchange -and -not $Exchange.Process.HasExited) {
        $Exchange.Process.Kill()
        $Exchange.Process.WaitForExit(5000) | Out-Null
    }
}

function Reset-FakeExchange($Exchange) {
    Invoke-RestMethod -Method Post -Uri "$($Exchange.BaseUri)/__fake/reset" | Out-Null
}

function Set-FakeExchange($Exchange, [hashtable] $Config) {
    Invoke-RestMethod -Method Post -Uri "$($Exchange.BaseUri)/__fake/config" -ContentType 'application/json' -Body ($Config | ConvertTo-Json -Depth 5) | Out-Null
}

function Get-FakeRequests($Exchange) {
    # Invoke-RestMethod writes a JSON array as one object: enumerate it
    (Invoke-RestMethod -Uri "$($Exchange.BaseUri)/__fake/requests") | ForEach-Object { $_ }
}

function Start-LoopbackProxy {
    <# Starts the loopback forward proxy (the fake exchange's --proxy mode); returns an object with Uri and the process (Stop-FakeExchange stops it). #>
    $dll = Get-ChildItem (Join-Path $script:Repo 'tests/BinancePostman.FakeExchange/bin') -Recurse -Filter 'BinancePostman.FakeExchange.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'The fake exchange is not built. Run: dotnet build' }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll.FullName, '--proxy', '--port', '0')) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardInput = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $task = $process.StandardOutput.ReadLineAsync()
    if (-not $task.Wait(20000)) { $process.Kill(); throw 'The loopback proxy did not start within 20 s.' }
    if ($task.Result -notmatch 'Listening on (http://127\.0\.0\.1:\d+)') { $process.Kill(); throw "Unexpected first line from the loopback proxy: $($task.Result)" }
    [pscustomobject]@{ Uri = $Matches[1]; Process = $process }
}

function Reset-LoopbackProxy($Proxy, [string] $RequireCredentials) {
    # the proxy's own control requests go straight to it, never through a proxy
    $query = if ($RequireCredentials) { '?auth=' + [uri]::EscapeDataString($RequireCredentials) } else { '' }
    Invoke-RestMethod -Method Post -Uri "$($Proxy.Uri)/__proxy/reset$query" -NoProxy | Out-Null
}

function Get-ProxyLog($Proxy) {
    (Invoke-RestMethod -Uri "$($Proxy.Uri)/__proxy/log" -NoProxy) | ForEach-Object { $_ }
}

Export-ModuleMember -Function Get-RepoRoot, Get-ModulePath, Get-SharedFixtures, Get-SigningVectors, Start-FakeExchange, Stop-FakeExchange, Reset-FakeExchange, Set-FakeExchange, Get-FakeRequests,
    Start-LoopbackProxy, Reset-LoopbackProxy, Get-ProxyLog
