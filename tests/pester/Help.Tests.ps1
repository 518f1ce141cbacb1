# Get-Help for every exported cmdlet, built from src/BinancePostman/Help by the module build. The cmdlets are
# enumerated from the module, so a new cmdlet without a help source fails here.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModulePath) -Force
    $cmdlets = @(Get-Command -Module BinancePostman -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModulePath) -Force

    $script:ignored = [System.Collections.Generic.HashSet[string]]::new([string[]](
            [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters),
        [System.StringComparer]::OrdinalIgnoreCase)

    # the parameters a user sees: declared ones, without PowerShell's common parameters and hidden (DontShow) ones
    function Get-VisibleParameter([System.Management.Automation.CommandInfo] $Command) {
        foreach ($p in $Command.Parameters.Values) {
            if ($script:ignored.Contains($p.Name)) { continue }
            if (@($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count -gt 0) { continue }
            $p
        }
    }

    function Get-HelpText($Value) { (@($Value) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join "`n" }

    # the endpoint an Invoke-BinanceRequest call names, as the cmdlet resolves it (the Spot collection wins shared names)
    function Resolve-ExampleEndpoint([string] $Name, [string] $Collection) {
        $found = @(Get-BinanceEndpoint -Name ([System.Management.Automation.WildcardPattern]::Escape($Name)) -ErrorAction SilentlyContinue)
        if ($Collection) { $found = @($found | Where-Object Collection -EQ $Collection) }
        if ($found.Count -gt 1) { $found = @($found | Where-Object Collection -EQ 'Spot') }
        if ($found.Count -eq 1) { $found[0] }
    }

    # every problem with the calls an example makes to this module's commands: unknown commands, unknown
    # parameters, and endpoint names or endpoint parameters that do not exist
    function Test-ExampleCode([string] $Code) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        foreach ($e in $errors) { "does not parse: $($e.Message) at '$($e.Extent.Text)'" }
        $calls = $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)
        foreach ($call in $calls) {
            $name = $call.GetCommandName()
            if (-not $name -or $name -notmatch '^\w+-Binance') { continue }
            $command = Get-Command -Module BinancePostman -Name $name -ErrorAction SilentlyContinue
            if (-not $command) { "calls $name, which the module does not have"; continue }
            $static = @{}
            foreach ($p in $command.Parameters.Values) {
                $static[$p.Name] = $p
                foreach ($a in $p.Aliases) { $static[$a] = $p }
            }
            # walk the arguments: which parameters are named, which values are positional
            $named = [ordered]@{}; $positional = [System.Collections.Generic.List[object]]::new(); $dynamic = [System.Collections.Generic.List[string]]::new()
            $elements = $call.CommandElements
            for ($i = 1; $i -lt $elements.Count; $i++) {
                $element = $elements[$i]
                if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
                    $p = $static[$element.ParameterName]
                    if (-not $p) { $dynamic.Add($element.ParameterName) }
                    $takesValue = -not $element.Argument -and -not ($p -and $p.SwitchParameter)
                    $value = $element.Argument
                    if ($takesValue -and $i + 1 -lt $elements.Count -and $elements[$i + 1] -isnot [System.Management.Automation.Language.CommandParameterAst]) { $value = $elements[++$i] }
                    $named[$(if ($p) { $p.Name } else { $element.ParameterName })] = $value
                }
                else { $positional.Add($element) }
            }
            if ($dynamic.Count -eq 0) { continue }
            if ($name -ne 'Invoke-BinanceRequest') { foreach ($d in $dynamic) { "passes -$d to $name, which has no such parameter" }; continue }
            $endpointAst = if ($named.Contains('Name')) { $named['Name'] } elseif ($positional.Count -gt 0) { $positional[0] }
            # a piped endpoint: Get-BinanceEndpoint '<name>' | Invoke-BinanceRequest -symbol ...
            $pipeline = $call.Parent
            if (-not $endpointAst -and $pipeline -is [System.Management.Automation.Language.PipelineAst]) {
                $index = $pipeline.PipelineElements.IndexOf($call)
                $upstream = if ($index -gt 0) { $pipeline.PipelineElements[$index - 1] }
                if ($upstream -is [System.Management.Automation.Language.CommandAst] -and $upstream.GetCommandName() -eq 'Get-BinanceEndpoint' -and $upstream.CommandElements.Count -gt 1) {
                    $endpointAst = $upstream.CommandElements[1]
                }
            }
            if ($endpointAst -isnot [System.Management.Automation.Language.StringConstantExpressionAst]) {
                "passes -$($dynamic -join ', -') to Invoke-BinanceRequest without a literal endpoint name to check them against"; continue
            }
            $collection = if ($named['Collection'] -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $named['Collection'].Value }
            $endpoint = Resolve-ExampleEndpoint $endpointAst.Value $collection
            if (-not $endpoint) { "names the endpoint '$($endpointAst.Value)', which no loaded collection has (as one endpoint)"; continue }
            foreach ($d in $dynamic) {
                if (-not ($endpoint.Parameters | Where-Object Name -EQ $d)) { "passes -$d, which is neither a parameter of Invoke-BinanceRequest nor of '$($endpoint.QualifiedName)'" }
            }
        }
    }
}

