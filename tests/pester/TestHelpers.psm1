# Shared by the Pester files: where things are, and a fresh pwsh to run a script in isolation.

$script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-RepoRoot { $script:Repo }
function Get-ModulePath { Join-Path $script:Repo 'out/BinancePostman' }
function Get-SharedFixtures { Join-Path $script:Repo '../shared/fixtures' | Resolve-Path | Select-Object -ExpandProperty Path }

Export-ModuleMember -Function Get-RepoRoot, Get-ModulePath, Get-SharedFixtures
