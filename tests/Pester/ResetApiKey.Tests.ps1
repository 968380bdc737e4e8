Describe 'Reset-ApiKey' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ManifestPath = Get-TestModulePath
    Import-Module $script:ManifestPath -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:DefaultScenario = Invoke-RestMethod -Uri "$script:Api/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20

    # Emulator-only secrets of this file's relay user.
    $script:AccessToken = 'e3b0c44298fc1c149afbf4c8996fb924'
    function New-RelayKey([string] $Stem) { $Stem.PadRight(51, '0') }
    $script:CiKey = New-RelayKey 'sk-EmuRelayCiPipeline'
    $script:ReportKey = New-RelayKey 'sk-EmuRelayReporting'
    $script:TwinKeyA = New-RelayKey 'sk-EmuRelayTwinA'
    $script:TwinKeyB = New-RelayKey 'sk-EmuRelayTwinB'

    function Use-Relay {
        <# Replaces the emulator's scenario with the default one plus this file's relay user and tokens. #>
        param([hashtable] $Relay = @{}, [object[]] $Faults = @())
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        $relayDefinition = @{
            accessToken = $script:AccessToken
            userId      = 1
            tokens      = @(
                @{ id = 1; userId = 1; name = 'ci-pipeline'; key = $script:CiKey; status = 1; remainQuota = 500000; unlimitedQuota = $false
                   expiredTime = 4102444800; models = 'gpt-4o-mini,gpt-4o'; allowIps = '127.0.0.0/8'; group = 'default' }
                @{ id = 2; userId = 1; name = 'reporting'; key = $script:ReportKey; status = 1; remainQuota = 0; unlimitedQuota = $true; expiredTime = -1 }
                @{ id = 3; userId = 1; name = 'twin'; key = $script:TwinKeyA; status = 1; remainQuota = 1000; unlimitedQuota = $false; expiredTime = -1 }
                @{ id = 4; userId = 1; name = 'twin'; key = $script:TwinKeyB; status = 1; remainQuota = 1000; unlimitedQuota = $false; expiredTime = -1 }
            )
        }
        foreach ($entry in $Relay.GetEnumerator()) { $relayDefinition[$entry.Key] = $entry.Value }
        $scenario.relay = $relayDefinition
        $scenario.faults = @($Faults)
        $body = $scenario | ConvertTo-Json -Depth 20
        $null = Invoke-RestMethod -Method Put -Uri "$script:Api/_emulator/scenario" -Body $body -ContentType 'application/json' -NoProxy
        $null = Invoke-RestMethod -Method Delete -Uri "$script:Api/_emulator/requests" -NoProxy
    }

    function Get-RelayToken([string] $Flavour = 'one-api') {
        @((Invoke-RestMethod -Uri "$script:Api/_emulator/relay/$Flavour/tokens" -NoProxy) | ForEach-Object { $_ })
    }

    # Requests that change a relay's tokens; reads (GET) are allowed under -WhatIf.
    function Get-ManagementWrite {
        @(Get-EmulatorRequest -Url $script:Api | Where-Object { $_.path -like '*/api/token*' -and $_.method -ne 'GET' })
    }

    function Test-OnRelay([string] $Key, [string] $Flavour = 'one-api') {
        Test-ApiKey -ApiKey $Key -BaseUri "$script:Api/relay/$Flavour" -MaxRetries 0
    }

    $script:Rotate = @{ AccessToken = $script:AccessToken; UserId = 1; Force = $true }

    if (-not ('ChatAnywhereTests.RecordingHost' -as [type])) {
        Add-Type -TypeDefinition (Get-Content -Raw (Join-Path $PSScriptRoot 'RecordingHost.cs'))
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

BeforeEach { Use-Relay }

Context 'rotation on each relay flavour' -ForEach @(
    @{ Flavour = 'one-api'; Backend = 'OneApi' }
    @{ Flavour = 'new-api'; Backend = 'NewApi' }
    @{ Flavour = 'new-api-2025'; Backend = 'NewApi' }
) {
    It 'on <Flavour>: the new key works on the data plane, the old one is refused, the settings are carried over' {
        $relay = "$script:Api/relay/$Flavour"
        $before = Get-RelayToken $Flavour | Where-Object id -eq 1

        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri $relay @script:Rotate

        $result | Should -BeOfType ChatAnywhere.ApiKeyResetResult
        $result.Backend | Should -Be $Backend
        $result.Name | Should -Be 'ci-pipeline'
        $result.OldTokenId | Should -Be 1
        $result.NewTokenId | Should -BeGreaterThan 4
        $result.Verified | Should -BeTrue
        $result.OldKeyState | Should -Be 'Disabled'
        $result.OldKeyRefused | Should -BeTrue
        $result.OldKey | Should -Be ($script:CiKey.Substring(0, 3) + '****' + $script:CiKey.Substring(47))
        $result.NewKey | Should -BeOfType System.Security.SecureString
        $newKey = ConvertFrom-SecureString -SecureString $result.NewKey -AsPlainText
        $newKey | Should -Match '^sk-[A-Za-z0-9]{48}$'
        $result.NewKeyMasked | Should -Be ($newKey.Substring(0, 3) + '****' + $newKey.Substring(47))
        $result.NewKeyFingerprint | Should -Be (Get-KeyFingerprint $newKey)

        (Test-OnRelay $newKey $Flavour).Verdict | Should -Be 'Valid'
        (Test-OnRelay $script:CiKey $Flavour).IsValid | Should -BeFalse

        $tokens = Get-RelayToken $Flavour
        $old = $tokens | Where-Object id -eq 1
        $new = $tokens | Where-Object id -eq $result.NewTokenId
        $old.status | Should -Be 2
        $new.status | Should -Be 1
        $new.keyFingerprint | Should -Be (Get-KeyFingerprint $newKey)
        foreach ($setting in 'name', 'remainQuota', 'unlimitedQuota', 'expiredTime', 'models', 'allowIps') {
            $new.$setting | Should -Be $before.$setting -Because "the replacement keeps the old token's $setting"
        }
    }
}

Context 'revoke modes and choosing the token' {
    It '-RevokeMode Delete deletes the old token' {
        $result = Reset-ApiKey -ApiKey $script:ReportKey -BaseUri "$script:Api/relay/one-api" -RevokeMode Delete @script:Rotate

        $result.OldKeyState | Should -Be 'Deleted'
        $result.OldKeyRefused | Should -BeTrue
        (Get-RelayToken | Where-Object id -eq 2).deleted | Should -BeTrue
        (Get-RelayToken | Where-Object id -eq $result.NewTokenId).unlimitedQuota | Should -BeTrue
    }

    It 'the help''s hand-over example keeps the old key, then deletes only the old token, rotating nothing again' {
        $example = @((Get-Help Reset-ApiKey).examples.example | Where-Object title -Match 'hand-over')
        $example.Count | Should -Be 1
        $code = $example[0].code.Replace('https://relay.example.com', "$script:Api/relay/one-api")
        $saved = $env:CHATANYWHERE_ACCESS_TOKEN
        try {
            $env:CHATANYWHERE_ACCESS_TOKEN = $script:AccessToken
            $oldKey = $script:CiKey
            $null = . ([scriptblock]::Create($code))
        }
        finally { $env:CHATANYWHERE_ACCESS_TOKEN = $saved }

        $tokens = Get-RelayToken
        @($tokens | Where-Object name -eq 'ci-pipeline').Count | Should -Be 2 -Because 'one replacement, not a second rotation'
        ($tokens | Where-Object id -eq 1).deleted | Should -BeTrue
        (Test-ApiKey -ApiKey $result.NewKey -BaseUri "$script:Api/relay/one-api" -MaxRetries 0).Verdict | Should -Be 'Valid'
    }

    It '-RevokeMode Keep leaves both keys working' {
        $result = Reset-ApiKey -ApiKey $script:ReportKey -BaseUri "$script:Api/relay/one-api" -RevokeMode Keep -AsPlainText @script:Rotate

        $result.OldKeyState | Should -Be 'StillActive'
        $result.OldKeyRefused | Should -BeNullOrEmpty
        $result.NewKey | Should -BeOfType System.String
        (Test-OnRelay $result.NewKey).IsValid | Should -BeTrue
        (Test-OnRelay $script:ReportKey).IsValid | Should -BeTrue
    }

    It 'chooses the token by -TokenId and by -Name' {
        $byId = Reset-ApiKey -TokenId 1 -BaseUri "$script:Api/relay/new-api" @script:Rotate
        $byName = Reset-ApiKey -Name reporting -BaseUri "$script:Api/relay/new-api" @script:Rotate

        $byId.OldTokenId | Should -Be 1
        $byId.OldKeyRefused | Should -BeTrue -Because 'the relay revealed the old key, so it could be checked'
        $byName.OldTokenId | Should -Be 2
        $byName.Name | Should -Be 'reporting'
    }

    It 'refuses a name two tokens share, listing their ids, and changes nothing' {
        Reset-ApiKey -Name twin -BaseUri "$script:Api/relay/one-api" @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KeyResetAmbiguousName*'
        $failed[0].Exception.Message | Should -Match '#3.*#4|#4.*#3'
        Get-ManagementWrite | Should -BeNullOrEmpty
    }

    It 'rotates piped keys one after another and goes on after a key the relay does not know' {
        $unknown = New-RelayKey 'sk-EmuRelayUnknown'
        $results = $script:CiKey, $unknown, $script:ReportKey |
            Reset-ApiKey -BaseUri "$script:Api/relay/one-api" @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        @($results).Count | Should -Be 2
        $results.OldTokenId | Should -Be @(1, 2)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KeyResetTokenNotFound*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Context 'input that cannot be trusted is refused, not guessed' {
    It 'a piped row without a key column is ApiKeyMissingFromInput and nothing is rotated, even with a key in the environment' {
        $saved = $env:CHATANYWHERE_API_KEY
        try {
            $env:CHATANYWHERE_API_KEY = $script:CiKey
            # A CSV whose key column is misnamed: only BaseUri binds.
            $relay = "$script:Api/relay/one-api"
            $rows = @([pscustomobject]@{ Token = 'reporting'; BaseUri = $relay }, [pscustomobject]@{ Token = 'twin'; BaseUri = $relay })
            $results = @($rows | Reset-ApiKey @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue)

            $results.Count | Should -Be 0
            $failed.Count | Should -Be 2
            $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'ApiKeyMissingFromInput,ChatAnywhere.PowerShell.Commands.ResetApiKeyCommand' }
            Get-ManagementWrite | Should -BeNullOrEmpty
            (Get-RelayToken | Where-Object id -eq 1).status | Should -Be 1
        }
        finally { $env:CHATANYWHERE_API_KEY = $saved }
    }

    It 'refuses a masked key as MalformedKey, sends nothing to the relay and changes nothing' {
        Reset-ApiKey -ApiKey 'sk-****0000' -BaseUri "$script:Api/relay/one-api" @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'MalformedKey,ChatAnywhere.PowerShell.Commands.ResetApiKeyCommand'
        $failed[0].Exception.Message | Should -Match 'masked copy'
        @(Get-EmulatorRequest -Url $script:Api | Where-Object { $_.path -like '*/api/token*' }).Count | Should -Be 0
    }
}

Context 'parameters that cannot work are refused at binding' {
    It 'refuses an access token with a line break or NUL inside, without showing it' {
        foreach ($token in "abc`r`ndef0123456789", "abc`0def0123456789") {
            $problem = $null
            try { Reset-ApiKey -BaseUri "$script:Api/relay/one-api" -TokenId 1 -AccessToken $token -Force -ErrorAction Stop } catch { $problem = $_ }
            $problem.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
            $problem.Exception.Message | Should -Match 'control character'
            $problem.Exception.Message | Should -Not -Match 'def0123456789'
        }
    }

    It 'refuses a -Proxy scheme .NET cannot use' {
        { Reset-ApiKey -BaseUri "$script:Api/relay/one-api" -TokenId 1 -AccessToken 'x' -Proxy 'ftp://proxy.example.test:21' -Force } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Test-ApiKey -ApiKey 'sk-abc' -Proxy 'ftp://proxy.example.test:21' } | Should -Throw -ExpectedMessage '*socks5*'
    }
}

Context '-WhatIf and -Confirm' {
    It '-WhatIf reads the relay, says exactly what would be done and changes nothing' {
        $before = Get-RelayToken | ConvertTo-Json -Depth 5
        $script = "Import-Module '$script:ManifestPath'; Reset-ApiKey -ApiKey '$script:CiKey' -BaseUri '$script:Api/relay/one-api' -AccessToken '$script:AccessToken' -WhatIf"
        $output = & (Get-PwshPath) -NoProfile -NonInteractive -Command $script 2>&1 | Out-String

        $output | Should -Match 'What if:'
        $output | Should -Match "token 'ci-pipeline' \(#1\)"
        $output | Should -Match 'create a token named .ci-pipeline.'
        $output | Should -Match 'quota 500000'
        $output | Should -Match 'disable token #1'
        Get-ManagementWrite | Should -BeNullOrEmpty
        @(Get-EmulatorRequest -Url $script:Api | Where-Object { $_.path -like '*/api/token*' }).Count | Should -BeGreaterThan 0 -Because 'reads are allowed'
        Get-RelayToken | ConvertTo-Json -Depth 5 | Should -Be $before
    }

    It '-Force does not turn -WhatIf into a change' {
        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" @script:Rotate -WhatIf

        $result | Should -BeNullOrEmpty
        Get-ManagementWrite | Should -BeNullOrEmpty
    }

    It 'asks for confirmation by default (ConfirmImpact High), and -Confirm asks even with -Force' {
        foreach ($switches in '', '-Force -Confirm') {
            $runspace = [powershell]::Create()
            try {
                # The default host cannot prompt: the prompt shows up as this error, with its text, and nothing is changed.
                $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Reset-ApiKey -ApiKey '$script:CiKey' -BaseUri '$script:Api/relay/one-api' -AccessToken '$script:AccessToken' $switches")
                $output = $runspace.Invoke()

                $output | Should -BeNullOrEmpty
                $runspace.Streams.Error.Count | Should -Be 1
                $runspace.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'HostFunctionNotImplemented*'
                $runspace.Streams.Error[0].Exception.Message | Should -Match 'request confirmation'
                $runspace.Streams.Error[0].Exception.Message | Should -Match 'disable token #1'
            }
            finally { $runspace.Dispose() }
        }

        Get-ManagementWrite | Should -BeNullOrEmpty
        (Get-RelayToken | Where-Object id -eq 1).status | Should -Be 1
    }

    It '-Confirm:$false rotates without asking' {
        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -AccessToken $script:AccessToken -Confirm:$false

        $result.OldKeyState | Should -Be 'Disabled'
    }
}

Context 'never without a working key' {
    It 'rolls back when the relay does not accept the new key: the new token is deleted, the old one untouched' {
        Use-Relay -Relay @{ newTokenDelaySec = 120 }

        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -VerifyTimeoutSec 3 @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KeyResetVerificationFailed*'
        $failed[0].Exception.Message | Should -Match 'deleted again'
        $failed[0].Exception.Message | Should -Match 'old token is unchanged'
        $tokens = Get-RelayToken
        ($tokens | Where-Object id -eq 1).status | Should -Be 1
        @($tokens | Where-Object { $_.id -gt 4 -and -not $_.deleted }).Count | Should -Be 0
        (Test-OnRelay $script:CiKey).IsValid | Should -BeTrue
    }

    It 'returns the new key when revoking fails, and says the old key is still active' {
        Use-Relay -Faults @(@{ kind = 'status'; status = 500; paths = @('/relay/one-api/api/token'); methods = @('PUT') })

        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        $result.OldKeyState | Should -Be 'StillActive'
        $result.Verified | Should -BeTrue
        (Test-OnRelay (ConvertFrom-SecureString $result.NewKey -AsPlainText)).IsValid | Should -BeTrue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KeyResetRevokeFailed*'
        $failed[0].Exception.Message | Should -Match 'still active'
        $failed[0].Exception.Message | Should -Match 'HTTP 500'
        (Test-OnRelay $script:CiKey).IsValid | Should -BeTrue
    }

    It 'reads the old token back when the answer to disabling it is lost: the relay disabled it, so the result says Disabled' {
        Use-Relay -Faults @(@{ kind = 'lostAnswer'; paths = @('/relay/one-api/api/token'); methods = @('PUT') })

        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        ((Get-RelayToken) | Where-Object id -eq 1).status | Should -Be 2
        $result.OldKeyState | Should -Be 'Disabled'
        $result.OldKeyRefused | Should -BeTrue
        $result.LeftoverTokenIds.Count | Should -Be 0
        $failed.Count | Should -Be 0
        (Test-OnRelay $script:CiKey).IsValid | Should -BeFalse
    }

    It 'reads the old token back when the answer to deleting it is lost: the relay deleted it, so the result says Deleted' {
        Use-Relay -Faults @(@{ kind = 'lostAnswer'; paths = @('/relay/one-api/api/token'); methods = @('DELETE') })

        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -RevokeMode Delete @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        $result.OldKeyState | Should -Be 'Deleted'
        $failed.Count | Should -Be 0
    }

    It 'names no leftover when the answer to the rollback''s delete is lost but the relay deleted the replacement' {
        Use-Relay -Relay @{ newTokenDelaySec = 120 } -Faults @(@{ kind = 'lostAnswer'; paths = @('/relay/one-api/api/token'); methods = @('DELETE') })

        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -VerifyTimeoutSec 3 @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -Match 'deleted again'
        $failed[0].Exception.Message | Should -Not -Match 'could not be deleted'
        $failed[0].Exception.Data['LeftoverTokenIds'] | Should -HaveCount 0
        $failed[0].Exception.Data.Contains('LeftoverTokenIds') | Should -BeTrue
        @((Get-RelayToken) | Where-Object { $_.id -gt 4 -and -not $_.deleted }).Count | Should -Be 0
        (Test-OnRelay $script:CiKey).IsValid | Should -BeTrue
    }

    It 'finds and deletes the replacement when the answer to its create is lost, and the old token stays as it was' {
        Use-Relay -Faults @(@{ kind = 'lostAnswer'; paths = @('/relay/one-api/api/token'); methods = @('POST') })

        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -Match 'created token #\d+ all the same; it was deleted again'
        $failed[0].Exception.Data['LeftoverTokenIds'] | Should -HaveCount 0
        $failed[0].Exception.Data.Contains('LeftoverTokenIds') | Should -BeTrue
        $tokens = Get-RelayToken
        @($tokens | Where-Object { $_.id -gt 4 -and -not $_.deleted }).Count | Should -Be 0
        ($tokens | Where-Object id -eq 1).status | Should -Be 1
        (Test-OnRelay $script:CiKey).IsValid | Should -BeTrue
    }

    It 'reports a relay cache that keeps the old key alive instead of waiting for it' {
        Use-Relay -Relay @{ revocationCacheSec = 120 }

        $elapsed = Measure-Command {
            $script:cached = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -RevokeCheckTimeoutSec 3 @script:Rotate -WarningVariable warned -WarningAction SilentlyContinue
        }

        $script:cached.OldKeyState | Should -Be 'Disabled'
        $script:cached.OldKeyRefused | Should -BeFalse
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Match 'cache'
        $elapsed.TotalSeconds | Should -BeLessThan 20
    }
}

Context 'progress' {
    It 'shows each step while it waits for the relay, and completes the bar' {
        Use-Relay -Relay @{ newTokenDelaySec = 2 }
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Reset-ApiKey -ApiKey '$script:CiKey' -BaseUri '$script:Api/relay/one-api' -AccessToken '$script:AccessToken' -Force")
            $results = $runspace.Invoke()

            $results.Count | Should -Be 1
            $steps = @($runspace.Streams.Progress | Where-Object RecordType -eq 'Processing' | ForEach-Object StatusDescription | Select-Object -Unique)
            $steps | Should -Contain "Checking that the relay accepts the new key $($results[0].NewKeyMasked)"
            ($runspace.Streams.Progress | Where-Object RecordType -eq 'Processing' | Where-Object CurrentOperation -match 'probe').Count | Should -BeGreaterThan 0
            $runspace.Streams.Progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $runspace.Dispose() }
    }
}