Describe 'Get-Help <Name> -Full' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command -Module BinancePostman -Name $Name
        $help = Get-Help $Name -Full
    }

    It '<Name> has a synopsis of its own, not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -Match ('^' + [regex]::Escape($Name) + '(\s|$)')
        $help.Synopsis | Should -Not -Match '\[<CommonParameters>\]'
    }

    It '<Name> has a description' {
        Get-HelpText $help.description | Should -Not -BeNullOrEmpty
    }

    It '<Name> describes every parameter' {
        $missing = foreach ($p in Get-VisibleParameter $command) {
            $entry = @($help.parameters.parameter) | Where-Object { $_.name -eq $p.Name }
            if (-not $entry -or -not (Get-HelpText $entry.description).Trim()) { $p.Name }
        }
        $missing | Should -BeNullOrEmpty -Because 'each parameter needs a ### -Name section in src/BinancePostman/Help (or CommonParameters.md)'
    }

    It '<Name> has at least two examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            Get-HelpText $example.remarks | Should -Not -BeNullOrEmpty
        }
    }

    It '<Name>: every example parses and calls only real commands, parameters and endpoints' {
        $problems = foreach ($example in @($help.examples.example)) {
            foreach ($problem in Test-ExampleCode $example.code) { "$($example.title.Trim('- ')): $problem" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It '<Name> lists its inputs and outputs' {
        @($help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
        @($help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
    }
}

Describe 'The example checker' {
    It 'catches a mistyped command, parameter, endpoint and endpoint parameter' {
        Test-ExampleCode 'Get-BinanceEndpoints *kline*' | Should -Match 'does not have'
        Test-ExampleCode 'Get-BinanceEndpoint -Nmae x' | Should -Match 'no such parameter'
        Test-ExampleCode "Invoke-BinanceRequest 'Order Bok' -symbol BTCUSDT" | Should -Match 'no loaded collection'
        Test-ExampleCode "Invoke-BinanceRequest 'Order Book' -symbl BTCUSDT" | Should -Match 'neither a parameter'
        Test-ExampleCode 'Get-BinanceEndpoint (' | Should -Match 'does not parse'
    }

    It 'accepts endpoint parameters of the named endpoint, the chosen collection, and common parameters' {
        Test-ExampleCode "Invoke-BinanceRequest 'Order Book' -symbol BTCUSDT -limit 5 -Verbose" | Should -BeNullOrEmpty
        Test-ExampleCode "Invoke-BinanceRequest -Name 'Kline/Candlestick Data' -symbol BTCUSDT -interval 1h -All | Export-Csv x.csv" | Should -BeNullOrEmpty
        Test-ExampleCode "Invoke-BinanceRequest 'Premium index Kline Data' -Collection 'USDs-M Futures' -symbol BTCUSDT -interval 1h" | Should -BeNullOrEmpty
    }
}

Describe 'about_BinancePostman' {
    BeforeAll {
        $about = Get-Help about_BinancePostman | Out-String
    }

    It 'is found after Import-Module by path, with its short description' {
        $about | Should -Match 'about_BinancePostman'
        (Get-Help about_BinancePostman).Synopsis | Should -Match 'Binance.*\.$' -Because 'the whole short description is on its one line'
    }

    It 'covers <Topic>' -ForEach @(
        @{ Topic = 'QUICK START' }, @{ Topic = 'KEYS AND VAULTS' }, @{ Topic = 'NETWORKS' }, @{ Topic = 'PAGING TO CSV' },
        @{ Topic = 'RATE LIMITS' }, @{ Topic = 'TROUBLESHOOTING' }
    ) {
        $about | Should -Match "(?m)^$Topic\s*$"
    }

    It 'names <Fact>' -ForEach @(
        @{ Fact = 'SecretManagement' }, @{ Fact = 'PrivateKeyPassphrase' }, @{ Fact = 'Testnet' }, @{ Fact = 'Demo' },
        @{ Fact = '/sapi' }, @{ Fact = 'Export-Csv' }, @{ Fact = '-All' }, @{ Fact = 'X-MBX-USED-WEIGHT' }, @{ Fact = 'Retry-After' },
        @{ Fact = '-MaximumRetryCount' }, @{ Fact = 'Get-BinanceRateLimit' }, @{ Fact = 'IP whitelist' }, @{ Fact = 'Permissions' },
        @{ Fact = 'Wrong network' }, @{ Fact = 'HTML' }, @{ Fact = '-1100' }, @{ Fact = '-1106' }, @{ Fact = '429' }, @{ Fact = '418' }
    ) {
        $about | Should -Match ([regex]::Escape($Fact))
    }

    It 'has advice for every Binance error code and HTTP status the module gives advice for (Commands/ErrorAdvice.cs)' {
        $source = Get-Content (Join-Path (Get-RepoRoot) 'src/BinancePostman/Commands/ErrorAdvice.cs') -Raw
        $codes = [regex]::Matches($source, 'case (-?\d+):') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique
        $codes | Should -Not -BeNullOrEmpty
        $missing = $codes | Where-Object { $about -notmatch ('(?<![\d-])' + [regex]::Escape($_) + '(?!\d)') }
        $missing | Should -BeNullOrEmpty -Because 'the troubleshooting section should say what to do for each'
    }
}

Describe 'Examples outside the cmdlet help' {
    It 'every PowerShell block in <File> parses and calls only real commands, parameters and endpoints' -ForEach @(
        @{ File = 'README.md' }, @{ File = 'src/BinancePostman/Help/about_BinancePostman.md' }
    ) {
        $text = Get-Content (Join-Path (Get-RepoRoot) $File) -Raw
        $blocks = [regex]::Matches($text, '(?ms)^```powershell\r?\n(.*?)^```')
        $blocks.Count | Should -BeGreaterThan 3
        $problems = foreach ($block in $blocks) {
            $line = ($text.Substring(0, $block.Index) -split "`n").Count
            foreach ($problem in Test-ExampleCode $block.Groups[1].Value) { "line ${line}: $problem" }
        }
        $problems | Should -BeNullOrEmpty
    }
}
