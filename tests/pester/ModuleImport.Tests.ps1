BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModulePath) -Force
    # internal state, read by reflection so the module's public surface stays as it is
    $assembly = (Get-Command Get-BinanceEndpoint).ImplementingType.Assembly
    $flags = [System.Reflection.BindingFlags]'Public, NonPublic, Static'
    $registration = $assembly.GetType('BinancePostman.Session.DesktopDependencies', $true).GetProperty('Registration', $flags).GetValue($null)
}

Describe 'The resolver for Windows PowerShell 5.1 in PowerShell 7' {
    It 'runs the module initializer on import but attaches no resolver: .NET unifies versions itself' {
        $PSVersionTable.PSEdition | Should -Be 'Core'
        $registration.ImportsSeen | Should -BeGreaterThan 0
        $registration.IsRegistered | Should -BeFalse
    }
}
