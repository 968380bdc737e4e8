BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ManifestPath = Get-TestModulePath
    $script:Module = Import-Module $script:ManifestPath -PassThru -Force
}

Describe 'The module as built' {
    It 'passes Test-ModuleManifest and targets Windows PowerShell 5.1 and PowerShell 7' {
        $manifest = Test-ModuleManifest $script:ManifestPath
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.Tags | Should -Contain 'ChatAnywhere'
    }

    It 'names no project or license page until the project has a public home' {
        $data = Import-PowerShellDataFile $script:ManifestPath
        $data.PrivateData.PSData.Keys | Should -Not -Contain 'ProjectUri'
        $data.PrivateData.PSData.Keys | Should -Not -Contain 'LicenseUri'
    }

    It 'publishes to a local PSResource folder repository and installs from it, as README shows' -Skip:(-not (Get-Module -ListAvailable Microsoft.PowerShell.PSResourceGet)) {
        # README's steps, with a repository name and folders of this test's own; Save-PSResource stands in for
        # Install-PSResource (the same resolution from the repository) so the machine's module path is left alone.
        $feed = Join-Path $TestDrive 'psrepo'; $saved = Join-Path $TestDrive 'saved'
        New-Item -ItemType Directory -Force $feed, $saved | Out-Null
        $name = 'ChatAnywhereTest' + [guid]::NewGuid().ToString('n').Substring(0, 8)
        Register-PSResourceRepository -Name $name -Uri $feed -Trusted
        try {
            Publish-PSResource -Path (Split-Path $script:ManifestPath) -Repository $name
            (Find-PSResource -Name ChatAnywhere -Repository $name).Version | Should -Be ([version](Import-PowerShellDataFile $script:ManifestPath).ModuleVersion)
            Save-PSResource -Name ChatAnywhere -Repository $name -Path $saved -TrustRepository
            Get-ChildItem $saved -Recurse -Filter ChatAnywhere.psd1 | Should -Not -BeNullOrEmpty
            Get-ChildItem $saved -Recurse -Filter ChatAnywhere.types.ps1xml | Should -Not -BeNullOrEmpty
        }
        finally { Unregister-PSResourceRepository -Name $name }
    }

    It 'exports exactly its cmdlets, listed by name' {
        $data = Import-PowerShellDataFile $script:ManifestPath
        $data.CmdletsToExport | Should -Not -Contain '*'
        (Get-Command -Module $script:Module.Name).Name | Sort-Object | Should -Be ($data.CmdletsToExport | Sort-Object)
    }

    It 'does not ship the reference System.Management.Automation.dll' {
        Join-Path (Split-Path $script:ManifestPath) 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'declares its output types per parameter set' {
        $command = Get-Command Test-ApiKey
        ($command.OutputType | Where-Object Name -eq 'ChatAnywhere.ApiKeyTestResult') | Should -Not -BeNullOrEmpty
        ($command.OutputType | Where-Object Name -eq 'System.Boolean') | Should -Not -BeNullOrEmpty
        (Get-Command Wait-KeyActivation).OutputType.Name | Should -Be 'ChatAnywhere.KeyActivationResult'
        (Get-Command Reset-ApiKey).OutputType.Name | Should -Be 'ChatAnywhere.ApiKeyResetResult'
    }

    It 'declares Reset-ApiKey as a high-impact change with -WhatIf and -Confirm' {
        $cmdlet = (Get-Command Reset-ApiKey).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $cmdlet.SupportsShouldProcess | Should -BeTrue
        $cmdlet.ConfirmImpact | Should -Be 'High'
        (Get-Command Reset-ApiKey).Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Command Reset-ApiKey).ParameterSets.Name | Should -Be @('ByKey', 'ById', 'ByName')
    }
}

