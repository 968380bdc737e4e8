Describe 'Get-ServiceStatus' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ManifestPath = Get-TestModulePath
    Import-Module $script:ManifestPath -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:Kuma = "$($script:Api)/uptime-kuma"
    $script:DefaultScenario = Invoke-RestMethod -Uri "$($script:Api)/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20

    # A port nothing listens on.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $script:ClosedPort = $listener.LocalEndpoint.Port; $listener.Stop()

    # Applies changes to the default scenario (a hashtable of top-level members) and loads it.
    function Set-Scenario([hashtable] $Changes) {
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        foreach ($name in $Changes.Keys) { $scenario[$name] = $Changes[$name] }
        $null = Invoke-RestMethod -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body ($scenario | ConvertTo-Json -Depth 20) -ContentType 'application/json' -NoProxy
    }

    function Get-Monitors([string[]] $States) {
        $id = 0
        @(foreach ($state in $States) { $id++; @{ id = $id; name = "M$id"; state = $state; uptime24 = 0.9; pingMs = 100 } })
    }
}

AfterAll {
    if ($script:Emulator) {
        $null = Invoke-RestMethod -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body $script:DefaultScenario -ContentType 'application/json' -NoProxy
        Stop-Emulator $script:Emulator
    }
}

BeforeEach {
    $null = Invoke-RestMethod -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body $script:DefaultScenario -ContentType 'application/json' -NoProxy
    Reset-EmulatorState -Url $script:Api
}

Context 'Overall' {
    It 'is Operational when every endpoint answers and every monitor is up' {
        $status = Get-ServiceStatus -BaseUri $script:Api, "$script:Api/relay/new-api" -StatusPageUri $script:Kuma

        $status.Overall | Should -Be 'Operational'
        $status.Endpoints.Status | Should -Be @('Operational', 'Operational')
        $status.StatusPageState | Should -Be 'Read'
        $status.Components.Count | Should -Be 5
        ($status.Components | Where-Object Id -eq 6).Uptime24h | Should -Be 99.95
        $status.CheckedAt.Kind | Should -Be 'Utc'
        $status.ToString() | Should -Match '^Operational: '
    }

    It 'is Degraded when one endpoint is down and another is Operational' {
        $status = Get-ServiceStatus -BaseUri $script:Api, 'https://api.chatanywhere.invalid' -NoStatusPage
        $status.Overall | Should -Be 'Degraded'
        $status.Endpoints[1].Status | Should -Be 'Down'
    }

    It 'is Outage when no endpoint is Operational, whatever the status page says' {
        $status = Get-ServiceStatus -BaseUri "http://127.0.0.1:$script:ClosedPort", 'https://api.chatanywhere.invalid' -StatusPageUri $script:Kuma
        $status.Overall | Should -Be 'Outage'
        $status.Endpoints.Cause | Should -Be @('ConnectionRefused', 'DnsFailure')
        $status.StatusPageState | Should -Be 'Read'
    }

    It 'is Unknown when no endpoint could be checked' {
        $status = Get-ServiceStatus -BaseUri 'not a url' -NoStatusPage -ErrorVariable problems -ErrorAction SilentlyContinue
        $status.Overall | Should -Be 'Unknown'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidBaseUri,*'
    }
}

