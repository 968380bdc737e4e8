Describe 'Wait-KeyActivation' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ManifestPath = Get-TestModulePath
    Import-Module $script:ManifestPath -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url

    # Short intervals keep the suite quick; the schedule itself is covered by the xunit tests.
    $script:Fast = @{ BaseUri = $script:Api; InitialIntervalSec = 1; MaxIntervalSec = 2 }

    function Get-ProbeTime([string] $Key) {
        @(Get-EmulatorRequest -Url $script:Api -Key $Key | ForEach-Object { ([datetime]$_.time).ToUniversalTime() } | Sort-Object)
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

Context 'waiting for a key that comes to life' {
    It 'reports a key within one interval of it starting to work' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ activateAfterSec = 3 }
        $activatesAt = [datetime]::UtcNow.AddSeconds(3)

        $result = Wait-KeyActivation -ApiKey $key @script:Fast

        $result | Should -BeOfType ChatAnywhere.KeyActivationResult
        $result.Activated | Should -BeTrue
        $result.Outcome | Should -Be 'Activated'
        $result.Verdict | Should -Be 'Valid'
        $result.LastResult.IsValid | Should -BeTrue
        $probes = Get-ProbeTime $key
        $result.Probes | Should -Be $probes.Count
        $result.Probes | Should -BeGreaterThan 1
        # The target: seen within max(1 s, the current interval: here at most 2 s) of activation,
        # plus one probe's round trip; the bound leaves room for a loaded CI machine.
        ($result.CompletedAt - $activatesAt).TotalSeconds | Should -BeLessThan 3.5
        $result.WaitedFor.TotalSeconds | Should -BeGreaterThan 2.5
        $result.Key | Should -Be ($key.Substring(0, 3) + '****' + $key.Substring(47))
        $result.KeyFingerprint | Should -Be (Get-KeyFingerprint $key)
        $result.CompletedAt.Kind | Should -Be 'Utc'
    }

    It 'backs off between probes: each pause doubles up to -MaxIntervalSec, less at most a quarter of jitter' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ activateAfterSec = 12 }

        $result = Wait-KeyActivation -ApiKey $key -BaseUri $script:Api -InitialIntervalSec 1 -MaxIntervalSec 4

        $result.Activated | Should -BeTrue
        $times = Get-ProbeTime $key
        $pauses = @(for ($i = 1; $i -lt $times.Count; $i++) { ($times[$i] - $times[$i - 1]).TotalSeconds })
        $pauses.Count | Should -BeGreaterThan 3
        $expected = 1, 2, 4, 4, 4, 4, 4, 4
        for ($i = 0; $i -lt $pauses.Count; $i++) {
            $pauses[$i] | Should -BeGreaterOrEqual (0.75 * $expected[$i] - 0.05)
            # Upper bound with room for a loaded machine; the lower bound is what the schedule promises.
            $pauses[$i] | Should -BeLessThan ($expected[$i] + 1.5)
        }
    }

    It 'waits on several keys at once: the time is the slowest key''s, not the sum' {
        $keys = 2, 3, 4 | ForEach-Object { New-EmulatorKey -Url $script:Api -Entry @{ activateAfterSec = $_ } }
        $watch = [Diagnostics.Stopwatch]::StartNew()

        $results = @($keys | Wait-KeyActivation @script:Fast)

        # One after another would take over 9 s (2 + 3 + 4); together, about the slowest key's 4 s and an interval.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 8.75
        $results.Count | Should -Be 3
        $results.Activated | Should -Not -Contain $false
        ($results.KeyFingerprint | Sort-Object) | Should -Be ($keys | ForEach-Object { Get-KeyFingerprint $_ } | Sort-Object)
    }

    It 'honours a Retry-After longer than its own interval' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ fault = @{ kind = 'rateLimit'; retryAfterSec = 3 } }

        $result = Wait-KeyActivation -ApiKey $key -BaseUri $script:Api -InitialIntervalSec 1 -MaxIntervalSec 1 -TimeoutSec 8 -ErrorAction SilentlyContinue

        $result.Outcome | Should -Be 'TimedOut'
        $result.Verdict | Should -Be 'RateLimited'
        $times = Get-ProbeTime $key
        $times.Count | Should -Be 3
        for ($i = 1; $i -lt $times.Count; $i++) { ($times[$i] - $times[$i - 1]).TotalSeconds | Should -BeGreaterOrEqual 2.95 }
    }
}

