# Stand-in for the SecretManagement half of Microsoft.PowerShell.SecretManagement 1.1.2: the vault registry, parameter
# binding, type conversion and error records, with the real messages and error ids. Secrets are read and written by
# the vault half (StandInVault.ps1) in ONE runspace shared by the whole process, as the real module does
# (PowerShellInvoker keeps a static runspace for all extension vaults). That makes it as rude as the real one: a call
# that arrives from another runspace while one is running fails with PowerShell's own "The pipeline was not run because
# a pipeline is already running. Pipelines cannot be run concurrently.", wrapped as "Unable to get secret <name> from
# vault <vault>" (GetSecretInvalidOperation) and followed by "The secret <name> was not found." (GetSecretNotFound).
# Store: JSON in $env:BP_STANDIN_VAULT_FILE, { vaults: { <vault>: { <name>: { type, value } } }, default, parameters }.

$script:VaultScript = Join-Path $PSScriptRoot 'StandInVault.ps1'
# an interned string is one object for every runspace of the process: the lock around creating the shared runspace
$script:RunspaceKey = [string]::Intern('BinancePostman.StandIn.SecretManagement.VaultRunspace')

function Get-StoreFile {
    if (-not $env:BP_STANDIN_VAULT_FILE) { throw 'BP_STANDIN_VAULT_FILE is not set (test stand-in).' }
    $env:BP_STANDIN_VAULT_FILE
}

function Read-Store {
    $file = Get-StoreFile
    if (-not (Test-Path -LiteralPath $file)) { return @{ vaults = @{}; default = $null; parameters = @{} } }
    $store = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json -AsHashtable
    if (-not $store.ContainsKey('parameters') -or $null -eq $store.parameters) { $store.parameters = @{} }
    $store
}

function Write-Store($store) {
    $store | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath (Get-StoreFile)
}

function Get-VaultRunspace {
    [System.Threading.Monitor]::Enter($script:RunspaceKey)
    try {
        $runspace = [AppDomain]::CurrentDomain.GetData($script:RunspaceKey)
        if ($null -eq $runspace -or $runspace.RunspaceStateInfo.State -ne 'Opened') {
            $runspace = [runspacefactory]::CreateRunspace()
            $runspace.Open()
            $load = [powershell]::Create()
            try {
                $load.Runspace = $runspace
                $null = $load.AddScript(". '$($script:VaultScript -replace "'", "''")'", $false).Invoke()
            }
            finally { $load.Dispose() }
            [AppDomain]::CurrentDomain.SetData($script:RunspaceKey, $runspace)
        }
        $runspace
    }
    finally { [System.Threading.Monitor]::Exit($script:RunspaceKey) }
}

# One vault command in the shared runspace, the way PowerShellInvoker.InvokeScriptWithHost does it: a new PowerShell
# on the static runspace, no lock. Returns @{ Results; Errors; Failure } (Failure: the exception that stopped the call).
# Waited for, not caught: a try/catch here would add the exception to the caller's -ErrorVariable, which the real
# module (C#) does not.
function Invoke-VaultCommand([string] $Command, [hashtable] $Parameters) {
    $ps = [powershell]::Create()
    try {
        $ps.Runspace = Get-VaultRunspace
        $null = $ps.AddCommand($Command).AddParameters($Parameters)
        $pending = $ps.BeginInvoke()
        $null = $pending.AsyncWaitHandle.WaitOne()
        if ($ps.InvocationStateInfo.State -eq 'Failed') {
            return @{ Results = @(); Errors = @(); Failure = $ps.InvocationStateInfo.Reason }
        }
        $results = $ps.EndInvoke($pending)
        @{ Results = @($results | Where-Object { $null -ne $_ }); Errors = @($ps.Streams.Error); Failure = $null }
    }
    finally { $ps.Dispose() }
}

function New-VaultParameters($store, [string] $Vault) {
    $p = @{}
    $registered = $store.parameters[$Vault]
    if ($registered) { foreach ($k in $registered.Keys) { $p[$k] = $registered[$k] } }
    $p['Verbose'] = $false
    $p
}

function Assert-Vault($store, [string] $Vault) {
    if (-not $store.vaults.ContainsKey($Vault)) {
        $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                [System.Management.Automation.PSInvalidOperationException]::new("Vault not found in registry: $Vault"),
                'GetSecretVaultNotFound', 'ObjectNotFound', $Vault))
    }
}

