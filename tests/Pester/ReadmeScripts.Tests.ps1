Describe 'README scheduled-task scripts, run exactly as printed' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ManifestPath = Get-TestModulePath
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:Kuma = "$($script:Api)/uptime-kuma"
    $script:DefaultScenario = Invoke-RestMethod -Uri "$($script:Api)/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20

    # The scripts say 'Import-Module ChatAnywhere': the built module's folder goes on PSModulePath
    # for the child pwsh instead of editing the script ("module path aside").
    $script:ModuleRoot = Split-Path (Split-Path $script:ManifestPath)
    $script:Readme = Get-Content -Raw (Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'README.md')

    function Get-ReadmeScript([string] $Name) {
        $blocks = [regex]::Matches($script:Readme, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
        $block = @($blocks | Where-Object { $_.StartsWith("# $Name") })
        if ($block.Count -ne 1) { throw "README.md has $($block.Count) blocks starting '# $Name'." }
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $folder
        $path = Join-Path $folder $Name
        Set-Content -Path $path -Value $block[0]
        $path
    }

    function Invoke-Script {
        <# Runs a script in a fresh pwsh as a scheduler would; returns its exit code, stdout and stderr. #>
        param([string] $Path, [string[]] $Arguments = @(), [switch] $WithoutModule, [hashtable] $Environment = @{})
        $saved = @{ PSModulePath = $env:PSModulePath }
        foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        $errorFile = Join-Path $TestDrive 'stderr.txt'
        try {
            if (-not $WithoutModule) { $env:PSModulePath = $script:ModuleRoot + [IO.Path]::PathSeparator + $env:PSModulePath }
            foreach ($name in $Environment.Keys) { [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
            $out = & (Get-PwshPath) -NoProfile -NonInteractive -File $Path @Arguments 2> $errorFile
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Out = @($out); Err = (Get-Content -Raw $errorFile) }
        }
        finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    }

    function New-KeyCsv([object[]] $Rows) {
        $path = Join-Path $TestDrive "$([guid]::NewGuid().ToString('n')).csv"
        $Rows | Export-Csv -Path $path -NoTypeInformation
        $path
    }

    # The default scenario with one top-level section replaced.
    function Set-Scenario([hashtable] $Changes) {
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        foreach ($name in $Changes.Keys) { $scenario[$name] = $Changes[$name] }
        Set-EmulatorScenario -Url $script:Api -Json ($scenario | ConvertTo-Json -Depth 20)
    }
}

# Each test starts from the default scenario; the emulator is this file's own, so it is simply stopped at the end.
AfterAll { if ($script:Emulator) { Stop-Emulator $script:Emulator } }

BeforeEach {
    Set-EmulatorScenario -Url $script:Api -Json $script:DefaultScenario
    Reset-EmulatorState -Url $script:Api
}

Context 'check-keys.ps1' {
    It 'exits <Expected> when the keys are <Case>' -ForEach @(
        @{ Case = 'all Valid';                       Keys = @('ValidPaid', 'ValidFree');     Expected = 0 }
        @{ Case = 'one wrong';                       Keys = @('ValidPaid', 'Wrong');         Expected = 1 }
        @{ Case = 'one wrong, and the service down'; Keys = @('Wrong', 'ServiceFault');      Expected = 2 }
    ) {
        $script = Get-ReadmeScript 'check-keys.ps1'
        $csv = New-KeyCsv @($Keys | ForEach-Object { [pscustomobject]@{ ApiKey = (Key $_); BaseUri = $script:Api } })
        $run = Invoke-Script $script -Arguments '-Csv', $csv
        $run.ExitCode | Should -Be $Expected -Because $run.Err
    }

    It 'writes one JSON line per result with -JsonLines: verdicts by name, UTC dates, masked keys' {
        $script = Get-ReadmeScript 'check-keys.ps1'
        $csv = New-KeyCsv @([pscustomobject]@{ ApiKey = (Key ValidPaid); BaseUri = $script:Api }, [pscustomobject]@{ ApiKey = (Key DailyLimited); BaseUri = $script:Api })
        $run = Invoke-Script $script -Arguments '-Csv', $csv, '-JsonLines'

        $run.ExitCode | Should -Be 1
        $run.Out.Count | Should -Be 2
        $lines = $run.Out | ForEach-Object { $_ | ConvertFrom-Json -DateKind String }
        $lines.Verdict | Should -Be @('Valid', 'RateLimited')
        $lines[1].Reason | Should -Be 'DailyLimit'
        $lines[0].CheckedAt | Should -Match 'Z$'
        ($run.Out -join "`n").Contains((Key ValidPaid)) | Should -BeFalse
    }

    It 'fails loudly with exit 3 when <Case>' -ForEach @(
        @{ Case = 'the module is missing';    Setup = 'module'; Pattern = 'ChatAnywhere' }
        @{ Case = 'the CSV is missing';       Setup = 'csv';    Pattern = 'could not run' }
        @{ Case = 'no column is ApiKey/Key';  Setup = 'column'; Pattern = 'no rows with an ApiKey or Key column' }
        @{ Case = 'a row gives no result';    Setup = 'row';    Pattern = 'gave no result' }
    ) {
        $script = Get-ReadmeScript 'check-keys.ps1'
        $csv = switch ($Setup) {
            'csv' { Join-Path $TestDrive 'absent.csv' }
            'column' { New-KeyCsv @([pscustomobject]@{ Token = (Key ValidPaid); BaseUri = $script:Api }) }
            'row' { New-KeyCsv @([pscustomobject]@{ ApiKey = (Key ValidPaid); BaseUri = $script:Api }, [pscustomobject]@{ ApiKey = ''; BaseUri = $script:Api }) }
            default { New-KeyCsv @([pscustomobject]@{ ApiKey = (Key ValidPaid); BaseUri = $script:Api }) }
        }
        $run = Invoke-Script $script -Arguments '-Csv', $csv -WithoutModule:($Setup -eq 'module')
        $run.ExitCode | Should -Be 3
        $run.Err | Should -Match 'the check could not run'
        $run.Err | Should -Match $Pattern
    }
}

Context 'check-service.ps1' {
    It 'exits 0 when the base URL of $env:CHATANYWHERE_BASE_URL and the status page are all up' {
        $run = Invoke-Script (Get-ReadmeScript 'check-service.ps1') -Arguments '-StatusPageUri', $script:Kuma -Environment @{ CHATANYWHERE_BASE_URL = $script:Api }
        $run.ExitCode | Should -Be 0 -Because (($run.Out -join "`n") + $run.Err)
    }

    It 'exits 2 and names the monitor when only the status page says Degraded' {
        Set-Scenario @{ statusPage = @{ slug = 'cs'; title = 'CS'; shape = '2'; domainMapped = $true
                groups = @(@{ name = 'API'; monitors = @(@{ id = 1; name = 'GPT'; state = 'up' }, @{ id = 2; name = 'Claude'; state = 'down' }) }) } }
        $run = Invoke-Script (Get-ReadmeScript 'check-service.ps1') -Arguments '-StatusPageUri', $script:Kuma -Environment @{ CHATANYWHERE_BASE_URL = $script:Api }

        $run.ExitCode | Should -Be 2
        $run.Out | Should -Contain 'Overall: Degraded'
        $run.Out | Should -Contain 'monitor Claude: Down'
    }

    It 'exits 2 and names the endpoint when the service cannot be reached' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $closed = $listener.LocalEndpoint.Port; $listener.Stop()
        $run = Invoke-Script (Get-ReadmeScript 'check-service.ps1') -Arguments '-StatusPageUri', $script:Kuma -Environment @{ CHATANYWHERE_BASE_URL = "http://127.0.0.1:$closed" }

        $run.ExitCode | Should -Be 2
        ($run.Out -join "`n") | Should -Match 'endpoint 127\.0\.0\.1: \w+ \(ConnectionRefused\)'
    }

    It 'exits 3 when the module is missing' {
        $run = Invoke-Script (Get-ReadmeScript 'check-service.ps1') -Arguments '-StatusPageUri', $script:Kuma -WithoutModule
        $run.ExitCode | Should -Be 3
        $run.Err | Should -Match 'the check could not run'
    }
}
}
