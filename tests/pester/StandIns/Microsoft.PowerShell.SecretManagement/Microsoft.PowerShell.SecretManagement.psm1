# Stand-in store: { vaults: { <vault>: { <name>: { type, value } } }, default: <vault> }.
# Types as SecretManagement returns them: String (SecureString unless -AsPlainText), SecureString, PSCredential,
# Hashtable (string values as SecureString unless -AsPlainText), ByteArray.

function Get-StoreFile {
    if (-not $env:BP_STANDIN_VAULT_FILE) { throw 'BP_STANDIN_VAULT_FILE is not set (test stand-in).' }
    $env:BP_STANDIN_VAULT_FILE
}

function Read-Store {
    $file = Get-StoreFile
    if (-not (Test-Path $file)) { return @{ vaults = @{}; default = $null } }
    Get-Content $file -Raw | ConvertFrom-Json -AsHashtable
}

function Write-Store($store) {
    $store | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath (Get-StoreFile)
}

function ConvertTo-Plain([securestring] $s) { [System.Net.NetworkCredential]::new('', $s).Password }

function ConvertTo-Stored($secret) {
    if ($secret -is [psobject]) { $secret = $secret.BaseObject }
    switch ($secret) {
        { $_ -is [string] } { return @{ type = 'String'; value = $_ } }
        { $_ -is [securestring] } { return @{ type = 'SecureString'; value = (ConvertTo-Plain $_) } }
        { $_ -is [pscredential] } { return @{ type = 'PSCredential'; user = $_.UserName; value = $_.GetNetworkCredential().Password } }
        { $_ -is [byte[]] } { return @{ type = 'ByteArray'; value = [Convert]::ToBase64String($_) } }
        { $_ -is [hashtable] } {
            $h = @{}
            foreach ($k in $_.Keys) {
                $v = $_[$k]
                if ($v -is [securestring]) { $h[$k] = @{ type = 'SecureString'; value = (ConvertTo-Plain $v) } }
                elseif ($v -is [string]) { $h[$k] = @{ type = 'String'; value = $v } }
                else { throw "Hashtable secret values must be string, SecureString, PSCredential or byte[]: '$k'" }
            }
            return @{ type = 'Hashtable'; value = $h }
        }
        default { throw "Secret type '$($secret.GetType().FullName)' is not supported." }
    }
}

function ConvertFrom-Stored($stored, [bool] $plain) {
    switch ($stored.type) {
        'String' { if ($plain) { return $stored.value } else { return (ConvertTo-SecureString $stored.value -AsPlainText -Force) } }
        'SecureString' { if ($plain) { return $stored.value } else { return (ConvertTo-SecureString $stored.value -AsPlainText -Force) } }
        'PSCredential' { return [pscredential]::new($stored.user, (ConvertTo-SecureString $stored.value -AsPlainText -Force)) }
        'ByteArray' { return , [Convert]::FromBase64String($stored.value) }
        'Hashtable' {
            $h = @{}
            foreach ($k in $stored.value.Keys) {
                $v = $stored.value[$k]
                $h[$k] = if ($plain) { $v.value } else { ConvertTo-SecureString $v.value -AsPlainText -Force }
            }
            return $h
        }
    }
}

function Resolve-VaultName($store, [string] $Vault) {
    if ($Vault) {
        if (-not $store.vaults.ContainsKey($Vault)) {
            $err = [System.Management.Automation.ErrorRecord]::new(
                [System.Management.Automation.ItemNotFoundException]::new("Vault $Vault does not exist in registry."),
                'GetSecretVaultNotFound', 'ObjectNotFound', $Vault)
            $PSCmdlet.ThrowTerminatingError($err)
        }
        return $Vault
    }
    return $store.default
}

function Register-SecretVault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [string] $ModuleName = 'StandIn', [switch] $DefaultVault, [hashtable] $VaultParameters)
    $store = Read-Store
    if (-not $store.vaults.ContainsKey($Name)) { $store.vaults[$Name] = @{} }
    if ($DefaultVault -or -not $store.default) { $store.default = $Name }
    Write-Store $store
}