function New-VaultFailure([string] $Message, [System.Exception] $Inner, [string] $ErrorId, $Target) {
    [System.Management.Automation.ErrorRecord]::new(
        [System.Management.Automation.PSInvalidOperationException]::new($Message, $Inner), $ErrorId, 'InvalidOperation', $Target)
}

function ConvertTo-Returned($item, [bool] $Plain) {
    if ($item -is [psobject]) { $item = $item.psobject.BaseObject }
    if (-not $Plain -and $item -is [string]) { return (ConvertTo-SecureString $item -AsPlainText -Force) }
    if ($Plain -and $item -is [securestring]) { return [System.Net.NetworkCredential]::new('', $item).Password }
    , $item   # a byte[] stays one object
}

function Register-SecretVault {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [Parameter(Mandatory, Position = 1)] [string] $ModuleName,
        [hashtable] $VaultParameters,
        [switch] $DefaultVault,
        [switch] $AllowClobber,
        [string] $Description,
        [switch] $PassThru
    )
    $store = Read-Store
    if (-not $store.vaults.ContainsKey($Name)) { $store.vaults[$Name] = @{} }
    $store.parameters[$Name] = if ($VaultParameters) { $VaultParameters } else { @{} }
    if ($DefaultVault -or -not $store.default) { $store.default = $Name }
    if ($PSCmdlet.ShouldProcess($Name, 'Register module as a SecretManagement extension vault for current user')) { Write-Store $store }
}

function Unregister-SecretVault {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0)] [string[]] $Name)
    $store = Read-Store
    foreach ($n in $Name) {
        $store.vaults.Remove($n)
        $store.parameters.Remove($n)
        if ($store.default -eq $n) { $store.default = $null }
    }
    if ($PSCmdlet.ShouldProcess(($Name -join ', '), 'Unregister vault')) { Write-Store $store }
}

# Like the real one, answered from the registry alone: it never enters the vault runspace.
function Get-SecretVault {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string[]] $Name = @('*'))
    $store = Read-Store
    foreach ($pattern in $Name) {
        $matched = @($store.vaults.Keys | Sort-Object | Where-Object { $_ -like $pattern })
        if ($matched.Count -eq 0 -and -not [WildcardPattern]::ContainsWildcardCharacters($pattern)) {
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                    [System.Management.Automation.ItemNotFoundException]::new("Vault $pattern does not exist in registry."),
                    'GetSecretVaultNotFound', 'ObjectNotFound', $pattern))
            continue
        }
        foreach ($v in $matched) {
            [pscustomobject]@{
                PSTypeName      = 'Microsoft.PowerShell.SecretManagement.SecretVaultInfo'
                Name            = $v
                ModuleName      = 'StandIn'
                VaultParameters = $store.parameters[$v]
                IsDefault       = ($v -eq $store.default)
            }
        }
    }
}

function Get-SecretInfo {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Name = '*', [Parameter(Position = 1)] [string] $Vault)
    $store = Read-Store
    $vaults = if ($Vault) { Assert-Vault $store $Vault; @($Vault) } else { @($store.vaults.Keys | Sort-Object) }
    foreach ($v in $vaults) {
        $call = Invoke-VaultCommand Get-SecretInfo @{ Filter = $Name; VaultName = $v; AdditionalParameters = (New-VaultParameters $store $v) }
        foreach ($e in $call.Errors) { $PSCmdlet.WriteError($e) }
        if ($call.Failure) {
            $PSCmdlet.WriteError((New-VaultFailure "Unable to get secret information from vault $v" $call.Failure 'GetSecretInfoInvalidOperation' $v))
            continue
        }
        $call.Results
    }
}