Context 'Ctrl+C' {
    It 'lets the disable under way finish after the new key is verified, so the old token is not left half-revoked' {
        # The disable is held 2 s: Ctrl+C arrives while it is under way, within the 5 s it may take to finish.
        # Before, the cmdlet left at the first refused write and the disable was cut off: the old token stayed enabled.
        Use-Relay -Faults @(@{ kind = 'latency'; ms = 2000; paths = @('/relay/one-api/api/token'); methods = @('PUT') })
        # A host that keeps its warning lines: after Ctrl+C the host is the only place left to write to.
        $recordingHost = New-Object ChatAnywhereTests.RecordingHost
        $hosted = [runspacefactory]::CreateRunspace($recordingHost)
        $hosted.Open()
        $runspace = [powershell]::Create()
        $runspace.Runspace = $hosted
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Reset-ApiKey -ApiKey '$script:CiKey' -BaseUri '$script:Api/relay/one-api' -AccessToken '$script:AccessToken' -Force")
            $running = $runspace.BeginInvoke()
            $null = Wait-EmulatorRequest -Url $script:Api -PathPrefix '/relay/one-api/api/token' -Method PUT

            $runspace.Stop()

            $runspace.InvocationStateInfo.State | Should -Be 'Stopped'
            $tokens = Get-RelayToken
            ($tokens | Where-Object id -eq 1).status | Should -Be 2
            $replacement = @($tokens | Where-Object { $_.id -gt 4 -and -not $_.deleted -and $_.name -eq 'ci-pipeline' })
            $replacement.Count | Should -Be 1
            $replacement[0].status | Should -Be 1
            $said = $recordingHost.Recorder.Warnings -join "`n"
            $said | Should -Match "token #$($replacement[0].id) 'ci-pipeline'"
            $said | Should -Match 'old token #1 is Disabled'
            # Keys only masked: no run of key characters long enough to be a key.
            $said | Should -Not -Match 'sk-[A-Za-z0-9]{12,}'
            $said | Should -Not -Match ([regex]::Escape($script:CiKey.Substring(3)))
        }
        finally { $runspace.Dispose(); $hosted.Dispose() }
    }

    It 'deletes the replacement again on Ctrl+C while the new key is being verified, and leaves the old token as it was' {
        # The relay accepts new keys only after 120 s, so Ctrl+C arrives while the new key is being checked.
        Use-Relay -Relay @{ newTokenDelaySec = 120 }
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Reset-ApiKey -ApiKey '$script:CiKey' -BaseUri '$script:Api/relay/one-api' -AccessToken '$script:AccessToken' -Force")
            $running = $runspace.BeginInvoke()
            $null = Wait-EmulatorRequest -Url $script:Api -PathPrefix '/relay/one-api/v1/models'

            $runspace.Stop()

            $runspace.InvocationStateInfo.State | Should -Be 'Stopped'
            $tokens = Get-RelayToken
            @($tokens | Where-Object { $_.id -gt 4 -and -not $_.deleted }).Count | Should -Be 0
            ($tokens | Where-Object id -eq 1).status | Should -Be 1
            @(Get-ManagementWrite | Where-Object method -eq 'DELETE').Count | Should -Be 1
        }
        finally { $runspace.Dispose() }
    }
}

