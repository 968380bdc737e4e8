Describe 'Get-ApiKeyBalance' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url

    # Balance keys of src/ChatAnywhere.Emulator/Resources/scenario.default.json.
    $script:NearlyOut = 'sk-EmuBalanceNearlyOut00000000000000000000000000019'
    $script:Partial = 'sk-EmuBalancePartial0000000000000000000000000000020'
    $script:Broken = 'sk-EmuBalanceBroken00000000000000000000000000000021'
    $script:Relay = @{
        CiPipeline = 'sk-EmuRelayCiPipeline000000000000000000000000000101'
        Reporting  = 'sk-EmuRelayReporting0000000000000000000000000000102'
        Budget     = 'sk-EmuRelayBudget0000000000000000000000000000000105'
        Expired    = 'sk-EmuRelayExpired000000000000000000000000000000106'
    }

    function Send-Chat([string] $Key, [string] $Base) {
        $body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"max_tokens":1}'
        $null = Invoke-RestMethod -Method Post -Uri "$Base/v1/chat/completions" -Headers @{ Authorization = "Bearer $Key" } -Body $body -ContentType 'application/json' -NoProxy
    }

    function Assert-NoSpendingCall([string[]] $Keys) {
        foreach ($key in $Keys) {
            $paths = @(Get-EmulatorRequest -Url $script:Api -Key $key | ForEach-Object path)
            $paths | Should -Not -BeNullOrEmpty
            $paths | Where-Object { $_ -match '/v1/models|/chat/|/completions' } | Should -BeNullOrEmpty
        }
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

BeforeEach { Reset-EmulatorState -Url $script:Api }

Context 'ChatAnywhere (POST /v1/query/balance, EMU-CA-balance answers)' {
    It '<Name>: Remaining <Remaining>, State <State>' -ForEach @(
        @{ Name = 'ValidPaid';  Remaining = 3.2;   State = 'Active';    Verdict = $null }
        @{ Name = 'BalanceLow'; Remaining = 0;     State = 'Exhausted'; Verdict = $null }
        @{ Name = 'ValidFree';  Remaining = $null; State = 'Active';    Verdict = $null }
        @{ Name = 'Wrong';      Remaining = $null; State = 'Invalid';   Verdict = 'InvalidKey' }
        @{ Name = 'Suspended';  Remaining = $null; State = 'Disabled';  Verdict = 'Restricted' }
    ) {
        $balance = Get-ApiKeyBalance -ApiKey (Key $Name) -BaseUri $script:Api -Backend ChatAnywhere

        $balance.Remaining | Should -Be $Remaining
        $balance.State | Should -Be $State
        $balance.Unit | Should -Be 'Unknown'
        $balance.ExpiresAt | Should -BeNullOrEmpty
        $balance.Backend | Should -Be 'ChatAnywhere'
        $balance.Source | Should -Be 'POST /v1/query/balance'
        $balance.Verdict | Should -Be $Verdict
        $balance.Key | Should -Be ((Key $Name).Substring(0, 3) + '****' + (Key $Name).Substring(47))
        $request = Get-EmulatorRequest -Url $script:Api -Key (Key $Name) | Select-Object -First 1
        $request.method | Should -Be 'POST'
    }

    It 'says a free key has no balance instead of inventing one' {
        $balance = Get-ApiKeyBalance -ApiKey (Key ValidFree) -BaseUri $script:Api -Backend ChatAnywhere

        $balance.Total | Should -BeNullOrEmpty
        ($balance.Diagnosis -join ' ') | Should -Match 'no balance'
    }

    It 'reports a partial answer as far as it goes and a malformed one as Unknown' {
        $partial, $broken = $script:Partial, $script:Broken | Get-ApiKeyBalance -BaseUri $script:Api -Backend ChatAnywhere

        $partial.Total | Should -Be 8
        $partial.Remaining | Should -BeNullOrEmpty
        $partial.State | Should -Be 'Active'
        $broken.State | Should -Be 'Unknown'
        $broken.Total | Should -BeNullOrEmpty
        ($broken.Diagnosis -join ' ') | Should -Match 'not a balance'
    }

    It 'finds the ChatAnywhere route on an unknown host with -Backend Auto' {
        $balance = Get-ApiKeyBalance -ApiKey (Key ValidPaid) -BaseUri $script:Api

        $balance.Remaining | Should -Be 3.2
        $balance.Source | Should -Be 'POST /v1/query/balance'
    }

    It 'watches the balance fall as the data plane spends, and lists the usage by hour' {
        Send-Chat (Key ValidPaid) $script:Api
        Send-Chat (Key ValidPaid) $script:Api

        $balance = Get-ApiKeyBalance -ApiKey (Key ValidPaid) -BaseUri $script:Api -Backend ChatAnywhere -UsageHours 24 -Model 'gpt-4o%'

        $balance.Used | Should -Be 16.82
        $balance.Remaining | Should -Be 3.18
        $balance.Usage | Should -HaveCount 1
        $balance.Usage[0].Requests | Should -Be 2
        $balance.Usage[0].Cost | Should -Be 0.02
        $usage = Get-EmulatorRequest -Url $script:Api -Key (Key ValidPaid) | Where-Object path -eq '/v1/query/usage_details'
        $usage | Should -HaveCount 1
    }
}

Context 'relays (<Flavour>)' -ForEach @(
    @{ Flavour = 'one-api';      Backend = 'OneApi'; Source = 'GET /v1/dashboard/billing/subscription' }
    @{ Flavour = 'new-api';      Backend = 'NewApi'; Source = 'GET /api/usage/token/' }
    @{ Flavour = 'new-api-2025'; Backend = 'NewApi'; Source = 'GET /api/usage/token/' }
) {
    BeforeAll { $script:Base = "$script:Api/relay/$Flavour" }

    It 'reads a token with $0.20 left of $1 and its expiry' {
        $balance = Get-ApiKeyBalance -ApiKey $script:Relay.Budget -BaseUri $script:Base

        $balance.Backend | Should -Be $Backend
        $balance.Total | Should -Be 1
        $balance.Used | Should -Be 0.8
        $balance.Remaining | Should -Be 0.2
        $balance.Unit | Should -Be 'USD'
        $balance.State | Should -Be 'Active'
        $balance.ExpiresAt | Should -Be ([datetime]::new(2100, 1, 1, 0, 0, 0, [DateTimeKind]::Utc))
        $balance.Source | Should -Be $Source
    }

    It 'marks an unlimited token Unlimited with no Remaining' {
        $balance = Get-ApiKeyBalance -ApiKey $script:Relay.Reporting -BaseUri $script:Base

        $balance.Unlimited | Should -BeTrue
        $balance.Remaining | Should -BeNullOrEmpty
        $balance.State | Should -Be 'Active'
    }

    It 'calls an expired token Expired' {
        $balance = Get-ApiKeyBalance -ApiKey $script:Relay.Expired -BaseUri $script:Base

        $balance.State | Should -Be 'Expired'
    }

    It 'calls an unknown key Invalid, from the classifier' {
        $balance = Get-ApiKeyBalance -ApiKey (Key Wrong) -BaseUri $script:Base

        $balance.State | Should -Be 'Invalid'
        $balance.Verdict | Should -Be 'InvalidKey'
    }

    It 'shows a chat completion spent from the token' {
        Send-Chat $script:Relay.Budget $script:Base

        (Get-ApiKeyBalance -ApiKey $script:Relay.Budget -BaseUri $script:Base).Remaining | Should -Be 0.19
    }
}

Context 'alerts' {
    It 'writes LowBalance exactly for the keys below -MinimumRemaining, in input order' {
        $keys = (Key ValidPaid), $script:NearlyOut, (Key BalanceLow)

        $balances = $keys | Get-ApiKeyBalance -BaseUri $script:Api -Backend ChatAnywhere -MinimumRemaining 1 -ErrorVariable low -ErrorAction SilentlyContinue

        $balances.Key | Should -Be ($keys | ForEach-Object { $_.Substring(0, 3) + '****' + $_.Substring(47) })
        $balances.IsLow | Should -Be @($false, $true, $true)
        $low | Should -HaveCount 2
        $low.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'LowBalance,*' }
        $low.CategoryInfo.Category | ForEach-Object { $_ | Should -Be 'LimitsExceeded' }
        $low[0].Exception.Message | Should -Be 'Key sk-****0019 has 0.05 Unknown left, below the minimum of 1 Unknown.'
    }

    It '-Quiet is true only when every key is above the threshold' {
        Get-ApiKeyBalance -ApiKey (Key ValidPaid) -BaseUri $script:Api -Backend ChatAnywhere -MinimumRemaining 1 -Quiet | Should -BeExactly $true
        (Key ValidPaid), $script:NearlyOut | Get-ApiKeyBalance -BaseUri $script:Api -Backend ChatAnywhere -MinimumRemaining 1 -Quiet | Should -BeExactly $false
        Get-ApiKeyBalance -ApiKey (Key Wrong) -BaseUri $script:Api -Backend ChatAnywhere -MinimumRemaining 1 -Quiet | Should -BeExactly $false
    }
}