Context 'Endpoint status and cause' {
    It '<Case> gives <Expected> (<ExpectedCause>)' -ForEach @(
        @{ Case = 'a slow answer'; Expected = 'Degraded'; ExpectedCause = 'Slow'; Faults = @(@{ kind = 'latency'; ms = 700; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'a 503 then an answer'; Expected = 'Degraded'; ExpectedCause = 'Retried'; Faults = @(@{ kind = 'flaky'; status = 503; failures = 1; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'a 503 every time'; Expected = 'Down'; ExpectedCause = 'ServerError'; Faults = @(@{ kind = 'status'; status = 503; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'a Cloudflare 502 page'; Expected = 'Down'; ExpectedCause = 'CloudflareError'; Faults = @(@{ kind = 'cloudflare'; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'a Cloudflare challenge'; Expected = 'Down'; ExpectedCause = 'BlockedByWaf'; Faults = @(@{ kind = 'cloudflare'; page = 'challenge'; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'a reset connection'; Expected = 'Down'; ExpectedCause = 'ConnectionReset'; Faults = @(@{ kind = 'reset'; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'no answer in time'; Expected = 'Down'; ExpectedCause = 'Timeout'; Faults = @(@{ kind = 'timeout'; ms = 5000; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'a 429'; Expected = 'Degraded'; ExpectedCause = 'RateLimited'; Faults = @(@{ kind = 'rateLimit'; retryAfterSec = 0; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'an HTML page'; Expected = 'Down'; ExpectedCause = 'UnexpectedAnswer'; Faults = @(@{ kind = 'html'; paths = @('/relay/one-api/v1/models') }) }
        @{ Case = 'a failing /api/status'; Expected = 'Degraded'; ExpectedCause = 'RelayStatusFailed'; Faults = @(@{ kind = 'status'; status = 500; paths = @('/relay/one-api/api/status') }) }
    ) {
        Set-Scenario @{ faults = $Faults }
        $status = Get-ServiceStatus -BaseUri "$script:Api/relay/one-api", "$script:Api/relay/new-api" -NoStatusPage -SlowThresholdMs 500 -TimeoutSec 1 -MaxRetries 1

        $status.Endpoints[0].Status | Should -Be $Expected
        $status.Endpoints[0].Cause | Should -Be $ExpectedCause
        $status.Endpoints[0].Detail | Should -Not -BeNullOrEmpty
        $status.Endpoints[1].Status | Should -Be 'Operational' -Because 'a failing endpoint never hides the others'
        $status.Overall | Should -Be 'Degraded'
    }

    It 'checks the base URL of $env:<Variable> when -BaseUri is omitted, as README says' -ForEach @(
        @{ Variable = 'CHATANYWHERE_BASE_URL' }, @{ Variable = 'OPENAI_BASE_URL' }, @{ Variable = 'OPENAI_API_BASE' }
    ) {
        $names = 'CHATANYWHERE_BASE_URL', 'OPENAI_BASE_URL', 'OPENAI_API_BASE'
        $saved = @{}; foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $null) }
            [Environment]::SetEnvironmentVariable($Variable, "$script:Api/relay/one-api/v1")
            $status = Get-ServiceStatus -NoStatusPage
            $status.Endpoints.BaseUri | Should -Be @("$script:Api/relay/one-api")
            $status.Overall | Should -Be 'Operational'
        }
        finally { foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    }

    It 'names the relay, its version and system name' {
        $status = Get-ServiceStatus -BaseUri "$script:Api/relay/one-api", "$script:Api/relay/new-api" -NoStatusPage
        $status.Endpoints.Backend | Should -Be @('OneApi', 'NewApi')
        $status.Endpoints.RelaySystemName | Should -Be @('One API', 'New API')
        $status.Endpoints[1].RelayVersion | Should -Be 'v1.0.0-rc.39'
        $status.Endpoints[0].StatusCode | Should -Be 401
    }

    It 'reports a TLS failure without -SkipCertificateCheck, and Operational with it' {
        $https = Start-Emulator -Configuration (Get-TestConfiguration) -Https
        try {
            $https.Url | Should -BeLike 'https://*'
            $failed = Get-ServiceStatus -BaseUri $https.Url -NoStatusPage
            $failed.Endpoints[0].Status | Should -Be 'Down'
            $failed.Endpoints[0].Cause | Should -Be 'TlsError'
            $failed.Endpoints[0].Detail | Should -Match 'RemoteCertificateChainErrors'

            $skipped = Get-ServiceStatus -BaseUri $https.Url -NoStatusPage -SkipCertificateCheck
            $skipped.Endpoints[0].Status | Should -Be 'Operational'
            $skipped.Endpoints[0].TlsMs | Should -Not -BeNullOrEmpty
        }
        finally { Stop-Emulator $https }
    }

    It 'checks endpoints concurrently: two endpoints delayed 3 s take well under 6 s' {
        Set-Scenario @{ faults = @(@{ kind = 'latency'; ms = 3000; paths = @('/relay/one-api/v1/models', '/relay/new-api/v1/models') }) }
        $elapsed = Measure-Command { $status = Get-ServiceStatus -BaseUri "$script:Api/relay/one-api", "$script:Api/relay/new-api" -StatusPageUri $script:Kuma -SlowThresholdMs 5000 }

        $status.Endpoints.Status | Should -Be @('Operational', 'Operational')
        $status.Endpoints | ForEach-Object { $_.HttpMs | Should -BeGreaterOrEqual 2900 }
        # One after the other would take over 6 s; the margin is for a loaded CI machine.
        $elapsed.TotalSeconds | Should -BeLessThan 5
    }

    It 'keeps a 503 with Retry-After: 3600 within the time budget of -TimeoutSec 3' {
        # Issue 16: this took 60 s (a capped 60 s wait per retry). Budget: 3 s x (1 retry + 1) = 6 s.
        Set-Scenario @{ faults = @(@{ kind = 'rateLimit'; status = 503; retryAfterSec = 3600; paths = @('/v1/models') }) }
        $elapsed = Measure-Command { $status = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri $script:Kuma -TimeoutSec 3 }

        $status.Endpoints[0].Status | Should -Not -Be 'Operational'
        # The bound is the budget plus room for a loaded CI machine, far below the 60 s of a wait.
        $elapsed.TotalSeconds | Should -BeLessThan 20
    }

    It 'exports the endpoints to CSV with every column' {
        $path = Join-Path $TestDrive 'endpoints.csv'
        Get-ServiceStatus -BaseUri $script:Api, "$script:Api/relay/new-api" -NoStatusPage | Select-Object -ExpandProperty Endpoints | Export-Csv $path
        $rows = @(Import-Csv $path)
        $rows.Count | Should -Be 2
        $rows[1].Status | Should -Be 'Operational'
        $rows[1].RelayVersion | Should -Be 'v1.0.0-rc.39'
        foreach ($column in 'BaseUri', 'Cause', 'Detail', 'DnsMs', 'ConnectMs', 'TlsMs', 'HttpMs', 'StatusCode', 'Backend', 'Address') { $rows[0].PSObject.Properties.Name | Should -Contain $column }
        $rows[0].HttpMs | Should -Match '^\d+$'
    }
}

Context 'Status page' {
    It 'shows each monitor state, incidents and maintenance' {
        Set-Scenario @{ statusPage = @{ slug = 'mixed'; title = 'Mixed'; shape = '2'; domainMapped = $true
                groups = @(@{ name = 'API'; monitors = (Get-Monitors 'up', 'down', 'pending', 'maintenance') })
                incidents = @(@{ title = 'Claude is slow'; content = 'Upstream trouble'; style = 'danger' })
                maintenance = @(@{ title = 'Database upgrade'; description = 'Back at noon' }) } }
        $status = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri $script:Kuma

        $status.Components.Status | Should -Be @('Up', 'Down', 'Pending', 'Maintenance')
        $status.Components[1].PingMs | Should -BeNullOrEmpty
        $status.Components[0].Uptime24h | Should -Be 90
        ([datetime]::UtcNow - $status.Components[0].LastHeartbeat).TotalMinutes | Should -BeLessThan 2
        $status.Components[0].LastHeartbeat.Kind | Should -Be 'Utc'
        $status.CheckedAt.Kind | Should -Be 'Utc'
        $status.Endpoints[0].CheckedAt.Kind | Should -Be 'Utc'
        foreach ($date in @($status.Incidents.StartedAt) + @($status.Incidents.UpdatedAt) | Where-Object { $_ }) { $date.Kind | Should -Be 'Utc' }
        $status.Incidents.Kind | Should -Be @('Incident', 'Maintenance')
        $status.Incidents[0].Title | Should -Be 'Claude is slow'
        $status.Incidents[0].Style | Should -Be 'danger'
        $status.StatusPageUri | Should -Be "$script:Kuma/status/mixed"
        $status.Overall | Should -Be 'Degraded' -Because 'some monitors are not up though the endpoint is Operational'
    }

    It 'reads the 1.x shape with its single incident' {
        Set-Scenario @{ statusPage = @{ slug = 'old'; title = 'Old'; shape = '1'; domainMapped = $true
                groups = @(@{ name = 'API'; monitors = (Get-Monitors 'up', 'up') })
                incidents = @(@{ title = 'First'; style = 'info' }, @{ title = 'Second'; style = 'info' }) } }
        $status = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri "$script:Kuma/status/old"

        $status.StatusPageState | Should -Be 'Read'
        $status.Components.Status | Should -Be @('Up', 'Up')
        @($status.Incidents).Count | Should -Be 1
        $status.Incidents[0].StartedAt.Kind | Should -Be 'Utc'
        $status.Overall | Should -Be 'Operational'
    }

    It 'reports an unknown slug as NotFound, and a host mapped to no page with the way out' {
        $unknown = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri "$script:Kuma/status/nope"
        $unknown.StatusPageState | Should -Be 'NotFound'
        $unknown.StatusPageProblem | Should -Match 'Status Page Not Found'
        $unknown.Endpoints[0].Status | Should -Be 'Operational'

        Set-Scenario @{ statusPage = @{ slug = 'hidden'; title = 'Hidden'; shape = '2'; domainMapped = $false; groups = @() } }
        $unmapped = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri $script:Kuma
        $unmapped.StatusPageState | Should -Be 'NotFound'
        $unmapped.StatusPageProblem | Should -Match ([regex]::Escape("-StatusPageUri $script:Kuma/status/<slug>"))
    }

    It 'reads the monitors'' badges when no page is mapped to the host (-MonitorId), and stays NotFound when they say N/A' {
        Set-Scenario @{ statusPage = @{ slug = 'hidden'; title = 'Hidden'; shape = '2'; domainMapped = $false
                groups = @(@{ name = 'API'; monitors = @(@{ id = 6; name = 'GPT'; state = 'up'; uptime24 = 0.9995; pingMs = 100 }, @{ id = 8; name = 'Claude'; state = 'down'; uptime24 = 0.875; pingMs = 100 }) }) } }
        $status = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri $script:Kuma -MonitorId 6, 8 -NoCommunity

        $status.StatusPageState | Should -Be 'Badges'
        $status.Components.Id | Should -Be @(6, 8)
        $status.Components.Status | Should -Be @('Up', 'Down')
        $status.Components.Uptime24h | Should -Be @(99.95, 87.5)
        $status.StatusPageProblem | Should -Match 'badges of monitors 6, 8'
        $status.Overall | Should -Be 'Degraded' -Because 'a monitor read from its badge is down'
        @(Get-EmulatorRequest -Url $script:Api | Where-Object path -Like '/uptime-kuma/api/badge/*').Count | Should -Be 4

        $none = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri $script:Kuma -MonitorId 99 -NoCommunity
        $none.StatusPageState | Should -Be 'NotFound'
        $none.StatusPageProblem | Should -Match 'say nothing either'
    }

    It 'reports a status page that is down (a 503 fault, a closed port) as Unreachable, endpoints still checked' {
        Set-Scenario @{ faults = @(@{ kind = 'status'; paths = @('/uptime-kuma/api/status-page'); fixture = 'UK-503-sqlite-busy' }) }
        $busy = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri "$script:Kuma/status/chatanywhere"
        $busy.StatusPageState | Should -Be 'Unreachable'
        $busy.StatusPageProblem | Should -Match 'SQLITE_BUSY'
        $busy.Endpoints[0].Status | Should -Be 'Operational'
        $busy.Overall | Should -Be 'Operational' -Because 'no monitor was read, and the endpoint works'

        $closed = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri "http://127.0.0.1:$script:ClosedPort"
        $closed.StatusPageState | Should -Be 'Unreachable'
        $closed.StatusPageProblem | Should -Match 'ConnectionRefused'
    }

    It 'calls something that is not Uptime Kuma NotUptimeKuma' {
        $status = Get-ServiceStatus -BaseUri $script:Api -StatusPageUri "$script:Api/openai"
        $status.StatusPageState | Should -Be 'NotUptimeKuma'
    }
}

Context 'Keys and secrets' {
    It 'gives the key verdict with -ApiKey, masked, and never shows the key in any stream' {
        $keys = @((Key ValidPaid), (Key Wrong))
        $streams = & {
            foreach ($key in $keys) { Get-ServiceStatus -BaseUri $script:Api, "$script:Api/relay/one-api" -NoStatusPage -ApiKey $key -Verbose -Debug -MaxRetries 1 }
            Get-ServiceStatus -BaseUri 'http://example.invalid' -NoStatusPage -ApiKey (Key ValidPaid) -ErrorAction Continue
        } *>&1
        $results = @($streams | Where-Object { $_ -is [ChatAnywhere.ServiceStatus] })
        $text = ($streams | Out-String) + ($results | ConvertTo-Json -Depth 6) + ($results.Endpoints | Format-List * | Out-String) +
            ($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception.ToString() + $_.ToString() })

        $results[0].Endpoints[0].KeyVerdict | Should -Be 'Valid'
        $results[0].Endpoints[0].Key | Should -Be ((Key ValidPaid).Substring(0, 3) + '****' + (Key ValidPaid).Substring(47))
        $results[1].Endpoints[0].KeyVerdict | Should -Be 'InvalidKey'
        $results[1].Endpoints[1].KeyVerdict | Should -Be 'InvalidKey'
        $results[1].Endpoints[0].Status | Should -Be 'Operational' -Because 'a wrong key says nothing against the service'
        @($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0].FullyQualifiedErrorId | Should -BeLike 'UnencryptedAuthenticationRefused,*'
        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        foreach ($key in $keys) {
            $text.Contains($key) | Should -BeFalse
            $text.Contains($key.Substring(3, 40)) | Should -BeFalse
        }
        @(Get-EmulatorRequest -Url $script:Api -Key (Key ValidPaid)).Count | Should -BeGreaterThan 0
    }

    It 'does not send a masked -ApiKey: its KeyVerdict is MalformedKey and the service is checked without it' {
        $status = Get-ServiceStatus -BaseUri $script:Api -NoStatusPage -ApiKey 'sk-****0001'
        $status.Endpoints[0].KeyVerdict | Should -Be 'MalformedKey'
        $status.Endpoints[0].Status | Should -Be 'Operational'
        @(Get-EmulatorRequest -Url $script:Api | Where-Object keyFingerprint).Count | Should -Be 0
    }

    It 'sends no key without -ApiKey, even when one is in the environment' {
        $saved = $env:CHATANYWHERE_API_KEY
        try {
            $env:CHATANYWHERE_API_KEY = Key ValidPaid
            $status = Get-ServiceStatus -BaseUri $script:Api -NoStatusPage
            $status.Endpoints[0].KeyVerdict | Should -BeNullOrEmpty
            @(Get-EmulatorRequest -Url $script:Api | Where-Object keyFingerprint).Count | Should -Be 0
        }
        finally { $env:CHATANYWHERE_API_KEY = $saved }
    }
}

Context 'Stopping, progress, help' {
    It 'returns within a second of Ctrl+C' {
        Set-Scenario @{ faults = @(@{ kind = 'timeout'; ms = 60000; paths = @('/v1/models') }) }
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Get-ServiceStatus -BaseUri '$script:Api' -NoStatusPage -TimeoutSec 60")
            $async = $runspace.BeginInvoke()
            # The emulator logs a request on arrival: stop once the probe is held there.
            $null = Wait-EmulatorRequest -Url $script:Api -PathPrefix '/v1/models'
            $async.IsCompleted | Should -BeFalse

            $stop = Measure-Command { $runspace.Stop() }

            # The promise is "within a second"; the bound leaves room for a loaded CI machine.
            $stop.TotalSeconds | Should -BeLessThan 2.5
            $async.IsCompleted | Should -BeTrue
        }
        finally { $runspace.Dispose() }
    }

    It 'shows progress while it waits, and completes it' {
        Set-Scenario @{ faults = @(@{ kind = 'latency'; ms = 600; paths = @('/v1/models') }) }
        $runspace = [powershell]::Create()
        try {
            $null = $runspace.AddScript("Import-Module '$script:ManifestPath'; Get-ServiceStatus -BaseUri '$script:Api' -StatusPageUri '$script:Kuma'")
            $results = $runspace.Invoke()
            $results.Count | Should -Be 1
            $runspace.Streams.Progress.Count | Should -BeGreaterThan 1
            $runspace.Streams.Progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $runspace.Dispose() }
    }

    It 'has help with the scheduled-task example, and declares its output type' {
        $help = Get-Help Get-ServiceStatus -Full
        ($help.Examples.Example.Code -join "`n") | Should -Match ([regex]::Escape("(Get-ServiceStatus).Overall -ne 'Operational'"))
        (Get-Command Get-ServiceStatus).OutputType.Name | Should -Contain 'ChatAnywhere.ServiceStatus'
    }

    It 'completes -BaseUri with both ChatAnywhere hosts' {
        $line = 'Get-ServiceStatus -BaseUri '
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'https://api.chatanywhere.tech'
        $completions | Should -Contain 'https://api.chatanywhere.org'
    }
}
}