Context 'giving up' {
    It 'times out a key that never works after -TimeoutSec, with the expected probes and an OperationTimeout error' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' }
        $started = [datetime]::UtcNow

        $result = Wait-KeyActivation -ApiKey $key @script:Fast -TimeoutSec 6 -ErrorVariable failures -ErrorAction SilentlyContinue
        $returned = [datetime]::UtcNow

        $result.Activated | Should -BeFalse
        $result.Outcome | Should -Be 'TimedOut'
        $result.Verdict | Should -Be 'InvalidKey'
        ($returned - $started).TotalSeconds | Should -BeGreaterOrEqual 5.9
        ($returned - $started).TotalSeconds | Should -BeLessThan 9
        # Probes at 0, then pauses of 1 and 2 s (each up to a quarter shorter), the last one at most 5 s in: 4 or 5.
        $times = Get-ProbeTime $key
        $result.Probes | Should -Be $times.Count
        $result.Probes | Should -BeIn 4, 5
        ($times[-1] - $started).TotalSeconds | Should -BeLessThan 6
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'KeyActivationTimeout,*'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].TargetObject | Should -Be $result.Key
        $failures[0].Exception.Message | Should -Match 'did not work within 6 s'
        Start-Sleep -Seconds 2
        (Get-ProbeTime $key).Count | Should -Be $times.Count -Because 'no probe may follow the timeout'
    }

    It 'makes the timeout terminating with -ErrorAction Stop' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' }

        { Wait-KeyActivation -ApiKey $key @script:Fast -TimeoutSec 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'KeyActivationTimeout,ChatAnywhere.PowerShell.Commands.WaitKeyActivationCommand'
    }

    It 'stops waiting on the other keys when -ErrorAction Stop ends the command' {
        $hopeless = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free'; usedToday = 200 }
        $never = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' }

        { $never, $hopeless | Wait-KeyActivation @script:Fast -ErrorAction Stop } | Should -Throw -ErrorId 'KeyCannotActivate.RateLimited,*'
        $sent = (Get-ProbeTime $never).Count
        Start-Sleep -Seconds 2.5

        (Get-ProbeTime $never).Count | Should -Be $sent -Because 'a command that has ended sends nothing more'
    }

    It 'stops after -MaxProbes probes' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' }

        $result = Wait-KeyActivation -ApiKey $key @script:Fast -MaxProbes 2 -ErrorVariable failures -ErrorAction SilentlyContinue

        $result.Outcome | Should -Be 'ProbeBudgetSpent'
        $result.Probes | Should -Be 2
        (Get-ProbeTime $key).Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'KeyActivationTimeout.ProbeBudgetSpent,*'
    }

    It 'returns at once when waiting cannot help: <Case>' -ForEach @(
        @{ Case = 'daily limit';       Entry = @{ plan = 'free'; usedToday = 200 };          Verdict = 'RateLimited';    Probes = 1; Model = $null; Path = '' }
        @{ Case = 'suspended key';     Entry = @{ state = 'suspended' };                     Verdict = 'Restricted';     Probes = 1; Model = $null; Path = '' }
        @{ Case = 'no balance';        Entry = @{ state = 'balanceTooLow' };                 Verdict = 'QuotaExhausted'; Probes = 1; Model = $null; Path = '' }
        @{ Case = 'model not allowed'; Entry = @{ plan = 'free' };                           Verdict = 'ModelNotAllowed'; Probes = 1; Model = 'gpt-4'; Path = '' }
        @{ Case = 'Cloudflare block';  Entry = @{ fault = @{ kind = 'cloudflare'; page = 'challenge' } }; Verdict = 'BlockedByWaf'; Probes = 1; Model = $null; Path = '' }
        @{ Case = 'wrong endpoint';    Entry = @{};                                          Verdict = 'WrongEndpoint';  Probes = 1; Model = $null; Path = '/openai' }
        @{ Case = 'long Retry-After';  Entry = @{ fault = @{ kind = 'rateLimit'; retryAfterSec = 3600 } }; Verdict = 'RateLimited'; Probes = 1; Model = $null; Path = '' }
    ) {
        $key = New-EmulatorKey -Url $script:Api -Entry $Entry
        $arguments = @{ ApiKey = $key; BaseUri = $script:Api + $Path; ErrorVariable = 'failures'; ErrorAction = 'SilentlyContinue' }
        if ($Model) { $arguments.Model = $Model }

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = Wait-KeyActivation @arguments

        # No waiting: one probe at most (the bound leaves room for a loaded CI machine).
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $result.Outcome | Should -Be 'CannotActivate'
        $result.Verdict | Should -Be $Verdict
        $result.Probes | Should -Be $Probes
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "KeyCannotActivate.$Verdict,*"
        $failures[0].TargetObject | Should -Be $result.Key
        $failures[0].Exception.Message | Should -Match 'Waiting cannot help'
    }

    It 'says when the daily limit resets' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free'; usedToday = 200 }

        $null = Wait-KeyActivation -ApiKey $key -BaseUri $script:Api -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].Exception.Message | Should -Match 'resets at 00:00 Asia/Shanghai'
        $failures[0].ErrorDetails.Message | Should -Match '200 requests a day are used up' -Because 'the error carries the diagnosis'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'resets at 00:00'
    }

    It 'sends nothing for a malformed key' {
        $result = Wait-KeyActivation -ApiKey 'sk-EmuValid Paid00000000000000000000000000000000001' -BaseUri $script:Api -ErrorVariable failures -ErrorAction SilentlyContinue

        $result.Outcome | Should -Be 'CannotActivate'
        $result.Verdict | Should -Be 'MalformedKey'
        $result.Probes | Should -Be 0
        (Get-EmulatorRequest -Url $script:Api -Key 'sk-EmuValid Paid00000000000000000000000000000000001').Count | Should -Be 0
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'KeyCannotActivate.MalformedKey,*'
    }

    It 'stops when a key turns bad while it is waited on (emulator key changes)' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid'; changes = @(@{ afterSec = 2; state = 'suspended' }) }

        $result = Wait-KeyActivation -ApiKey $key @script:Fast -ErrorAction SilentlyContinue

        $result.Outcome | Should -Be 'CannotActivate'
        $result.Verdict | Should -Be 'Restricted'
        $result.Probes | Should -BeGreaterThan 1
        $result.WaitedFor.TotalSeconds | Should -BeLessThan 6.5
    }

    It 'refuses -InitialIntervalSec longer than -MaxIntervalSec before sending anything' {
        { Wait-KeyActivation -ApiKey (Key ValidPaid) -BaseUri $script:Api -InitialIntervalSec 10 -MaxIntervalSec 5 } |
            Should -Throw -ErrorId 'IntervalsOutOfOrder,ChatAnywhere.PowerShell.Commands.WaitKeyActivationCommand'
    }

    It 'writes an error for an empty key and goes on with the others' {
        $results = @('', (Key ValidPaid) | Wait-KeyActivation -BaseUri $script:Api -ErrorVariable failures -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 1
        $results[0].Activated | Should -BeTrue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'EmptyApiKey,*'
    }
}

