Describe 'The emulator keeps offline rehearsal on this machine' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:DefaultScenario = Invoke-RestMethod -Uri "$($script:Api)/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

It 'sends a client that follows the redirect fault back to the emulator itself' {
    $answer = Invoke-WebRequest -Uri "$($script:Api)/v1/models" -Headers @{ Authorization = "Bearer $(Key Redirect)" } -MaximumRedirection 0 -SkipHttpErrorCheck -NoProxy -ErrorAction SilentlyContinue

    [int]$answer.StatusCode | Should -BeIn 301, 302, 307, 308
    $location = [uri]"$($answer.Headers.Location)"
    $location.IsLoopback | Should -BeTrue
    $followed = Invoke-WebRequest -Uri $location -SkipHttpErrorCheck -NoProxy
    [int]$followed.StatusCode | Should -Be 404
    $followed.Content | Should -Match 'redirect fault'
}

It 'refuses a scenario whose redirect points off this machine' {
    $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
    $scenario['faults'] = @(@{ kind = 'redirect'; status = 302; location = 'https://api.chatanywhere.tech/v1/models' })

    $answer = Invoke-WebRequest -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body ($scenario | ConvertTo-Json -Depth 20) -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy

    [int]$answer.StatusCode | Should -Be 400
    $answer.Content | Should -Match 'stay on this machine'
}

It 'answers a path ChatAnywhere does not serve with its front nginx 404 page, which Test-ApiKey reads as a wrong base URL' {
    $page = Invoke-WebRequest -Uri "$($script:Api)/wrong/v1/models" -Headers @{ Authorization = "Bearer $(Key ValidPaid)" } -SkipHttpErrorCheck -NoProxy
    [int]$page.StatusCode | Should -Be 404
    "$($page.Headers['Content-Type'])" | Should -Match 'text/html'
    $page.Content | Should -Match '<center>nginx</center>'

    Import-Module (Get-TestModulePath) -Force
    $result = Test-ApiKey -ApiKey (Key ValidPaid) -BaseUri "$($script:Api)/wrong" -MaxRetries 0
    $result.Verdict | Should -Be 'WrongEndpoint'
    $result.Reason | Should -Be 'WrongPath'
}

It 'gives each answer of its OpenAI personality a request id of its own, as OpenAI does' {
    $ids = foreach ($attempt in 1, 2) {
        $answer = Invoke-WebRequest -Uri "$($script:Api)/openai/v1/models" -Headers @{ Authorization = "Bearer $(Key Wrong)" } -SkipHttpErrorCheck -NoProxy
        "$($answer.Headers['x-request-id'])"
    }

    $ids | ForEach-Object { $_ | Should -Match '^req_[0-9a-f]{32}$' }
    $ids[0] | Should -Not -Be $ids[1]
}

It 'sends the status page as raw UTF-8, as Uptime Kuma does, not as \u escapes' {
    $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
    $scenario['statusPage']['groups'][0]['monitors'][0]['name'] = '模型 GPT'
    $null = Invoke-RestMethod -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body ($scenario | ConvertTo-Json -Depth 20) -ContentType 'application/json; charset=utf-8' -NoProxy
    try {
        $slug = $scenario['statusPage']['slug']
        $answer = Invoke-WebRequest -Uri "$($script:Api)/uptime-kuma/api/status-page/$slug" -NoProxy
        $text = [System.Text.Encoding]::UTF8.GetString($answer.RawContentStream.ToArray())
        $text | Should -Match '模型 GPT'
        $text | Should -Not -Match '\\u6a21'
    }
    finally {
        $null = Invoke-RestMethod -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body $script:DefaultScenario -ContentType 'application/json' -NoProxy
    }
}

It 'lists up to 100 heartbeats a monitor, one a minute, as Uptime Kuma does' {
    $beats = Invoke-RestMethod -Uri "$($script:Api)/uptime-kuma/api/status-page/heartbeat/chatanywhere" -NoProxy
    $first = @($beats.heartbeatList.PSObject.Properties)[0].Value
    @($first).Count | Should -Be 100
    ([datetime]$first[-1].time - [datetime]$first[-2].time).TotalSeconds | Should -Be 60
}

