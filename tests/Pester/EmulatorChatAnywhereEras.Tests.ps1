Describe 'The ChatAnywhere personality sends the captured texts of the era its scenario names' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:DefaultScenario = Invoke-RestMethod -Uri "$($script:Api)/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20
    Import-Module (Get-TestModulePath) -Force

    function Use-Era([string] $Era, [hashtable] $Extra = @{}) {
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        if ($Era) { $scenario['chatAnywhereEra'] = $Era }
        foreach ($name in $Extra.Keys) { $scenario[$name] = $Extra[$name] }
        Set-EmulatorScenario -Url $script:Api -Json ($scenario | ConvertTo-Json -Depth 20)
    }

    function Send-Chat([string] $Key, [string] $Model = 'gpt-4o-mini', [string] $Path = '/v1/chat/completions') {
        $body = @{ model = $Model; messages = @(@{ role = 'user'; content = 'hi' }); max_tokens = 1 } | ConvertTo-Json -Depth 4
        Invoke-WebRequest -Method Post -Uri "$($script:Api)$Path" -Headers @{ Authorization = "Bearer $Key" } -Body $body -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy
    }

    # ChatAnywhere's echo of a key: the first 6 characters, ****, the last 4 (CA-403-free-models-2025-apikey-suffix: sk-vTK****Qap2).
    function Get-Mask([string] $Key) { $Key.Substring(0, 6) + '****' + $Key.Substring($Key.Length - 4) }
    function Get-Message($Answer) { ($Answer.Content | ConvertFrom-Json).error.message }
    # A 2023 capture without Content-Type comes back as bytes.
    function Get-Text($Answer) { [Text.Encoding]::UTF8.GetString($Answer.RawContentStream.ToArray()) }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

AfterEach {
    Set-EmulatorScenario -Url $script:Api -Json $script:DefaultScenario
}

