Describe 'Test-ApiKey' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ManifestPath = Get-TestModulePath
    Import-Module $script:ManifestPath -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

# The daily-limit and flaky counters live in the emulator; start every test from the scenario.
BeforeEach { Reset-EmulatorState -Url $script:Api }

Context 'verdicts against the emulator' {
    It '<Name> gives <Verdict> (<Reason>)' -ForEach @(
        @{ Name = 'ValidPaid';      Verdict = 'Valid';              Reason = 'None';                 Attempts = 1 }
        @{ Name = 'Wrong';          Verdict = 'InvalidKey';         Reason = 'KeyRejected';          Attempts = 1 }
        @{ Name = 'DailyLimited';   Verdict = 'RateLimited';        Reason = 'DailyLimit';           Attempts = 1 }
        @{ Name = 'Suspended';      Verdict = 'Restricted';         Reason = 'Suspended';            Attempts = 1 }
        @{ Name = 'BalanceLow';     Verdict = 'QuotaExhausted';     Reason = 'BalanceTooLow';        Attempts = 1 }
        @{ Name = 'ServiceFault';   Verdict = 'ServiceUnavailable'; Reason = 'NoUpstreamResponse';   Attempts = 3 }
        @{ Name = 'Cloudflare';     Verdict = 'ServiceUnavailable'; Reason = 'CloudflareError';      Attempts = 3 }
        @{ Name = 'ConnReset';      Verdict = 'NetworkError';       Reason = 'ConnectionReset';      Attempts = 3 }
        @{ Name = 'Truncated';      Verdict = 'ServiceUnavailable'; Reason = 'NoUpstreamResponse';   Attempts = 3 }
        @{ Name = 'HugeBody';       Verdict = 'ServiceUnavailable'; Reason = 'NoUpstreamResponse';         Attempts = 3 }
        @{ Name = 'Redirect';       Verdict = 'WrongEndpoint';      Reason = 'Redirected';           Attempts = 1 }
        @{ Name = 'RateLimited';    Verdict = 'RateLimited';        Reason = 'RequestRateLimit';     Attempts = 3 }
        @{ Name = 'RetryAfterLong'; Verdict = 'RateLimited';        Reason = 'RequestRateLimit';     Attempts = 1 }
        @{ Name = 'Flaky';          Verdict = 'Valid';              Reason = 'None';                 Attempts = 2 }
    ) {
        $result = Test-ApiKey -ApiKey (Key $Name) -BaseUri $script:Api

        $result.Verdict | Should -Be $Verdict
        $result.Reason | Should -Be $Reason
        $result.Attempts | Should -Be $Attempts
        @(Get-EmulatorRequest -Url $script:Api -Key (Key $Name)).Count | Should -Be $Attempts
        $result.Key | Should -Be ((Key $Name).Substring(0, 3) + '****' + (Key $Name).Substring(47))
        $result.KeyFingerprint | Should -Be (Get-KeyFingerprint (Key $Name))
        $result.CheckedAt.Kind | Should -Be 'Utc'
    }

    It 'names the reset time of a daily limit' {
        $result = Test-ApiKey -ApiKey (Key DailyLimited) -BaseUri $script:Api
        $result.RetryAfter | Should -BeGreaterThan ([timespan]::Zero)
        $result.RetryAfter | Should -BeLessOrEqual ([timespan]::FromHours(24))
        $result.Recommendation -join ' ' | Should -Match '00:00 Asia/Shanghai'
        $result.Message | Should -Match '200'
    }

    It 'reports a long Retry-After instead of waiting for it' {
        $elapsed = Measure-Command { $result = Test-ApiKey -ApiKey (Key RetryAfterLong) -BaseUri $script:Api }
        $result.RetryAfter | Should -Be ([timespan]::FromHours(1))
        # Waiting would take an hour; the bound leaves room for a loaded CI machine.
        $elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'keeps a 503 with Retry-After: 3600 within the time budget of -TimeoutSec 3' {
        # Issue 16: this took 120 s (a capped 60 s wait per retry). Budget: 3 s x (2 retries + 1) = 9 s.
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'paid'; fault = @{ kind = 'rateLimit'; status = 503; retryAfterSec = 3600 } }
        $elapsed = Measure-Command { $result = Test-ApiKey -ApiKey $key -BaseUri $script:Api -TimeoutSec 3 }

        $result.Verdict | Should -Be 'ServiceUnavailable'
        $result.RetryAfter | Should -Be ([timespan]::FromHours(1))
        $result.Attempts | Should -Be 1
        # The bound is the budget plus room for a loaded CI machine, far below the 60 s of a wait.
        $elapsed.TotalSeconds | Should -BeLessThan 20
    }

    It 'honours a short Retry-After between attempts' {
        $result = Test-ApiKey -ApiKey (Key RateLimited) -BaseUri $script:Api -MaxRetries 1
        $times = @(Get-EmulatorRequest -Url $script:Api -Key (Key RateLimited) | ForEach-Object { [datetimeoffset]$_.time })
        $times.Count | Should -Be 2
        ($times[1] - $times[0]).TotalSeconds | Should -BeGreaterOrEqual 0.95
        $result.Attempts | Should -Be 2
    }

    It 'calls an OpenAI "Incorrect API key" answer to a relay key a wrong endpoint' {
        $result = Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri "$script:Api/openai/v1"
        $result.Verdict | Should -Be 'WrongEndpoint'
        $result.Reason | Should -Be 'RelayKeySentToOpenAI'
        $result.Backend | Should -Be 'OpenAI'
        $result.StatusCode | Should -Be 401
        $result.Recommendation -join ' ' | Should -Match 'https://api.chatanywhere.tech'
    }

    It 'tests the cleaned key when it was pasted with a line break, and says so' {
        $result = Test-ApiKey -ApiKey ((Key ValidPaid) + "`r`n") -BaseUri $script:Api
        $result.Verdict | Should -Be 'Valid'
        $result.Reason | Should -Be 'InputHadWhitespace'
        $result.Diagnosis[0] | Should -Match 'line break'
    }

    It 'sends nothing for a malformed key' {
        $result = Test-ApiKey -ApiKey 'sk-EmuValidPaid 00000000000000000000000000000000001' -BaseUri $script:Api
        $result.Verdict | Should -Be 'MalformedKey'
        $result.Attempts | Should -Be 0
        @(Get-EmulatorRequest -Url $script:Api).Count | Should -Be 0
    }

    It 'times out a hanging service and reports a network error' {
        $result = Test-ApiKey -ApiKey (Key Timeout) -BaseUri $script:Api -TimeoutSec 1 -MaxRetries 0
        $result.Verdict | Should -Be 'NetworkError'
        $result.Reason | Should -Be 'Timeout'
    }

    It 'reports a refused connection without calling the key invalid' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $result = Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri "http://127.0.0.1:$port" -MaxRetries 0
        $result.Verdict | Should -Be 'NetworkError'
        $result.Reason | Should -Be 'ConnectionRefused'
    }

    It 'spends one chat completion only with -Model, and reads a free-tier model refusal' {
        $allowed = Test-ApiKey -ApiKey (Key ValidFree) -BaseUri $script:Api -Model gpt-4o-mini
        $refused = Test-ApiKey -ApiKey (Key ValidFree) -BaseUri $script:Api -Model claude-3-opus
        $plain = Test-ApiKey -ApiKey (Key ValidFree) -BaseUri $script:Api

        $allowed.Verdict | Should -Be 'Valid'
        $refused.Verdict | Should -Be 'ModelNotAllowed'
        $refused.Reason | Should -Be 'FreeTierModel'
        $plain.Verdict | Should -Be 'Valid'
        $requests = @(Get-EmulatorRequest -Url $script:Api -Key (Key ValidFree))
        @($requests | Where-Object path -like '*/chat/completions').Count | Should -Be 2
        @($requests | Where-Object path -like '*/models').Count | Should -Be 3
    }
}