It 'answers a chat with a model OpenAI does not have as OpenAI does (404 model_not_found), and Test-ApiKey reads it' {
    $key = 'sk-proj-' + [guid]::NewGuid().ToString('n') + [guid]::NewGuid().ToString('n')
    $entry = @{ key = $key; personality = 'openai' } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri "$($script:Api)/_emulator/keys" -Body $entry -ContentType 'application/json' -NoProxy
    $body = @{ model = 'gpt-9-turbo'; messages = @(@{ role = 'user'; content = 'hi' }); max_tokens = 1 } | ConvertTo-Json -Depth 4

    $answer = Invoke-WebRequest -Method Post -Uri "$($script:Api)/openai/v1/chat/completions" -Headers @{ Authorization = "Bearer $key" } -Body $body -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy
    [int]$answer.StatusCode | Should -Be 404
    ($answer.Content | ConvertFrom-Json).error.code | Should -Be 'model_not_found'
    $answer.Content | Should -Match 'The model `gpt-9-turbo` does not exist'

    Import-Module (Get-TestModulePath) -Force
    $result = Test-ApiKey -ApiKey $key -BaseUri "$($script:Api)/openai" -Model gpt-9-turbo -MaxRetries 0
    $result.Verdict | Should -Be 'ModelNotAllowed'
}

It 'answers an OpenAI key whose account is deactivated or out of credit as OpenAI does, and Test-ApiKey names each' {
    $keys = @{}
    foreach ($state in 'suspended', 'balanceTooLow') {
        $keys[$state] = 'sk-proj-' + [guid]::NewGuid().ToString('n') + [guid]::NewGuid().ToString('n')
        $entry = @{ key = $keys[$state]; personality = 'openai'; state = $state } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Post -Uri "$($script:Api)/_emulator/keys" -Body $entry -ContentType 'application/json' -NoProxy
    }
    $body = @{ model = 'gpt-4o-mini'; messages = @(@{ role = 'user'; content = 'hi' }); max_tokens = 1 } | ConvertTo-Json -Depth 4

    $deactivated = Invoke-WebRequest -Uri "$($script:Api)/openai/v1/models" -Headers @{ Authorization = "Bearer $($keys.suspended)" } -SkipHttpErrorCheck -NoProxy
    $list = Invoke-WebRequest -Uri "$($script:Api)/openai/v1/models" -Headers @{ Authorization = "Bearer $($keys.balanceTooLow)" } -SkipHttpErrorCheck -NoProxy
    $chat = Invoke-WebRequest -Method Post -Uri "$($script:Api)/openai/v1/chat/completions" -Headers @{ Authorization = "Bearer $($keys.balanceTooLow)" } -Body $body -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy

    [int]$deactivated.StatusCode | Should -Be 401
    ($deactivated.Content | ConvertFrom-Json).error.code | Should -Be 'account_deactivated'
    [int]$list.StatusCode | Should -Be 200
    [int]$chat.StatusCode | Should -Be 429
    ($chat.Content | ConvertFrom-Json).error.code | Should -Be 'insufficient_quota'

    Import-Module (Get-TestModulePath) -Force
    $suspended = Test-ApiKey -ApiKey $keys.suspended -BaseUri "$($script:Api)/openai" -MaxRetries 0
    $suspended.Reason | Should -Be 'AccountDeactivated'
    $outOfCredit = Test-ApiKey -ApiKey $keys.balanceTooLow -BaseUri "$($script:Api)/openai" -Model gpt-4o-mini -MaxRetries 0
    $outOfCredit.Verdict | Should -Be 'QuotaExhausted'
    $outOfCredit.Reason | Should -Be 'BalanceTooLow'
}

It 'refuses an OpenAI key with a daily limit, which OpenAI has no answer for' {
    $entry = @{ key = 'sk-proj-' + [guid]::NewGuid().ToString('n'); personality = 'openai'; state = 'dailyLimitReached' } | ConvertTo-Json

    $answer = Invoke-WebRequest -Method Post -Uri "$($script:Api)/_emulator/keys" -Body $entry -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy

    [int]$answer.StatusCode | Should -Be 400
    $answer.Content | Should -Match 'OpenAI has no daily limit'
}
}