Describe 'Help' {
    BeforeDiscovery {
        Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
        $module = Import-Module (Get-TestModulePath) -PassThru -Force
        $script:Commands = @(Get-Command -Module $module.Name | ForEach-Object { @{ Name = $_.Name } })
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $script:Parameters = @(Get-Command -Module $module.Name | ForEach-Object {
                $name = $_.Name
                $_.Parameters.Keys | Where-Object { $_ -notin $common } | ForEach-Object { @{ Command = $name; Parameter = $_ } }
            })
    }

    It '<Name> has MAML help with a synopsis, a description and examples' -ForEach $script:Commands {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeLike "*$Name *[<]CommonParameters[>]*"
        $help.Synopsis.Length | Should -BeGreaterThan 20
        ($help.Description.Text -join ' ').Length | Should -BeGreaterThan 100
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 3
        $help.Examples.Example | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }

    It '<Name> -Online opens this module''s page in docs/cmdlets, not a page its prose cites' -ForEach $script:Commands {
        $uri = "docs/cmdlets/$Name.md"
        (Get-Command $Name).HelpUri | Should -Be $uri
        # Get-Help -Online opens the first related link of the MAML help.
        @((Get-Help $Name -Full).relatedLinks.navigationLink)[0].uri | Should -Be $uri
        Join-Path (Split-Path (Split-Path $PSScriptRoot)) $uri | Should -Exist
    }

    It 'keeps the -Online pages in docs/cmdlets as the help prose gives them' {
        $root = Split-Path (Split-Path $PSScriptRoot)
        & (Get-PwshPath) -NoProfile -NonInteractive -File (Join-Path $root 'build/New-CmdletDocs.ps1') -Check | Out-String | Should -Not -Match 'Out of date'
        $LASTEXITCODE | Should -Be 0
    }

    It 'ships an about_ChatAnywhere topic in en-US: verdicts, environment variables, exit codes, the emulator' {
        Join-Path (Split-Path (Get-TestModulePath)) 'en-US/about_ChatAnywhere.help.txt' | Should -Exist
        $text = Get-Help about_ChatAnywhere | Out-String
        foreach ($topic in 'VERDICTS', 'ENVIRONMENT VARIABLES', 'EXIT CODES', 'THE EMULATOR', 'MaskedCopy', 'ProxyUnreachable', 'CHATANYWHERE_BASE_URL') { $text | Should -Match $topic }
    }

    It '<Command> -<Parameter> is described' -ForEach $script:Parameters {
        $help = Get-Help $Command -Parameter $Parameter
        ($help.Description.Text -join ' ').Length | Should -BeGreaterThan 10
    }
}