Context 'today (the default, 2026)' {
    It 'refuses a model off the 2025 free list with the 2025 text ending in the mask of the key sent, and Test-ApiKey names it' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }

        $answer = Send-Chat -Key $key -Model 'gpt-4'

        [int]$answer.StatusCode | Should -Be 403
        Get-Message $answer | Should -BeExactly ('免费API限制使用deepseek-r1，deepseek-v3，gpt-3.5-turbo，gpt-4o-mini，gpt-4o和embeddings模型，如有更多需求，请访问 https://api.chatanywhere.tech/#/shop 购买付费API。The free account is limited to use deepseek-r1, deepseek-v3, gpt-3.5-turbo, gpt-4o-mini, gpt-4o and embeddings. If you have additional requirements, please visit https://api.chatanywhere.tech/#/shop to purchase a premium key.(当前请求使用的ApiKey: ' + (Get-Mask $key) + ')')
        $result = Test-ApiKey -ApiKey $key -BaseUri $script:Api -Model gpt-4 -MaxRetries 0
        $result.Verdict | Should -Be 'ModelNotAllowed'
        $result.Reason | Should -Be 'FreeTierModel'
    }

    It 'serves every model of the 2025 free list to a free key' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }
        foreach ($model in 'deepseek-r1', 'deepseek-v3', 'gpt-3.5-turbo', 'gpt-4o-mini', 'gpt-4o') {
            [int](Send-Chat -Key $key -Model $model).StatusCode | Should -Be 200 -Because "$model is on the 2025 list"
        }
    }

    It 'gives gpt-4o three requests a day, then the per-model 429 naming it, which Test-ApiKey reads as DailyLimitPerModel' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }
        1..3 | ForEach-Object { [int](Send-Chat -Key $key -Model 'gpt-4o').StatusCode | Should -Be 200 }

        $answer = Send-Chat -Key $key -Model 'gpt-4o'

        [int]$answer.StatusCode | Should -Be 429
        Get-Message $answer | Should -BeExactly 'gpt-4o模型免费API限制每日3次请求，请00:00后再试'
        ($answer.Content | ConvertFrom-Json).error.code | Should -Be '429 TOO_MANY_REQUESTS'
        [int](Send-Chat -Key $key -Model 'gpt-4o-mini').StatusCode | Should -Be 200 -Because 'the cap is on one model only'
        $result = Test-ApiKey -ApiKey $key -BaseUri $script:Api -Model gpt-4o -MaxRetries 0
        $result.Verdict | Should -Be 'RateLimited'
        $result.Reason | Should -Be 'DailyLimitPerModel'
    }

    It 'takes per-model caps from the scenario' {
        Use-Era -Extra @{ freeModelDailyLimits = @{ 'deepseek-v3' = 1 } }
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }

        [int](Send-Chat -Key $key -Model 'deepseek-v3').StatusCode | Should -Be 200
        Get-Message (Send-Chat -Key $key -Model 'deepseek-v3') | Should -BeExactly 'deepseek-v3模型免费API限制每日1次请求，请00:00后再试'
        1..4 | ForEach-Object { [int](Send-Chat -Key $key -Model 'gpt-4o').StatusCode | Should -Be 200 -Because 'the scenario replaced the captured caps' }
    }

    It 'answers a long prompt with the 2026 text carrying the mask and the QQ-group line' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }
        $body = @{ model = 'gpt-4o-mini'; messages = @(@{ role = 'user'; content = ('word ' * 20000) }) } | ConvertTo-Json -Depth 4

        $answer = Invoke-WebRequest -Method Post -Uri "$($script:Api)/v1/chat/completions" -Headers @{ Authorization = "Bearer $key" } -Body $body -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy

        [int]$answer.StatusCode | Should -Be 403
        Get-Message $answer | Should -BeExactly ('免费API限制模型输入token小于4096，如有更多需求，请访问 https://api.chatanywhere.tech/#/shop 购买付费API。The number of prompt tokens for free accounts is limited to 4096. If you have additional requirements, please visit https://api.chatanywhere.tech/#/shop to purchase a premium key.(当前请求使用的ApiKey: ' + (Get-Mask $key) + ')【如果您遇到问题，欢迎加入QQ群咨询：836739524】')
    }

    It 'answers a key without balance with the captured 2026 fragment and its mask, which Test-ApiKey reads as QuotaExhausted' {
        $answer = Send-Chat -Key (Key BalanceLow)

        [int]$answer.StatusCode | Should -Be 403
        Get-Message $answer | Should -BeExactly ('账户余额过低...请前往 https://api.chatanywhere.tech/#/shop 充值...(当前请求使用的ApiKey: ' + (Get-Mask (Key BalanceLow)) + ')...加入QQ群：836739524')
        (Test-ApiKey -ApiKey (Key BalanceLow) -BaseUri $script:Api -MaxRetries 0).Verdict | Should -Be 'QuotaExhausted'
    }

    It 'answers an unknown key with the measured 2026 text and its mask' {
        $key = 'sk-EmuUnknown' + [guid]::NewGuid().ToString('n') + ('0' * 6)

        $answer = Invoke-WebRequest -Uri "$($script:Api)/v1/models" -Headers @{ Authorization = "Bearer $key" } -SkipHttpErrorCheck -NoProxy

        [int]$answer.StatusCode | Should -Be 401
        Get-Message $answer | Should -BeExactly ('ApiKey错误(当前请求使用的ApiKey: ' + (Get-Mask $key) + ') wrong api key【如果您遇到问题，欢迎加入QQ群咨询：625105715】')
    }

    It 'answers the 500 fault with the captured 500 (message null), which Test-ApiKey reads as ServiceUnavailable' {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ fault = @{ kind = 'status'; status = 500 } }

        $answer = Send-Chat -Key $key

        [int]$answer.StatusCode | Should -Be 500
        $answer.Content | Should -BeExactly '{"error":{"message":null,"type":"chatanywhere_error","param":null,"code":"500 INTERNAL_SERVER_ERROR"}}'
        (Test-ApiKey -ApiKey $key -BaseUri $script:Api -MaxRetries 0).Verdict | Should -Be 'ServiceUnavailable'
    }
}

