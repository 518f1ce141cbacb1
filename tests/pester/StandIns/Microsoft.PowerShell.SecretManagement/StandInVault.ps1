# The vault extension half of the stand-in: the functions an extension vault module exports (Get-Secret, Set-Secret,
# Remove-Secret, Get-SecretInfo with -Name, -VaultName, -AdditionalParameters). They run only inside the one runspace
# the stand-in keeps for the whole process, as SecretManagement 1.1.2 runs every extension vault in one static runspace.
# Each call takes a little time, as a real vault does (decrypting a file, a round trip to a service): long enough that
# two runspaces calling at once overlap for sure: 25 ms, or BP_STANDIN_VAULT_DELAY_MS, or the vault's own
# StandInDelayMs. Vault parameters (Register-SecretVault -VaultParameters, passed as -AdditionalParameters as the real
# module does): StandInDelayMs = a slow vault; StandInFailure = every call of that vault throws this message, as a vault
# whose backing store is unreachable does.

function Read-VaultStore {
    $file = $env:BP_STANDIN_VAULT_FILE
    if (-not $file) { throw 'BP_STANDIN_VAULT_FILE is not set (test stand-in).' }
    if (-not (Test-Path -LiteralPath $file)) { return @{ vaults = @{}; default = $null; parameters = @{} } }
    Get-Content -LiteralPath $file -Raw | ConvertFrom-Json -AsHashtable
}

function Write-VaultStore($store) {
    $store | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $env:BP_STANDIN_VAULT_FILE
}

function Enter-VaultWork([hashtable] $AdditionalParameters) {
    $delay = 25
    if ($env:BP_STANDIN_VAULT_DELAY_MS) { $delay = [int] $env:BP_STANDIN_VAULT_DELAY_MS }
    if ($AdditionalParameters -and $AdditionalParameters['StandInDelayMs']) { $delay = [int] $AdditionalParameters['StandInDelayMs'] }
    Start-Sleep -Milliseconds $delay
    if ($AdditionalParameters -and $AdditionalParameters['StandInFailure']) { throw [string] $AdditionalParameters['StandInFailure'] }
}

function ConvertTo-Plain([securestring] $s) { [System.Net.NetworkCredential]::new('', $s).Password }

function ConvertTo-Stored($secret) {
    if ($secret -is [psobject]) { $secret = $secret.psobject.BaseObject }
    # if/elseif, not switch: switch would enumerate a byte[]
    if ($secret -is [string]) { return @{ type = 'String'; value = $secret } }
    if ($secret -is [securestring]) { return @{ type = 'SecureString'; value = (ConvertTo-Plain $secret) } }
    if ($secret -is [pscredential]) { return @{ type = 'PSCredential'; user = $secret.UserName; value = $secret.GetNetworkCredential().Password } }
    if ($secret -is [byte[]]) { return @{ type = 'ByteArray'; value = [Convert]::ToBase64String($secret) } }
    if ($secret -is [hashtable]) {
        $h = @{}
        foreach ($k in $secret.Keys) {
            $v = $secret[$k]
            if ($v -is [psobject]) { $v = $v.psobject.BaseObject }
            if ($v -is [securestring]) { $h[$k] = @{ type = 'SecureString'; value = (ConvertTo-Plain $v) } }
            elseif ($v -is [string]) { $h[$k] = @{ type = 'String'; value = $v } }
            else { throw "Hashtable secret values must be string, SecureString, PSCredential or byte[]: '$k'" }
        }
        return @{ type = 'Hashtable'; value = $h }
    }
    throw "Secret type '$($secret.GetType().FullName)' is not supported."
}

# What an extension vault hands back: each type as it was stored (string, SecureString, PSCredential, byte[], Hashtable);
# the SecretManagement half converts strings to SecureString unless -AsPlainText.
function ConvertFrom-Stored($stored) {
    switch ($stored.type) {
        'String' { return [string] $stored.value }
        'SecureString' { return (ConvertTo-SecureString $stored.value -AsPlainText -Force) }
        'PSCredential' { return [pscredential]::new($stored.user, (ConvertTo-SecureString $stored.value -AsPlainText -Force)) }
        'ByteArray' { return , [Convert]::FromBase64String($stored.value) }
        'Hashtable' {
            $h = @{}
            foreach ($k in $stored.value.Keys) {
                $v = $stored.value[$k]
                $h[$k] = if ($v.type -eq 'SecureString') { ConvertTo-SecureString $v.value -AsPlainText -Force } else { [string] $v.value }
            }
            return $h
        }
    }
}

function Get-Secret {
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Enter-VaultWork $AdditionalParameters
    $store = Read-VaultStore
    $secrets = $store.vaults[$VaultName]
    if ($secrets -and $secrets.ContainsKey($Name)) { ConvertFrom-Stored $secrets[$Name] }
}

function Get-SecretInfo {
    param([string] $Filter, [string] $VaultName, [hashtable] $AdditionalParameters)
    Enter-VaultWork $AdditionalParameters
    $store = Read-VaultStore
    $secrets = $store.vaults[$VaultName]
    if (-not $secrets) { return }
    foreach ($n in $secrets.Keys | Sort-Object) {
        if ($n -notlike $Filter) { continue }
        [pscustomobject]@{
            PSTypeName = 'Microsoft.PowerShell.SecretManagement.SecretInformation'
            Name       = $n
            Type       = $secrets[$n].type
            VaultName  = $VaultName
            Metadata   = @{}
        }
    }
}

function Set-Secret {
    param([string] $Name, [object] $Secret, [string] $VaultName, [hashtable] $AdditionalParameters)
    Enter-VaultWork $AdditionalParameters
    $store = Read-VaultStore
    $store.vaults[$VaultName][$Name] = ConvertTo-Stored $Secret
    Write-VaultStore $store
}

function Remove-Secret {
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Enter-VaultWork $AdditionalParameters
    $store = Read-VaultStore
    if (-not $store.vaults[$VaultName].ContainsKey($Name)) {
        Write-Error -Exception ([System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found in vault $VaultName.")) `
            -ErrorId 'RemoveSecretNotFound' -Category ObjectNotFound -TargetObject $Name
        return
    }
    $store.vaults[$VaultName].Remove($Name)
    Write-VaultStore $store
}