Context 'Test-ApiKey in the pipeline' {
    It 'takes rows from Import-Csv, keeps their order, and binds a BaseUri column' {
        $csv = Join-Path $TestDrive 'keys.csv'
        @(
            [pscustomobject]@{ ApiKey = (Key Wrong); BaseUri = $script:Api }
            [pscustomobject]@{ ApiKey = (Key ValidPaid); BaseUri = $script:Api }
            [pscustomobject]@{ ApiKey = (Key DailyLimited); BaseUri = $script:Api }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $results = @(Import-Csv $csv | Test-ApiKey)

        $results.Verdict | Should -Be @('InvalidKey', 'Valid', 'RateLimited')
        $results.BaseUri | Should -Be @($script:Api, $script:Api, $script:Api)
    }

    It 'binds a Key column by its alias' {
        $results = @([pscustomobject]@{ Key = (Key ValidPaid) }, [pscustomobject]@{ Key = (Key Wrong) } | Test-ApiKey -BaseUri $script:Api)
        $results.Verdict | Should -Be @('Valid', 'InvalidKey')
    }

    It 'takes SecureStrings and plain strings by value' {
        $secure = ConvertTo-SecureString (Key ValidPaid) -AsPlainText -Force
        $results = @($secure, (Key Wrong) | Test-ApiKey -BaseUri $script:Api)
        $results.Verdict | Should -Be @('Valid', 'InvalidKey')
    }

    It 'exports to CSV with readable diagnosis and advice, and no key' {
        $csv = Join-Path $TestDrive 'results.csv'
        (Key Wrong), (Key DailyLimited) | Test-ApiKey -BaseUri $script:Api | Export-Csv -Path $csv -NoTypeInformation

        $text = Get-Content -Raw $csv
        $rows = @(Import-Csv $csv)
        $text | Should -Not -Match 'System\.String\[\]'
        $rows[0].Diagnosis | Should -Match 'ChatAnywhere does not know this key'
        $rows[1].Recommendation | Should -Match '00:00 Asia/Shanghai'
        $text.Contains((Key Wrong)) | Should -BeFalse
        $text.Contains((Key DailyLimited)) | Should -BeFalse
    }

    It 'outputs booleans with -Quiet' {
        $results = @((Key ValidPaid), (Key Wrong), (Key Suspended) | Test-ApiKey -BaseUri $script:Api -Quiet)
        $results | Should -Be @($true, $false, $false)
        $results[0] | Should -BeOfType [bool]
    }

    It 'keeps input order when a slow key comes first and others run concurrently' {
        $keys = @((Key Slow)) + @((Key ValidPaid), (Key Wrong), (Key Suspended), (Key BalanceLow), (Key ValidFree), (Key DailyLimited))
        $elapsed = Measure-Command { $results = @($keys | Test-ApiKey -BaseUri $script:Api -ThrottleLimit 8) }

        $results.KeyFingerprint | Should -Be @($keys | ForEach-Object { Get-KeyFingerprint $_ })
        # The slow key takes 3 s; sequential probing would add the others after it.
        $elapsed.TotalSeconds | Should -BeLessThan 6
    }

    It 'probes no more keys at once than -ThrottleLimit' {
        $keys = @(1..6 | ForEach-Object { Key Slow })
        $elapsed = Measure-Command { $null = $keys | Test-ApiKey -BaseUri $script:Api -ThrottleLimit 2 }
        # Six 3-second answers two at a time take three rounds.
        $elapsed.TotalSeconds | Should -BeGreaterOrEqual 8.5
    }

    It 'uses the environment when -ApiKey and -BaseUri are omitted' {
        $saved = @{ Key = $env:CHATANYWHERE_API_KEY; Base = $env:CHATANYWHERE_BASE_URL; OpenAIKey = $env:OPENAI_API_KEY; OpenAIBase = $env:OPENAI_BASE_URL }
        try {
            $env:CHATANYWHERE_API_KEY = $null; $env:OPENAI_API_KEY = (Key Wrong)
            $env:CHATANYWHERE_BASE_URL = $null; $env:OPENAI_BASE_URL = "$script:Api/v1"
            (Test-ApiKey).Verdict | Should -Be 'InvalidKey'

            $env:CHATANYWHERE_API_KEY = (Key ValidPaid); $env:CHATANYWHERE_BASE_URL = $script:Api
            $result = Test-ApiKey
            $result.Verdict | Should -Be 'Valid'
            $result.BaseUri | Should -Be $script:Api
        }
        finally {
            $env:CHATANYWHERE_API_KEY = $saved.Key; $env:CHATANYWHERE_BASE_URL = $saved.Base
            $env:OPENAI_API_KEY = $saved.OpenAIKey; $env:OPENAI_BASE_URL = $saved.OpenAIBase
        }
    }
}

Context 'input that cannot be trusted is refused, not guessed' {
    It 'a piped row without a key column is an ApiKeyMissingFromInput error, never tested with the environment''s key' {
        $saved = $env:CHATANYWHERE_API_KEY
        try {
            $env:CHATANYWHERE_API_KEY = (Key ValidPaid)
            $rows = @(
                [pscustomobject]@{ Token = 'ci'; BaseUri = $script:Api }
                [pscustomobject]@{ ApiKey = (Key Wrong); BaseUri = $script:Api }
            )
            $results = @($rows | Test-ApiKey -ErrorVariable problems -ErrorAction SilentlyContinue)

            $results.Verdict | Should -Be @('InvalidKey')
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be 'ApiKeyMissingFromInput,ChatAnywhere.PowerShell.Commands.TestApiKeyCommand'
            @(Get-EmulatorRequest -Url $script:Api -Key (Key ValidPaid)).Count | Should -Be 0 -Because 'the environment key must not stand in for a row'
        }
        finally { $env:CHATANYWHERE_API_KEY = $saved }
    }

    It 'calls a masked key <Masked> a MalformedKey masked copy and sends nothing' -ForEach @(
        @{ Masked = 'sk-****0001' }
        @{ Masked = 'abcd**********wxyz' }
    ) {
        $result = Test-ApiKey -ApiKey $Masked -BaseUri $script:Api
        $result.Verdict | Should -Be 'MalformedKey'
        $result.Reason | Should -Be 'MaskedCopy'
        $result.Message | Should -Match 'masked copy'
        $result.Attempts | Should -Be 0
        @(Get-EmulatorRequest -Url $script:Api).Count | Should -Be 0
    }

    It 'refuses the masked keys of its own CSV output when they are piped back in' {
        $csv = Join-Path $TestDrive 'checked.csv'
        (Key Wrong) | Test-ApiKey -BaseUri $script:Api | Export-Csv $csv -NoTypeInformation
        Reset-EmulatorState -Url $script:Api
        $again = Import-Csv $csv | Test-ApiKey
        $again.Reason | Should -Be 'MaskedCopy'
        @(Get-EmulatorRequest -Url $script:Api).Count | Should -Be 0
    }
}

Context 'Test-ApiKey errors' {
    It 'writes a non-terminating error for an empty key and goes on with the others' {
        $results = @((Key ValidPaid), '  ', (Key Wrong) | Test-ApiKey -BaseUri $script:Api -ErrorVariable problems -ErrorAction SilentlyContinue)
        $results.Verdict | Should -Be @('Valid', 'InvalidKey')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'EmptyApiKey,ChatAnywhere.PowerShell.Commands.TestApiKeyCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses plain http to another host from the pipeline, per row' {
        $rows = @(
            [pscustomobject]@{ ApiKey = (Key ValidPaid); BaseUri = 'http://relay.example.test' }
            [pscustomobject]@{ ApiKey = (Key ValidPaid); BaseUri = $script:Api }
        )
        $results = @($rows | Test-ApiKey -ErrorVariable problems -ErrorAction SilentlyContinue)
        $results.Verdict | Should -Be @('Valid')
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'UnencryptedAuthenticationRefused,*'
        $problems[0].CategoryInfo.Category | Should -Be 'SecurityError'
    }

    It 'stops with a clear error for a bad -BaseUri argument' {
        { Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri 'not a url' } | Should -Throw -ErrorId 'InvalidBaseUri,ChatAnywhere.PowerShell.Commands.TestApiKeyCommand'
        { Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri 'http://relay.example.test' } | Should -Throw -ErrorId 'UnencryptedAuthenticationRefused,*'
    }

    It 'sends requests through -Proxy, not straight to the service' {
        $proxy = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $proxy.Start()
        try {
            $result = Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri $script:Api -Proxy "http://127.0.0.1:$($proxy.LocalEndpoint.Port)" -MaxRetries 0 -TimeoutSec 2
            $proxy.Pending() | Should -BeTrue -Because 'the request must go to the proxy'
            $result.Verdict | Should -Be 'NetworkError'
            @(Get-EmulatorRequest -Url $script:Api -Key (Key ValidPaid)).Count | Should -Be 0
        }
        finally { $proxy.Stop() }
    }

    It 'names the proxy, not the service, when the proxy refuses connections (ProxyUnreachable)' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $closed = $listener.LocalEndpoint.Port; $listener.Stop()

        $result = Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri $script:Api -Proxy "http://127.0.0.1:$closed" -MaxRetries 0
        $result.Verdict | Should -Be 'NetworkError'
        $result.Reason | Should -Be 'ProxyUnreachable'
        ($result.Diagnosis -join ' ') | Should -Match "proxy http://127\.0\.0\.1:$closed"
        ($result.Recommendation -join ' ') | Should -Match '-Proxy'
        @(Get-EmulatorRequest -Url $script:Api -Key (Key ValidPaid)).Count | Should -Be 0
    }

    It 'names the proxy when it asks for credentials (407, ProxyAuthRequired)' {
        # A tiny loopback proxy that answers every request with 407.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $proxyJob = Start-ThreadJob -ArgumentList $listener -ScriptBlock {
            param($listener)
            try {
                while ($true) {
                    $client = $listener.AcceptTcpClient()
                    $stream = $client.GetStream()
                    $reader = [System.IO.StreamReader]::new($stream)
                    while ($reader.ReadLine()) { }   # the request head ends with an empty line
                    $answer = "HTTP/1.1 407 Proxy Authentication Required`r`nProxy-Authenticate: Basic realm=`"test`"`r`nContent-Length: 0`r`nConnection: close`r`n`r`n"
                    $bytes = [System.Text.Encoding]::ASCII.GetBytes($answer)
                    $stream.Write($bytes, 0, $bytes.Length); $stream.Flush(); $client.Dispose()
                }
            }
            catch { }   # the listener was stopped
        }
        try {
            $result = Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri $script:Api -Proxy "http://127.0.0.1:$($listener.LocalEndpoint.Port)" -MaxRetries 2
            $result.Verdict | Should -Be 'NetworkError'
            $result.Reason | Should -Be 'ProxyAuthRequired'
            $result.StatusCode | Should -Be 407
            $result.Attempts | Should -Be 1 -Because 'retrying cannot supply credentials'
            ($result.Recommendation -join ' ') | Should -Match '-ProxyCredential'
        }
        finally { $listener.Stop(); $proxyJob | Remove-Job -Force }
    }

    It 'refuses to send a key over plain http through a proxy that is not on this machine' {
        # Issue 16: the target was loopback, the proxy was not, and the key went to the proxy in clear.
        { Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri $script:Api -Proxy 'http://192.0.2.1:8080' -MaxRetries 0 -TimeoutSec 2 } |
            Should -Throw -ErrorId 'UnencryptedAuthenticationRefused,*'
        @(Get-EmulatorRequest -Url $script:Api -Key (Key ValidPaid)).Count | Should -Be 0
        $env:HTTP_PROXY, $saved = 'http://192.0.2.1:8080', $env:HTTP_PROXY
        try {
            $out = & (Get-PwshPath) -NoProfile -Command "Import-Module '$script:ManifestPath'; try { Test-ApiKey -ApiKey '$(Key ValidPaid)' -BaseUri '$script:Api' -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }"
            $out | Should -BeLike 'UnencryptedAuthenticationRefused,*'
        }
        finally { $env:HTTP_PROXY = $saved }
    }

    It 'never echoes the credentials or query string of a refused base URL' {
        $secret = Key ValidPaid
        foreach ($uri in "http://user:$secret@relay.example.test/v1", "https://relay.example.test/v1?api_key=$secret", "ftp://relay.example.test/?k=$secret") {
            $problem = $null
            try { Test-ApiKey -ApiKey $secret -BaseUri $uri -ErrorAction Stop } catch { $problem = $_ }
            $problem | Should -Not -BeNullOrEmpty
            "$($problem.TargetObject) $($problem.Exception.Message) $($problem.ErrorDetails)" | Should -Not -Match ([regex]::Escape($secret.Substring(3, 12)))
        }
    }

    It 'stops when -Proxy and -NoProxy are both given' {
        { Test-ApiKey -ApiKey (Key ValidPaid) -Proxy http://127.0.0.1:1 -NoProxy } | Should -Throw -ErrorId 'ProxyConflict,*'
    }

    It 'validates -ThrottleLimit' {
        { Test-ApiKey -ApiKey (Key ValidPaid) -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Test-ApiKey -ApiKey (Key ValidPaid) -ThrottleLimit 65 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'stops when no key is given anywhere' {
        $saved = $env:CHATANYWHERE_API_KEY, $env:OPENAI_API_KEY
        try {
            $env:CHATANYWHERE_API_KEY = $null; $env:OPENAI_API_KEY = $null
            { Test-ApiKey -BaseUri $script:Api } | Should -Throw -ErrorId 'NoApiKey,*'
        }
        finally { $env:CHATANYWHERE_API_KEY, $env:OPENAI_API_KEY = $saved }
    }
}

Context 'Secrets' {
    It 'never shows a key in any stream, in errors or in JSON of the output' {
        $keys = @((Key ValidPaid), (Key Wrong), (Key DailyLimited), (Key Suspended), (Key ServiceFault), (Key Redirect))
        $streams = & {
            $keys | Test-ApiKey -BaseUri $script:Api -Verbose -Debug -MaxRetries 1 -InformationAction Continue -WarningAction Continue
            $keys | Test-ApiKey -BaseUri "$script:Api/openai" -Verbose -Debug
            '' | Test-ApiKey -BaseUri $script:Api -ErrorAction Continue
        } *>&1
        $text = ($streams | Out-String) + ($streams | Where-Object { $_ -is [ChatAnywhere.ApiKeyTestResult] } | ConvertTo-Json -Depth 5) +
            ($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception.ToString() + $_.ToString() })

        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        @($streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 5
        foreach ($key in $keys) {
            $text.Contains($key) | Should -BeFalse -Because 'the full key must never be shown'
            $text.Contains($key.Substring(3, 40)) | Should -BeFalse -Because 'no long part of the key may be shown either'
        }
    }

    It 'never prints a key on the console of a real pwsh process, even with -Verbose -Debug' {
        $key = Key Wrong
        $script = "Import-Module '$script:ManifestPath'; `$DebugPreference = 'Continue'; Test-ApiKey -ApiKey '$key' -BaseUri '$script:Api' -Verbose -Debug | Format-List *; Test-ApiKey -ApiKey '$key' -BaseUri '$script:Api' | ConvertTo-Json"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $output = & (Get-PwshPath) -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | Out-String
        $output | Should -Match 'InvalidKey'
        $output.Contains($key) | Should -BeFalse
    }
}

Context 'Stopping and progress' {
    It 'returns within a second of Ctrl+C and sends nothing more' {
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; '$(Key Timeout)', '$(Key Timeout)' | Test-ApiKey -BaseUri '$script:Api' -TimeoutSec 60 -ThrottleLimit 1")
            $async = $runspace.BeginInvoke()
            # The emulator logs a request on arrival: stop once the first probe is held there.
            $null = Wait-EmulatorRequest -Url $script:Api -Key (Key Timeout)

            $stop = Measure-Command { $runspace.Stop() }

            # The promise is "within a second"; the bound leaves room for a loaded CI machine.
            $stop.TotalSeconds | Should -BeLessThan 2.5
            $async.IsCompleted | Should -BeTrue
            Start-Sleep -Seconds 1
            @(Get-EmulatorRequest -Url $script:Api -Key (Key Timeout)).Count | Should -Be 1
        }
        finally { $runspace.Dispose() }
    }

    It 'shows progress when more than a few keys are tested, and completes it' {
        $runspace = [powershell]::Create()
        try {
            $keys = @(1..4 | ForEach-Object { Key Slow }) + @(1..8 | ForEach-Object { Key ValidPaid })
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; `$args[0] | Test-ApiKey -BaseUri '$script:Api' -ThrottleLimit 4").AddArgument($keys)
            $results = $runspace.Invoke()

            $results.Count | Should -Be 12
            $runspace.Streams.Progress.Count | Should -BeGreaterThan 1
            $runspace.Streams.Progress[-1].RecordType | Should -Be 'Completed'
            ($runspace.Streams.Progress | Where-Object RecordType -eq 'Processing' | Select-Object -First 1).StatusDescription | Should -Match 'Tested \d+ of \d+ keys'
        }
        finally { $runspace.Dispose() }
    }
}
}