Context 'older eras, chosen by the scenario' {
    It 'sends 2024 texts in 2024: the gpt-3.5-turbo and gpt-4 list, no key echo, no per-model cap' {
        Use-Era '2024'
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }

        [int](Send-Chat -Key $key -Model 'gpt-4').StatusCode | Should -Be 200
        $answer = Send-Chat -Key $key -Model 'gpt-4o'

        [int]$answer.StatusCode | Should -Be 403
        Get-Message $answer | Should -BeExactly '免费API限制使用gpt-3.5-turbo，gpt-4 和 embeddings模型，如有更多需求，请访问 https://buyca.shop 购买付费API。The free account is limited to use gpt-3.5-turbo, gpt-4 and embeddings. If you have additional requirements, please visit https://buyca.shop/ to purchase a premium key.'
        Get-Message (Send-Chat -Key (Key BalanceLow)) | Should -Match '^账户余额过低不足以支持本次请求，请前往 https://buyca.top/buy/18 充值。'
        (Test-ApiKey -ApiKey $key -BaseUri $script:Api -Model gpt-4o -MaxRetries 0).Reason | Should -Be 'FreeTierModel'
    }

    It 'sends the 2025 per-model text ("该模型") in 2025' {
        Use-Era '2025'
        $key = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }
        1..3 | ForEach-Object { [int](Send-Chat -Key $key -Model 'gpt-4o').StatusCode | Should -Be 200 }

        $answer = Send-Chat -Key $key -Model 'gpt-4o'

        [int]$answer.StatusCode | Should -Be 429
        Get-Message $answer | Should -BeExactly '该模型免费API限制每日3次请求，请00:00后再试，如有更多需求，请访问 https://api.chatanywhere.tech/#/shop 购买付费API。The free account is limited to 3 requests per day. Please try again after 00:00 the next day. If you have additional requirements, please visit https://api.chatanywhere.tech/#/shop to purchase a premium key.'
        (Test-ApiKey -ApiKey $key -BaseUri $script:Api -Model gpt-4o -MaxRetries 0).Reason | Should -Be 'DailyLimitPerModel'
    }

    It 'sends 2023 plain texts in 2023, and Test-ApiKey still names each' {
        Use-Era '2023'
        $free = New-EmulatorKey -Url $script:Api -Entry @{ plan = 'free' }
        $unknown = 'sk-EmuUnknown' + [guid]::NewGuid().ToString('n') + ('0' * 6)

        $refused = Send-Chat -Key $free -Model 'gpt-4'
        $legacy = Send-Chat -Key $free -Model 'gpt-3.5-turbo' -Path '/v1/completions'
        $wrong = Invoke-WebRequest -Uri "$($script:Api)/v1/models" -Headers @{ Authorization = "Bearer $unknown" } -SkipHttpErrorCheck -NoProxy

        [int]$refused.StatusCode | Should -Be 403
        Get-Text $refused | Should -BeExactly 'limit to use gpt-3.5-turbo and embeddings'
        [int]$legacy.StatusCode | Should -Be 401 -Because 'the legacy path got the same text as a 401 in 2023 (CA-401-limit-to-use-2023)'
        [int]$wrong.StatusCode | Should -Be 401
        Get-Text $wrong | Should -BeExactly "wrong api key`n"
        (Test-ApiKey -ApiKey $free -BaseUri $script:Api -Model gpt-4 -MaxRetries 0).Verdict | Should -Be 'ModelNotAllowed'
        (Test-ApiKey -ApiKey $unknown -BaseUri $script:Api -MaxRetries 0).Verdict | Should -Be 'InvalidKey'
    }

    It 'refuses an era it has no texts for, naming the ones it has' {
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        $scenario['chatAnywhereEra'] = 2022

        $answer = Invoke-WebRequest -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body ($scenario | ConvertTo-Json -Depth 20) -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy

        [int]$answer.StatusCode | Should -Be 400
        $answer.Content | Should -Match '2023, 2024, 2025, 2026'
    }
}
}