Context 'input that cannot be trusted is refused, not guessed' {
    It 'a piped row without a key column is ApiKeyMissingFromInput; the environment''s key is not waited on' {
        $saved = $env:CHATANYWHERE_API_KEY
        try {
            # A key of its own: this file's tests share the emulator's request log.
            $envKey = New-EmulatorKey -Url $script:Api
            $env:CHATANYWHERE_API_KEY = $envKey
            $results = @([pscustomobject]@{ Secret = 'x'; BaseUri = $script:Api } | Wait-KeyActivation -InitialIntervalSec 1 -MaxIntervalSec 2 -MaxProbes 1 -ErrorVariable problems -ErrorAction SilentlyContinue)
            $results.Count | Should -Be 0
            $problems[0].FullyQualifiedErrorId | Should -Be 'ApiKeyMissingFromInput,ChatAnywhere.PowerShell.Commands.WaitKeyActivationCommand'
            @(Get-EmulatorRequest -Url $script:Api -Key $envKey).Count | Should -Be 0
        }
        finally { $env:CHATANYWHERE_API_KEY = $saved }
    }

    It 'stops at once on a masked key: MalformedKey, a masked copy, nothing sent' {
        $result = Wait-KeyActivation -ApiKey 'sk-****0009' @script:Fast -ErrorVariable problems -ErrorAction SilentlyContinue
        $result.Activated | Should -BeFalse
        $result.Verdict | Should -Be 'MalformedKey'
        $result.LastResult.Reason | Should -Be 'MaskedCopy'
        @(Get-EmulatorRequest -Url $script:Api -Key 'sk-****0009').Count | Should -Be 0
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KeyCannotActivate.MalformedKey,*'
    }
}