Describe 'Views and completion' {
    It 'shows Key, Verdict, Reason, StatusCode and LatencyMs in the table view' {
        $result = Test-ApiKey -ApiKey 'sk-EmuValid Paid00000000000000000000000000000000001' -BaseUri https://api.chatanywhere.tech
        $text = $result | Format-Table | Out-String
        foreach ($column in 'Key', 'Verdict', 'Reason', 'StatusCode', 'LatencyMs') { $text | Should -Match $column }
        $text | Should -Not -Match 'KeyFingerprint'
    }

    It 'lists every property, diagnosis and recommendation included, in the list view' {
        $result = Test-ApiKey -ApiKey 'sk-EmuValid Paid00000000000000000000000000000000001' -BaseUri https://api.chatanywhere.tech
        $text = $result | Format-List | Out-String
        foreach ($property in $result.PSObject.Properties.Name) { $text | Should -Match "$property\s*:" }
        $text | Should -Match 'Nothing was sent'
    }

    It 'shows a KeyActivationResult as a table of outcome, verdict, time waited and probes' {
        $result = Wait-KeyActivation -ApiKey 'sk-EmuValid Paid00000000000000000000000000000000001' -BaseUri https://api.chatanywhere.tech -ErrorAction SilentlyContinue
        $table = $result | Format-Table | Out-String -Width 200
        # Reason moved to the list view so the table fits 80 columns (issue 13).
        foreach ($column in 'Key', 'Activated', 'Outcome', 'Verdict', 'WaitedFor', 'Probes') { $table | Should -Match $column }
        $table | Should -Not -Match 'KeyFingerprint'
        $list = $result | Format-List | Out-String -Width 200
        $list | Should -Match 'Detail\s*:\s*Waiting cannot help'
        $list | Should -Match 'Recommendation\s*:'
        $list | Should -Match 'Reason\s*:'
    }

    It 'fits the <Type> table in 80 columns without dropping a column, dates in UTC with a zone' -ForEach @(
        @{ Type = 'ApiKeyTestResult'; Columns = 'Key', 'Verdict', 'Reason', 'StatusCode', 'LatencyMs'
           Object = @{ Key = 'sk-****0001'; Verdict = 'ServiceUnavailable'; Reason = 'UpstreamAccountExhausted'; StatusCode = 503; LatencyMs = 123456 } }
        @{ Type = 'KeyActivationResult'; Columns = 'Key', 'Activated', 'Outcome', 'Verdict', 'WaitedFor', 'Probes'
           Object = @{ Key = 'sk-****0001'; Outcome = 'ProbeBudgetSpent'; Verdict = 'ServiceUnavailable'; WaitedFor = [timespan]::FromMinutes(10); Probes = 12 } }
        @{ Type = 'EndpointStatus'; Columns = 'BaseUri', 'Status', 'Cause', 'HttpMs', 'StatusCode'
           Object = @{ BaseUri = 'https://api.chatanywhere.tech'; Status = 'Operational'; Cause = 'ConnectionRefused'; HttpMs = 12345; StatusCode = 503 } }
        @{ Type = 'ComponentStatus'; Columns = 'Id', 'Name', 'Group', 'Status', 'Uptime24h', 'LastHeartbeat'
           Object = @{ Id = 10; Name = 'GPT-CA series'; Group = 'API'; Status = 'Maintenance'; Uptime24h = 99.95; LastHeartbeat = [datetime]::new(2026, 3, 1, 10, 0, 0, [DateTimeKind]::Utc) } }
        @{ Type = 'ServiceIncident'; Columns = 'Kind', 'Title', 'StartedAt', 'UpdatedAt'
           Object = @{ Kind = 'Maintenance'; Title = 'Database upgrade'; StartedAt = [datetime]::new(2026, 3, 1, 10, 0, 0, [DateTimeKind]::Utc); UpdatedAt = [datetime]::new(2026, 3, 1, 11, 0, 0, [DateTimeKind]::Utc) } }
        @{ Type = 'ApiKeyResetResult'; Columns = 'Name', 'OldKey', 'NewKey', 'OldTokenId', 'NewTokenId', 'OldKeyState'
           Object = @{ Name = 'ci-pipeline'; OldKey = 'sk-****0001'; NewKeyMasked = 'sk-****0002'; OldTokenId = 1234567; NewTokenId = 1234568; OldKeyState = 'StillActive' } }
    ) {
        $object = New-Object "ChatAnywhere.$Type" -Property $Object
        $lines = @(($object | Format-Table | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
        $header = $lines[0]
        foreach ($column in $Columns) { $header | Should -Match "\b$column\b" }
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        if ($Type -in 'ComponentStatus', 'ServiceIncident') { $lines[2] | Should -Match '2026-03-01 10:00:00Z' }
    }

    It 'prints CheckedAt with its zone in the list views' {
        $result = [ChatAnywhere.ApiKeyTestResult]@{ Key = 'sk-****0001'; CheckedAt = [datetime]::new(2026, 3, 1, 10, 0, 0, [DateTimeKind]::Utc) }
        ($result | Format-List | Out-String) | Should -Match 'CheckedAt\s*: 2026-03-01 10:00:00Z'
    }

    It 'Reset-ApiKey completes -BaseUri with the relay set in the environment, never a ChatAnywhere host' {
        $saved = $env:CHATANYWHERE_BASE_URL
        $env:CHATANYWHERE_BASE_URL = 'https://relay.example.com'
        try {
            $line = 'Reset-ApiKey -BaseUri '
            $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
            $completions | Should -Contain 'https://relay.example.com'
            $completions | Should -Not -Contain 'https://api.chatanywhere.tech'
        }
        finally { $env:CHATANYWHERE_BASE_URL = $saved }
    }

    It 'shows an ApiKeyResetResult as a table with masked keys only, even when NewKey is plain text' {
        $plain = 'sk-EmuViewTest' + ('0' * 37)
        $result = [ChatAnywhere.ApiKeyResetResult]@{
            OldKey = 'sk-****0001'; NewKey = $plain; NewKeyMasked = 'sk-****0000'; OldTokenId = 1; NewTokenId = 9; Name = 'ci-pipeline'
            Backend = 'OneApi'; Verified = $true; OldKeyState = 'Disabled'; OldKeyRefused = $true
        }
        $table = $result | Format-Table | Out-String -Width 200
        # Backend, Verified and OldKeyRefused moved to the list view so the table fits 80 columns (issue 13).
        foreach ($column in 'Name', 'OldKey', 'NewKey', 'OldTokenId', 'NewTokenId', 'OldKeyState') { $table | Should -Match $column }
        $table | Should -Match 'sk-\*\*\*\*0000'
        $table.Contains($plain) | Should -BeFalse
        $list = $result | Format-List | Out-String -Width 200
        foreach ($property in 'Backend', 'Verified', 'OldKeyRefused', 'CompletedAt') { $list | Should -Match "$property\s*:" }
        $list | Should -Match 'NewKey\s*: sk-\*\*\*\*0000'
        $list.Contains($plain) | Should -BeFalse
        $result.ToString().Contains($plain) | Should -BeFalse
    }

    It '<Command> completes -BaseUri with both ChatAnywhere hosts' -ForEach @(@{ Command = 'Test-ApiKey' }, @{ Command = 'Wait-KeyActivation' }) {
        $line = "$Command -BaseUri "
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'https://api.chatanywhere.tech'
        $completions | Should -Contain 'https://api.chatanywhere.org'
    }

    It '<Command> completes -Model from what was typed' -ForEach @(@{ Command = 'Test-ApiKey' }, @{ Command = 'Wait-KeyActivation' }) {
        $line = "$Command -Model gpt-4o"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'gpt-4o-mini'
        $completions | Should -Not -Contain 'deepseek-v3'
    }
}
