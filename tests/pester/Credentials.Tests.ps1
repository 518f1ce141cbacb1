BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $standIns = Join-Path $PSScriptRoot 'StandIns'
    $env:BP_STANDIN_VAULT_FILE = Join-Path $TestDrive 'vaults.json'
    $savedPath = $env:PSModulePath
    $env:PSModulePath = $standIns + [IO.Path]::PathSeparator + $env:PSModulePath
    Import-Module (Get-ModulePath) -Force
    Microsoft.PowerShell.SecretManagement\Register-SecretVault -Name TestVault -ModuleName StandIn -DefaultVault
    $vectors = Get-SigningVectors
    $hmacKey = $vectors.hmac[0].apiKey
    $hmacSecret = $vectors.hmac[0].secret
    $secureSecret = ConvertTo-SecureString $hmacSecret -AsPlainText -Force
    $signingDir = Join-Path (Get-SharedFixtures) 'signing-vectors'
}

AfterAll {
    Disconnect-Binance
    $env:PSModulePath = $savedPath
}

Describe 'Set-BinanceCredential' {
    It 'stores one Hashtable secret with ApiKey and ApiSecret as SecureString' {
        Set-BinanceCredential -Vault TestVault -SecretName spot-hmac -ApiKey $hmacKey -ApiSecret $secureSecret
        $stored = Microsoft.PowerShell.SecretManagement\Get-Secret -Name spot-hmac -Vault TestVault
        $stored | Should -BeOfType [hashtable]
        $stored.ApiKey | Should -BeOfType [securestring]
        [Net.NetworkCredential]::new('', $stored.ApiSecret).Password | Should -Be $hmacSecret
    }

    It 'stores a PEM private key read once from a file, with its passphrase' {
        $pass = ConvertTo-SecureString 'password' -AsPlainText -Force
        Set-BinanceCredential -Vault TestVault -SecretName rsa-enc -ApiKey 'rsa-api-key-0001' -PrivateKeyPath (Join-Path $signingDir 'rsa-2048-pkcs8-encrypted.pem') -PrivateKeyPassphrase $pass
        $stored = Microsoft.PowerShell.SecretManagement\Get-Secret -Name rsa-enc -Vault TestVault -AsPlainText
        $stored.PrivateKey | Should -Match 'BEGIN ENCRYPTED PRIVATE KEY'
        $stored.PrivateKeyPassphrase | Should -Be 'password'
    }

    It 'refuses a wrong passphrase before storing anything' {
        $bad = ConvertTo-SecureString 'wrong' -AsPlainText -Force
        { Set-BinanceCredential -Vault TestVault -SecretName rsa-bad -ApiKey k -PrivateKeyPath (Join-Path $signingDir 'rsa-2048-pkcs8-encrypted.pem') -PrivateKeyPassphrase $bad } |
            Should -Throw -ErrorId 'BinancePostman.KeyMaterial.WrongPassphrase*'
        Microsoft.PowerShell.SecretManagement\Get-SecretInfo -Name rsa-bad -Vault TestVault | Should -BeNullOrEmpty
    }

    It 'refuses a plain-text -ApiSecret without echoing it' {
        $err = $null
        try { Set-BinanceCredential -Vault TestVault -SecretName x -ApiKey k -ApiSecret 'plain-text-secret-value' } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        "$err" | Should -Match 'SecureString'
        # the script line a user typed is theirs to see; what the module says must not repeat the value
        $messages = @($err.Exception.Message, $err.Exception.InnerException.Message, $err.ErrorDetails.Message) -join ' '
        $messages | Should -Not -Match 'plain-text-secret-value'
    }

    It 'supports -WhatIf' {
        Set-BinanceCredential -Vault TestVault -SecretName whatif -ApiKey $hmacKey -ApiSecret $secureSecret -WhatIf
        Microsoft.PowerShell.SecretManagement\Get-SecretInfo -Name whatif -Vault TestVault | Should -BeNullOrEmpty
    }
}

Describe 'Connect-Binance and the session' {
    It 'connects from a vault and shows the key masked, never the secret' {
        $c = Connect-Binance -Network Testnet -Vault TestVault -SecretName spot-hmac -PassThru
        $c.Network | Should -Be 'Testnet'
        $c.KeyType | Should -Match 'HMAC'
        $c.ApiKey | Should -Be ($hmacKey.Substring(0, 4) + '********' + $hmacKey.Substring($hmacKey.Length - 4))
        ($c | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($hmacSecret))
        (Get-BinanceConnection).Network | Should -Be 'Testnet'
    }

    It 'connects with an Ed25519 key file' {
        $c = Connect-Binance -ApiKey 'ed-key-0001' -PrivateKeyPath (Join-Path $signingDir 'ed25519.pem') -PassThru
        $c.KeyType | Should -Match 'Ed25519'
        $c.Network | Should -Be 'Production'
    }

    It 'forgets the session on Disconnect-Binance' {
        Disconnect-Binance
        Get-BinanceConnection | Should -BeNullOrEmpty
    }
}

Describe 'Bad key sources' {
    It 'names a missing secret' {
        { Connect-Binance -Vault TestVault -SecretName nope } | Should -Throw -ErrorId 'BinancePostman.Credential.SecretNotFound*'
    }

    It 'names an unregistered vault' {
        { Connect-Binance -Vault NoSuchVault -SecretName x } | Should -Throw -ErrorId 'BinancePostman.Credential.VaultNotFound*'
    }

    It 'refuses a secret of the wrong shape' {
        Microsoft.PowerShell.SecretManagement\Set-Secret -Name just-a-string -Secret 'some-text' -Vault TestVault
        { Connect-Binance -Vault TestVault -SecretName just-a-string } | Should -Throw -ErrorId 'BinancePostman.Credential.WrongShape*'
    }

    It 'accepts a PSCredential secret (user = API key, password = secret)' {
        Microsoft.PowerShell.SecretManagement\Set-Secret -Name as-cred -Secret ([pscredential]::new($hmacKey, $secureSecret)) -Vault TestVault
        (Connect-Binance -Vault TestVault -SecretName as-cred -PassThru).KeyType | Should -Match 'HMAC'
        Disconnect-Binance
    }

    It 'says to install SecretManagement when it is not there' {
        $script = @"
`$env:PSModulePath = (`$env:PSModulePath -split [IO.Path]::PathSeparator | Where-Object { `$_ -notlike '*StandIns*' }) -join [IO.Path]::PathSeparator
Import-Module '$(Get-ModulePath)'
try { Connect-Binance -Vault V -SecretName S } catch { `$_.FullyQualifiedErrorId; `$_.ErrorDetails.RecommendedAction }
"@
        $out = & dotnet pwsh -NoProfile -NonInteractive -Command $script
        $out[0] | Should -BeLike 'BinancePostman.Credential.SecretManagementMissing*'
        $out[1] | Should -Match 'Install-Module Microsoft.PowerShell.SecretManagement'
    }

    It 'removes stored keys with Remove-BinanceCredential' {
        Remove-BinanceCredential -Vault TestVault -SecretName as-cred -Confirm:$false
        Microsoft.PowerShell.SecretManagement\Get-SecretInfo -Name as-cred -Vault TestVault | Should -BeNullOrEmpty
    }
}