function Unregister-SecretVault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Name)
    $store = Read-Store
    $store.vaults.Remove($Name)
    if ($store.default -eq $Name) { $store.default = $null }
    Write-Store $store
}

function Get-SecretVault {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string[]] $Name)
    $store = Read-Store
    foreach ($v in $store.vaults.Keys | Sort-Object) {
        if ($Name -and -not ($Name | Where-Object { $v -like $_ })) { continue }
        [pscustomobject]@{
            PSTypeName   = 'Microsoft.PowerShell.SecretManagement.SecretVaultInfo'
            Name         = $v
            ModuleName   = 'StandIn'
            IsDefault    = ($v -eq $store.default)
        }
    }
}

function Get-SecretInfo {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Name = '*', [Parameter(Position = 1)] [string] $Vault)
    $store = Read-Store
    $vaults = if ($Vault) { @(Resolve-VaultName $store $Vault) } else { @($store.vaults.Keys) }
    foreach ($v in $vaults) {
        foreach ($n in $store.vaults[$v].Keys | Sort-Object) {
            if ($n -notlike $Name) { continue }
            [pscustomobject]@{
                PSTypeName = 'Microsoft.PowerShell.SecretManagement.SecretInformation'
                Name       = $n
                Type       = $store.vaults[$v][$n].type
                VaultName  = $v
                Metadata   = @{}
            }
        }
    }
}

function Get-Secret {
    [CmdletBinding(DefaultParameterSetName = 'NameParameterSet')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'NameParameterSet')] [string] $Name,
        [Parameter(Position = 1, ParameterSetName = 'NameParameterSet')] [string] $Vault,
        [switch] $AsPlainText
    )
    $store = Read-Store
    $v = Resolve-VaultName $store $Vault
    $vaults = if ($v) { @($v) } else { @($store.vaults.Keys) }
    foreach ($candidate in $vaults) {
        if ($store.vaults[$candidate].ContainsKey($Name)) {
            return (ConvertFrom-Stored $store.vaults[$candidate][$Name] $AsPlainText.IsPresent)
        }
    }
    $err = [System.Management.Automation.ErrorRecord]::new(
        [System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found."),
        'GetSecretNotFound', 'ObjectNotFound', $Name)
    $PSCmdlet.WriteError($err)
}

function Set-Secret {
    [CmdletBinding(DefaultParameterSetName = 'SecureStringParameterSet', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline, ParameterSetName = 'ObjectParameterSet')] [object] $Secret,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline, ParameterSetName = 'SecureStringParameterSet')] [securestring] $SecureStringSecret,
        [Parameter(Position = 2)] [string] $Vault,
        [hashtable] $Metadata,
        [switch] $NoClobber
    )
    $store = Read-Store
    $v = Resolve-VaultName $store $Vault
    if (-not $v) { throw 'No vault given and no default vault registered.' }
    if ($NoClobber -and $store.vaults[$v].ContainsKey($Name)) { throw "A secret with name $Name already exists in vault $v." }
    $value = if ($PSCmdlet.ParameterSetName -eq 'SecureStringParameterSet') { $SecureStringSecret } else { $Secret }
    if ($PSCmdlet.ShouldProcess($Name, 'Set secret')) {
        $store.vaults[$v][$Name] = ConvertTo-Stored $value
        Write-Store $store
    }
}

function Remove-Secret {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [Parameter(Mandatory, Position = 1)] [string] $Vault
    )
    $store = Read-Store
    $v = Resolve-VaultName $store $Vault
    if (-not $store.vaults[$v].ContainsKey($Name)) {
        $err = [System.Management.Automation.ErrorRecord]::new(
            [System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found in vault $v."),
            'RemoveSecretNotFound', 'ObjectNotFound', $Name)
        $PSCmdlet.WriteError($err)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, 'Remove secret')) {
        $store.vaults[$v].Remove($Name)
        Write-Store $store
    }
}

Export-ModuleMember -Function Get-Secret, Set-Secret, Remove-Secret, Get-SecretInfo, Get-SecretVault, Register-SecretVault, Unregister-SecretVault