Context 'Test-ApiKey -IncludeBalance' {
    It 'adds Remaining and Unit to a Valid key and to an exhausted one, and says the amount' {
        $valid, $wrong = (Key ValidPaid), (Key Wrong) | Test-ApiKey -BaseUri $script:Api -IncludeBalance
        $spent = Test-ApiKey -ApiKey $script:Relay.Budget -BaseUri "$script:Api/relay/one-api" -IncludeBalance

        $valid.Remaining | Should -Be 3.2
        $valid.Unit | Should -Be 'Unknown'
        ($valid.Recommendation -join ' ') | Should -Match '3\.2 .*left'
        $wrong.Verdict | Should -Be 'InvalidKey'
        $wrong.Remaining | Should -BeNullOrEmpty
        $spent.Remaining | Should -Be 0.2
        $spent.Unit | Should -Be 'USD'
        ($spent.Recommendation -join ' ') | Should -Match '0\.2 USD left, until 2100-01-01'
    }
}

Context 'what it sends and shows' {
    It 'never spends: no /v1/models, no chat, for any backend' {
        $null = Get-ApiKeyBalance -ApiKey (Key ValidPaid) -BaseUri $script:Api -UsageHours 1
        $null = Get-ApiKeyBalance -ApiKey $script:Relay.CiPipeline -BaseUri "$script:Api/relay/one-api" -UsageHours 1
        $null = Get-ApiKeyBalance -ApiKey $script:Relay.Budget -BaseUri "$script:Api/relay/new-api" -UsageHours 1

        Assert-NoSpendingCall @((Key ValidPaid), $script:Relay.CiPipeline, $script:Relay.Budget)
    }

    It 'puts no full key in any stream, even with -Verbose and -Debug' {
        $keys = (Key ValidPaid), (Key Wrong), $script:Broken
        $all = $keys | Get-ApiKeyBalance -BaseUri $script:Api -MinimumRemaining 5 -ErrorAction Continue -Verbose -Debug *>&1 | Out-String -Width 400
        $all += $keys | Get-ApiKeyBalance -BaseUri $script:Api -MinimumRemaining 5 -ErrorAction SilentlyContinue | Format-List * | Out-String -Width 400

        foreach ($key in $keys) { $all | Should -Not -Match ([regex]::Escape($key)) }
        $all | Should -Match 'LowBalance|below the minimum'
    }

    It 'shows Key, Backend, Remaining, Unit, State and ExpiresAt in a table that fits 80 columns' {
        $balance = Get-ApiKeyBalance -ApiKey $script:Relay.Budget -BaseUri "$script:Api/relay/one-api"
        $lines = ($balance | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() }

        $lines[0] | Should -Match '^Key\s+Backend\s+Remaining\s+Unit\s+State\s+ExpiresAt'
        $lines[2] | Should -Match '^sk-\*\*\*\*0105\s+OneApi\s+0\.2\s+USD\s+Active\s+2100-01-01 00:00'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'declares its output types and completes -BaseUri like Test-ApiKey' {
        (Get-Command Get-ApiKeyBalance).OutputType.Name | Should -Contain 'ChatAnywhere.ApiKeyBalance'
        $line = 'Get-ApiKeyBalance -BaseUri https://api.chatanywhere.'
        $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
        $completions | Should -Contain 'https://api.chatanywhere.tech'
    }
}
}