function Get-Secret {
    [CmdletBinding(DefaultParameterSetName = 'NameParameterSet')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ParameterSetName = 'NameParameterSet')] [string] $Name,
        [Parameter(Position = 1, ParameterSetName = 'NameParameterSet')] [string] $Vault,
        [switch] $AsPlainText
    )
    process {
        $store = Read-Store
        if ($Vault) {
            Assert-Vault $store $Vault
            $order = @($Vault)
        }
        else {
            $order = @(@($store.default) + @($store.vaults.Keys | Sort-Object | Where-Object { $_ -ne $store.default }) | Where-Object { $_ })
        }
        foreach ($v in $order) {
            $call = Invoke-VaultCommand Get-Secret @{ Name = $Name; VaultName = $v; AdditionalParameters = (New-VaultParameters $store $v) }
            foreach ($e in $call.Errors) { $PSCmdlet.WriteError($e) }
            if ($call.Failure) {
                $PSCmdlet.WriteError((New-VaultFailure "Unable to get secret $Name from vault $v" $call.Failure 'GetSecretInvalidOperation' $v))
                continue
            }
            if ($call.Results.Count -eq 0) { continue }
            $secret = $call.Results[0]
            if ($secret -is [psobject]) { $secret = $secret.psobject.BaseObject }
            if ($secret -is [hashtable]) {
                $converted = @{}
                foreach ($k in $secret.Keys) { $converted[$k] = ConvertTo-Returned $secret[$k] $AsPlainText.IsPresent }
                $secret = $converted
            }
            else { $secret = ConvertTo-Returned $secret $AsPlainText.IsPresent }
            $PSCmdlet.WriteObject($secret, $false)
            return
        }
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                [System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found."),
                'GetSecretNotFound', 'ObjectNotFound', $Name))
    }
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
    process {
        if (-not $PSCmdlet.ShouldProcess($Vault, 'Write secret to vault and override any existing secret of the same name')) { return }
        $store = Read-Store
        if ($Vault) { Assert-Vault $store $Vault; $v = $Vault }
        elseif ($store.default) { $v = $store.default }
        else {
            $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                    [System.Management.Automation.PSInvalidOperationException]::new('Unable to set secret because no vault was provided and there is no default vault designated.'),
                    'SetSecretCommandFailNoVault', 'InvalidOperation', $Name))
        }
        # an assignment, not `$value = if ...`: statement output would unroll a byte[]
        $value = $Secret
        if ($PSCmdlet.ParameterSetName -eq 'SecureStringParameterSet') { $value = $SecureStringSecret }
        if ($value -is [psobject]) { $value = $value.psobject.BaseObject }
        $parameters = New-VaultParameters $store $v
        if ($NoClobber) {
            $existing = Invoke-VaultCommand Get-Secret @{ Name = $Name; VaultName = $v; AdditionalParameters = $parameters }
            if ($existing.Results.Count -gt 0) {
                $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                        [System.Management.Automation.PSInvalidOperationException]::new("A secret with name $Name already exists in vault $v."),
                        'SetSecretCommandAlreadyExistsWithNoClobber', 'ResourceExists', $Name))
            }
        }
        $call = Invoke-VaultCommand Set-Secret @{ Name = $Name; Secret = $value; VaultName = $v; AdditionalParameters = $parameters }
        foreach ($e in $call.Errors) { $PSCmdlet.WriteError($e) }
        if ($call.Failure) {
            $PSCmdlet.WriteError((New-VaultFailure "Unable to add secret $Name to vault $v" $call.Failure 'SetSecretInvalidOperation' $v))
        }
    }
}

function Remove-Secret {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [string] $Name,
        [Parameter(Mandatory, Position = 1, ValueFromPipelineByPropertyName)] [string] $Vault
    )
    process {
        if (-not $PSCmdlet.ShouldProcess($Vault, 'Remove secret by name from vault')) { return }
        $store = Read-Store
        Assert-Vault $store $Vault
        $call = Invoke-VaultCommand Remove-Secret @{ Name = $Name; VaultName = $Vault; AdditionalParameters = (New-VaultParameters $store $Vault) }
        foreach ($e in $call.Errors) { $PSCmdlet.WriteError($e) }
        if ($call.Failure) {
            $PSCmdlet.WriteError((New-VaultFailure "Unable to remove secret $Name from vault $Vault" $call.Failure 'RemoveSecretInvalidOperation' $Vault))
        }
    }
}

Export-ModuleMember -Function Get-Secret, Set-Secret, Remove-Secret, Get-SecretInfo, Get-SecretVault, Register-SecretVault, Unregister-SecretVault