Context 'emulator key changes (scenario and control endpoint)' {
    It 'a key can turn into a daily-limit answer after a delay' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ changes = @(@{ afterSec = 2; state = 'dailyLimitReached' }) }

        (Test-ApiKey -ApiKey $key -BaseUri $script:Api).Verdict | Should -Be 'Valid'
        Start-Sleep -Seconds 2.2
        $later = Test-ApiKey -ApiKey $key -BaseUri $script:Api
        $later.Verdict | Should -Be 'RateLimited'
        $later.Reason | Should -Be 'DailyLimit'
    }

    It 'a key re-posted to the control endpoint starts working while it is waited on' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' }
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Wait-KeyActivation -ApiKey '$key' -BaseUri '$script:Api' -InitialIntervalSec 1 -MaxIntervalSec 1 -TimeoutSec 30")
            $async = $runspace.BeginInvoke()
            Start-Sleep -Seconds 2
            $body = @{ key = $key; state = 'active' } | ConvertTo-Json
            $null = Invoke-RestMethod -Method Post -Uri "$script:Api/_emulator/keys" -Body $body -ContentType 'application/json' -NoProxy
            $switched = [datetime]::UtcNow
            $results = $runspace.EndInvoke($async)

            $results.Count | Should -Be 1
            $results[0].Activated | Should -BeTrue
            # Probes are 1 s apart; the bound leaves room for a loaded CI machine.
            ($results[0].CompletedAt - $switched).TotalSeconds | Should -BeLessThan 3.5
        }
        finally { $runspace.Dispose() }
    }
}