Context 'management failures' {
    It 'a wrong access token: the relay''s own message (HTTP 200, success:false) and nothing changed' {
        Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -AccessToken 'not-the-access-token-000000000000' -Force -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KeyResetManagementFailed.AccessTokenInvalid*'
        $failed[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failed[0].Exception.Message | Should -Match 'access token 无效'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'access token'
        Get-ManagementWrite | Should -BeNullOrEmpty
    }

    It 'new-api 2025-04 without -UserId: the missing New-Api-User message and the advice to pass -UserId' {
        Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/new-api-2025" -AccessToken $script:AccessToken -Force -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KeyResetManagementFailed.UserIdMissing*'
        $failed[0].Exception.Message | Should -Match '未提供 New-Api-User'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match '-UserId'
    }

    It 'new-api now reads no New-Api-User: the rotation works without -UserId' {
        $result = Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/new-api" -AccessToken $script:AccessToken -Force

        $result.Verified | Should -BeTrue
        $result.OldKeyState | Should -Be 'Disabled'
    }

    It 'the relay''s token limit stops the rotation before anything changes' {
        Use-Relay -Relay @{ maxTokens = 4 }

        Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/new-api" @script:Rotate -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KeyResetManagementFailed.TokenLimitReached*'
        $failed[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failed[0].Exception.Message | Should -Match '最大令牌数量'
        (Get-RelayToken 'new-api' | Where-Object id -eq 1).status | Should -Be 1
    }

    It 'asks for an access token when there is none' {
        $saved = $env:CHATANYWHERE_ACCESS_TOKEN
        $env:CHATANYWHERE_ACCESS_TOKEN = $null
        try {
            { Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -Force -ErrorAction Stop } |
                Should -Throw -ErrorId 'NoAccessToken,ChatAnywhere.PowerShell.Commands.ResetApiKeyCommand'
        }
        finally { $env:CHATANYWHERE_ACCESS_TOKEN = $saved }
    }

    It 'reads the access token from $env:CHATANYWHERE_ACCESS_TOKEN' {
        $saved = $env:CHATANYWHERE_ACCESS_TOKEN
        $env:CHATANYWHERE_ACCESS_TOKEN = $script:AccessToken
        try {
            (Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -Force).OldKeyState | Should -Be 'Disabled'
        }
        finally { $env:CHATANYWHERE_ACCESS_TOKEN = $saved }
    }
}

Context 'ChatAnywhere''s hosted service' {
    It 'refuses <HostName> with a terminating NotImplemented error that says what to do instead' -ForEach @(
        @{ HostName = 'api.chatanywhere.tech' }, @{ HostName = 'api.chatanywhere.org' }, @{ HostName = 'api.chatanywhere.com.cn' }, @{ HostName = 'api.chatanywhere.cn' }
    ) {
        $failure = $null
        try { Reset-ApiKey -ApiKey $script:CiKey -BaseUri "https://$HostName" -AccessToken $script:AccessToken -Force }
        catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'KeyResetNotSupported*'
        $failure.CategoryInfo.Category | Should -Be 'NotImplemented'
        $failure.Exception.Message | Should -Match 'GPT_API_free/issues/330'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Wait-KeyActivation'
    }

    It 'refuses -Backend ChatAnywhere before sending anything' {
        { Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/one-api" -Backend ChatAnywhere -AccessToken $script:AccessToken -Force } |
            Should -Throw -ErrorId 'KeyResetNotSupported,ChatAnywhere.PowerShell.Commands.ResetApiKeyCommand'
        Get-EmulatorRequest -Url $script:Api | Should -BeNullOrEmpty
    }

    It 'refuses the default base URL (the hosted service) even without an access token' {
        { Reset-ApiKey -ApiKey $script:CiKey -Force } | Should -Throw -ErrorId 'KeyResetNotSupported,ChatAnywhere.PowerShell.Commands.ResetApiKeyCommand'
    }
}

Context 'Secrets' {
    It 'never shows a key or the access token in any stream, error, warning or JSON of the output' {
        Use-Relay -Relay @{ revocationCacheSec = 120 }
        # -WarningAction Continue: with -Debug, PowerShell asks (Inquire) before each warning.
        $streams = & {
            Reset-ApiKey -ApiKey $script:CiKey -BaseUri "$script:Api/relay/new-api" @script:Rotate -RevokeCheckTimeoutSec 0 -Verbose -Debug -WarningAction Continue
            Reset-ApiKey -ApiKey $script:ReportKey -BaseUri "$script:Api/relay/one-api" -AccessToken 'e3b0c44298fc1c149afbf4c8996fb925' -Force -Verbose -Debug -ErrorAction Continue
            Reset-ApiKey -ApiKey $script:ReportKey -BaseUri "$script:Api/relay/new-api-2025" @script:Rotate -RevokeCheckTimeoutSec 0 -Verbose -Debug -WarningAction Continue
            # one-api finds a key by listing every token, whole keys included.
            Reset-ApiKey -ApiKey $script:ReportKey -BaseUri "$script:Api/relay/one-api" @script:Rotate -RevokeCheckTimeoutSec 0 -Verbose -Debug -WarningAction Continue
        } *>&1
        $results = @($streams | Where-Object { $_ -is [ChatAnywhere.ApiKeyResetResult] })
        $results.Count | Should -Be 3
        $newKeys = @($results | ForEach-Object { ConvertFrom-SecureString $_.NewKey -AsPlainText })
        $text = ($streams | Out-String -Width 400) + ($results | ConvertTo-Json -Depth 5) + ($results | ForEach-Object ToString) +
            ($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception.ToString() + $_.ToString() + $_.ErrorDetails })

        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        @($streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 5
        @($streams | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -BeGreaterThan 0
        @($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 0
        # Token lists carry every token's whole key (without sk-): the twins' keys were listed, never used.
        foreach ($secret in @($script:CiKey, $script:ReportKey, $script:TwinKeyA, $script:TwinKeyB) + $newKeys) {
            $text.Contains($secret.Substring(3, 40)) | Should -BeFalse -Because 'no key, with or without sk-, may be shown'
        }
        $text.Contains($script:AccessToken) | Should -BeFalse -Because 'the access token is a secret too'
        $text.Contains('e3b0c44298fc1c149afbf4c8996fb925') | Should -BeFalse -Because 'a wrong access token is still a secret'
    }

    It 'never prints a key or the access token on the console of a real pwsh process' {
        $script = "Import-Module '$script:ManifestPath'; `$DebugPreference = 'Continue'; `$r = Reset-ApiKey -ApiKey '$script:CiKey' -BaseUri '$script:Api/relay/one-api' -AccessToken '$script:AccessToken' -Force -Verbose -Debug; `$r | Format-List *; `$r | ConvertTo-Json; `$r"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $output = & (Get-PwshPath) -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | Out-String

        $output | Should -Match 'Disabled'
        $newToken = Get-RelayToken | Where-Object { $_.id -gt 4 }
        $newToken | Should -Not -BeNullOrEmpty
        $output.Contains($script:CiKey.Substring(3, 40)) | Should -BeFalse
        $output.Contains($script:AccessToken) | Should -BeFalse
        $output | Should -Not -Match 'sk-[A-Za-z0-9]{20,}'
    }
}
}