Context 'stopping, progress and secrets' {
    It 'returns within a second of Ctrl+C and sends no further probe' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' }
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Wait-KeyActivation -ApiKey '$key' -BaseUri '$script:Api' -InitialIntervalSec 1 -MaxIntervalSec 1")
            $async = $runspace.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(15)
            while ((Get-ProbeTime $key).Count -lt 2 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }

            $stop = Measure-Command { $runspace.Stop() }
            $sent = (Get-ProbeTime $key).Count

            # The promise is "within a second"; the bound leaves room for a loaded CI machine.
            $stop.TotalSeconds | Should -BeLessThan 2.5
            $async.IsCompleted | Should -BeTrue
            Start-Sleep -Seconds 2.5
            (Get-ProbeTime $key).Count | Should -Be $sent
        }
        finally { $runspace.Dispose() }
    }

    It 'shows a bar per key under a parent bar, with probes and the next probe time, and completes them all' {
        $keys = @(1, 2 | ForEach-Object { New-EmulatorKey -Url $script:Api -Entry @{ activateAfterSec = 3 } })
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; `$args[0] | Wait-KeyActivation -BaseUri '$script:Api' -InitialIntervalSec 1 -MaxIntervalSec 2").AddArgument($keys)
            $results = $runspace.Invoke()

            $results.Count | Should -Be 2
            $progress = @($runspace.Streams.Progress)
            $parent = @($progress | Where-Object ActivityId -eq 1)
            $perKey = @($progress | Where-Object { $_.ActivityId -gt 1 -and $_.RecordType -eq 'Processing' })
            $parent.Count | Should -BeGreaterThan 0
            $perKey.Count | Should -BeGreaterThan 0
            $perKey[0].ParentActivityId | Should -Be 1
            ($perKey.StatusDescription -join "`n") | Should -Match '\d+ probes'
            ($perKey.CurrentOperation -join "`n") | Should -Match 'next probe at'
            foreach ($id in ($progress.ActivityId | Sort-Object -Unique)) {
                ($progress | Where-Object ActivityId -eq $id)[-1].RecordType | Should -Be 'Completed'
            }
        }
        finally { $runspace.Dispose() }
    }

    It 'a scheduled-task script run with pwsh -File exits with its code and prints no key, even with -Verbose' {
        $never = New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' }
        $soon = New-EmulatorKey -Url $script:Api -Entry @{ activateAfterSec = 1 }
        $script = Join-Path $TestDrive 'wait-for-key.ps1'
        Set-Content -Path $script -Value @"
param([string] `$Key)
Import-Module '$script:ManifestPath'
`$result = Wait-KeyActivation -ApiKey `$Key -BaseUri '$script:Api' -InitialIntervalSec 1 -MaxIntervalSec 1 -TimeoutSec 3 -Verbose -ErrorAction Continue
`$result | Format-List * | Out-String | Write-Output
if (-not `$result.Activated) { exit 3 }
exit 0
"@
        $failed = & (Get-PwshPath) -NoProfile -NonInteractive -File $script -Key $never 2>&1 | Out-String
        $failedExit = $LASTEXITCODE
        $worked = & (Get-PwshPath) -NoProfile -NonInteractive -File $script -Key $soon 2>&1 | Out-String
        $workedExit = $LASTEXITCODE

        $failedExit | Should -Be 3
        $failed | Should -Match 'KeyActivationTimeout|did not work within 3 s'
        $workedExit | Should -Be 0
        $worked | Should -Match 'Activated\s*:\s*True'
        foreach ($key in $never, $soon) {
            ($failed + $worked).Contains($key.Substring(3, 40)) | Should -BeFalse
        }
    }

    It 'never shows a key in any stream, in errors or in JSON of the output' {
        $keys = @(
            (New-EmulatorKey -Url $script:Api -Entry @{ activateAfterSec = 1 })
            (New-EmulatorKey -Url $script:Api -Entry @{ state = 'suspended' })
            (New-EmulatorKey -Url $script:Api -Entry @{ state = 'invalid' })
            (Key DailyLimited)
        )
        $streams = & {
            $keys | Wait-KeyActivation @script:Fast -TimeoutSec 3 -Verbose -Debug -InformationAction Continue -WarningAction Continue -ErrorAction Continue
        } *>&1
        $results = @($streams | Where-Object { $_ -is [ChatAnywhere.KeyActivationResult] })
        $text = ($streams | Out-String) + ($results | ConvertTo-Json -Depth 6) + ($results | Format-List * | Out-String) +
            ($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception.ToString() + $_.ToString() + $_.ErrorDetails })

        $results.Count | Should -Be 4
        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 4
        @($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 3
        foreach ($key in $keys) {
            $text.Contains($key) | Should -BeFalse -Because 'the full key must never be shown'
            $text.Contains($key.Substring(3, 40)) | Should -BeFalse -Because 'no long part of the key may be shown either'
        }
    }
}
}
