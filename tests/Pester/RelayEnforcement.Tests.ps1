Describe 'The relay mounts enforce what one-api and new-api enforce' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:DefaultScenario = Invoke-RestMethod -Uri "$script:Api/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20
    $script:AccessToken = 'e3b0c44298fc1c149afbf4c8996fb924'
    function New-RelayKey([string] $Stem) { $Stem.PadRight(51, '0') }
    $script:Limited = New-RelayKey 'sk-EmuRelayLimited'
    $script:Elsewhere = New-RelayKey 'sk-EmuRelayElsewhere'
    $script:Spent = New-RelayKey 'sk-EmuRelaySpent'

    function Use-Relay([hashtable] $Relay = @{}) {
        <# The default scenario with this file's user and tokens: one limited to a model and this machine, one to another network. #>
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        $definition = @{
            accessToken = $script:AccessToken
            userId      = 1
            tokens      = @(
                @{ id = 1; name = 'limited'; key = $script:Limited; unlimitedQuota = $true; models = 'gpt-4o-mini'; allowIps = '127.0.0.1/32' }
                @{ id = 2; name = 'elsewhere'; key = $script:Elsewhere; unlimitedQuota = $true; allowIps = '10.1.2.3' }
                @{ id = 3; name = 'expired'; key = (New-RelayKey 'sk-EmuRelayExpired'); status = 3; unlimitedQuota = $true; expiredTime = 1700000000 }
                @{ id = 4; name = 'spent'; key = $script:Spent; status = 4; remainQuota = 0 }
                @{ id = 5; name = 'refilled'; key = (New-RelayKey 'sk-EmuRelayRefilled'); status = 4; remainQuota = 1000 }
            )
        }
        foreach ($entry in $Relay.GetEnumerator()) { $definition[$entry.Key] = $entry.Value }
        $scenario.relay = $definition
        $null = Invoke-RestMethod -Method Put -Uri "$script:Api/_emulator/scenario" -Body ($scenario | ConvertTo-Json -Depth 20) -ContentType 'application/json' -NoProxy
    }

    function Send-Chat([string] $Flavour, [string] $Key, [string] $Model = 'gpt-4o-mini') {
        Invoke-WebRequest -Method Post -Uri "$script:Api/relay/$Flavour/v1/chat/completions" -Headers @{ Authorization = "Bearer $Key" } `
            -Body (@{ model = $Model; messages = @(@{ role = 'user'; content = 'hi' }) } | ConvertTo-Json -Depth 5) -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy
    }

    function Send-Management([string] $Flavour, [string] $Method = 'Get', [string] $Path = '/api/token/', [hashtable] $Headers = @{}, [string] $Body) {
        $call = @{ Method = $Method; Uri = "$script:Api/relay/$Flavour$Path"; Headers = $Headers; SkipHttpErrorCheck = $true; NoProxy = $true }
        if ($Body) { $call.Body = $Body; $call.ContentType = 'application/json' }
        Invoke-WebRequest @call
    }

    function Get-RequestId($Answer) { "$($Answer.Headers['X-Oneapi-Request-Id'])" }

    function Get-Message($Answer) { ($Answer.Content | ConvertFrom-Json).error.message }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

BeforeEach { Use-Relay }

Context 'a token limited to some models, on <Flavour>' -ForEach @(
    @{ Flavour = 'one-api'; Refusal = '该令牌无权使用模型：gpt-4o'; Body = '{"error":{"message":"该令牌无权使用模型：gpt-4o (request id: {0})","type":"one_api_error"}}' }
    @{ Flavour = 'new-api-2025'; Refusal = '该令牌无权访问模型 gpt-4o'; Body = '{"error":{"message":"该令牌无权访问模型 gpt-4o (request id: {0})","type":"new_api_error"}}' }
    @{ Flavour = 'new-api'; Refusal = '该令牌无权访问模型 gpt-4o'; Body = '{"error":{"code":"","message":"该令牌无权访问模型 gpt-4o (request id: {0})","type":"new_api_error"}}' }
) {
    It 'serves a listed model and refuses another with 403, keys sorted as gin writes them' {
        [int](Send-Chat $Flavour $script:Limited).StatusCode | Should -Be 200

        $answer = Send-Chat $Flavour $script:Limited -Model 'gpt-4o'

        [int]$answer.StatusCode | Should -Be 403
        "$($answer.Headers['Content-Type'])" | Should -Be 'application/json; charset=utf-8'
        $answer.Content | Should -BeExactly ($Body.Replace('{0}', (Get-RequestId $answer)))
    }
}

Context 'IP allow-lists against the caller''s address' {
    It 'one-api names the subnet and the caller''s address in a 403' {
        $answer = Send-Chat 'one-api' $script:Elsewhere

        [int]$answer.StatusCode | Should -Be 403
        Get-Message $answer | Should -BeExactly "该令牌只能在指定网段使用：10.1.2.3，当前 ip：127.0.0.1 (request id: $(Get-RequestId $answer))"
        [int](Invoke-WebRequest -Uri "$script:Api/relay/one-api/v1/models" -Headers @{ Authorization = "Bearer $script:Elsewhere" } -SkipHttpErrorCheck -NoProxy).StatusCode |
            Should -Be 403 -Because 'one-api checks the subnet in TokenAuth, on every relay route'
    }

    It 'new-api refuses on every route with code access_denied; new-api-2025 only on chat' {
        $now = Send-Chat 'new-api' $script:Elsewhere
        [int]$now.StatusCode | Should -Be 403
        $now.Content | Should -BeExactly "{`"error`":{`"code`":`"access_denied`",`"message`":`"您的 IP 不在令牌允许访问的列表中 (request id: $(Get-RequestId $now))`",`"type`":`"new_api_error`"}}"
        [int](Invoke-WebRequest -Uri "$script:Api/relay/new-api/v1/models" -Headers @{ Authorization = "Bearer $script:Elsewhere" } -SkipHttpErrorCheck -NoProxy).StatusCode | Should -Be 403

        $then = Send-Chat 'new-api-2025' $script:Elsewhere
        [int]$then.StatusCode | Should -Be 403
        Get-Message $then | Should -BeExactly "您的 IP 不在令牌允许访问的列表中 (request id: $(Get-RequestId $then))"
        [int](Invoke-WebRequest -Uri "$script:Api/relay/new-api-2025/v1/models" -Headers @{ Authorization = "Bearer $script:Elsewhere" } -SkipHttpErrorCheck -NoProxy).StatusCode |
            Should -Be 200 -Because 'new-api 2025-04 checks allow_ips in Distribute, which the models route does not run'
    }
}

Context 'a "-N" channel suffix' {
    It 'is refused for a user who is not an admin, on <_>' -ForEach 'one-api', 'new-api', 'new-api-2025' {
        $answer = Send-Chat $_ "$script:Limited-3"

        [int]$answer.StatusCode | Should -Be 403
        Get-Message $answer | Should -BeExactly "普通用户不支持指定渠道 (request id: $(Get-RequestId $answer))"
    }

    It 'pins a channel for an admin, and a channel that is not a number is 无效的渠道 Id' {
        Use-Relay @{ userIsAdmin = $true }

        [int](Send-Chat 'one-api' "$script:Limited-3").StatusCode | Should -Be 200
        $answer = Send-Chat 'one-api' "$script:Limited-x"
        [int]$answer.StatusCode | Should -Be 400
        Get-Message $answer | Should -BeExactly "无效的渠道 Id (request id: $(Get-RequestId $answer))"
    }
}

Context 'a banned user' {
    It 'has its tokens refused with 403 用户已被封禁 on <_>, another user''s token still served' -ForEach 'one-api', 'new-api', 'new-api-2025' {
        Use-Relay @{ userBanned = $true; tokens = @(
                @{ id = 1; name = 'mine'; key = $script:Limited; unlimitedQuota = $true }
                @{ id = 2; userId = 2; name = 'theirs'; key = $script:Elsewhere; unlimitedQuota = $true }) }

        $answer = Send-Chat $_ $script:Limited
        [int]$answer.StatusCode | Should -Be 403
        Get-Message $answer | Should -BeExactly "用户已被封禁 (request id: $(Get-RequestId $answer))"
        [int](Send-Chat $_ $script:Elsewhere).StatusCode | Should -Be 200
    }
}

Context 'request ids' {
    It 'change with every request, on <Flavour>, and name the request in its error message' -ForEach @(
        @{ Flavour = 'one-api'; Shape = '^\d{14}\d{1,9}\d{8}$' }
        @{ Flavour = 'new-api'; Shape = '^\d{14}\d{1,9}[A-Za-z0-9]{8}$' }
    ) {
        $first = Invoke-WebRequest -Uri "$script:Api/relay/$Flavour/v1/models" -Headers @{ Authorization = 'Bearer sk-unknown' } -SkipHttpErrorCheck -NoProxy
        $second = Invoke-WebRequest -Uri "$script:Api/relay/$Flavour/v1/models" -Headers @{ Authorization = 'Bearer sk-unknown' } -SkipHttpErrorCheck -NoProxy
        $status = Invoke-WebRequest -Uri "$script:Api/relay/$Flavour/api/status" -NoProxy

        Get-RequestId $first | Should -Match $Shape
        Get-RequestId $second | Should -Not -Be (Get-RequestId $first)
        Get-RequestId $status | Should -Match $Shape
        Get-Message $first | Should -BeExactly "无效的令牌 (request id: $(Get-RequestId $first))"
        Get-Message $second | Should -BeExactly "无效的令牌 (request id: $(Get-RequestId $second))"
        "$($status.Headers['Content-Type'])" | Should -Be 'application/json; charset=utf-8'
        $status.Content | Should -Match '^\{"data":\{"c.*\},"message":"","success":true\}$' -Because 'gin.H keys are sorted: chat_link and chats come first'
    }
}

Context 're-enabling a token the relay marked expired or exhausted, on <Flavour>' -ForEach @(
    @{ Flavour = 'one-api'; Headers = @{ Authorization = 'e3b0c44298fc1c149afbf4c8996fb924' } }
    @{ Flavour = 'new-api'; Headers = @{ Authorization = 'Bearer e3b0c44298fc1c149afbf4c8996fb924' } }
    @{ Flavour = 'new-api-2025'; Headers = @{ Authorization = 'e3b0c44298fc1c149afbf4c8996fb924'; 'New-Api-User' = '1' } }
) {
    It 'is refused while the token is still past its time or out of quota; a refilled one can be enabled' {
        $expired = Send-Management $Flavour Put '/api/token/?status_only=true' $Headers '{"id":3,"status":1}'
        $spent = Send-Management $Flavour Put '/api/token/?status_only=true' $Headers '{"id":4,"status":1}'
        $refilled = Send-Management $Flavour Put '/api/token/?status_only=true' $Headers '{"id":5,"status":1}'

        [int]$expired.StatusCode | Should -Be 200
        "$($expired.Headers['Content-Type'])" | Should -Be 'application/json; charset=utf-8'
        $expired.Content | Should -BeExactly '{"message":"令牌已过期，无法启用，请先修改令牌过期时间，或者设置为永不过期","success":false}'
        $spent.Content | Should -BeExactly '{"message":"令牌可用额度已用尽，无法启用，请先修改令牌剩余额度，或者设置为无限额度","success":false}'
        ($refilled.Content | ConvertFrom-Json).data.status | Should -Be 1
        $refilled.Content | Should -Match '^\{"data":\{"id":5,.*\},"message":"","success":true\}$'
        $tokens = Invoke-RestMethod -Uri "$script:Api/_emulator/relay/$Flavour/tokens" -NoProxy
        ($tokens | Where-Object id -eq 3).status | Should -Be 3
        ($tokens | Where-Object id -eq 4).status | Should -Be 4
    }
}

Context 'management authentication per new-api era' {
    It 'new-api now wants no New-Api-User and answers a missing or unknown access token with 401 AUTH_UNAUTHORIZED' {
        $expected = '{"code":"AUTH_UNAUTHORIZED","message":"无权进行此操作，access token 无效","success":false}'
        $missing = Send-Management 'new-api'
        $unknown = Send-Management 'new-api' -Headers @{ Authorization = 'Bearer not-a-token' }
        $known = Send-Management 'new-api' -Headers @{ Authorization = "Bearer $script:AccessToken" }

        [int]$missing.StatusCode | Should -Be 401
        $missing.Content | Should -BeExactly $expected
        [int]$unknown.StatusCode | Should -Be 401
        $unknown.Content | Should -BeExactly $expected
        [int]$known.StatusCode | Should -Be 200
        ($known.Content | ConvertFrom-Json).success | Should -BeTrue
    }

    It 'new-api-2025 still wants New-Api-User, answered with the sorted keys of gin.H' {
        $answer = Send-Management 'new-api-2025' -Headers @{ Authorization = $script:AccessToken }

        [int]$answer.StatusCode | Should -Be 401
        "$($answer.Headers['Content-Type'])" | Should -Be 'application/json; charset=utf-8'
        $answer.Content | Should -BeExactly '{"message":"无权进行此操作，未提供 New-Api-User","success":false}'
    }

    It 'new-api now answers a disabled user with 401 AUTH_USER_DISABLED' {
        Use-Relay @{ userBanned = $true }

        $answer = Send-Management 'new-api' -Headers @{ Authorization = "Bearer $script:AccessToken" }

        [int]$answer.StatusCode | Should -Be 401
        $answer.Content | Should -BeExactly '{"code":"AUTH_USER_DISABLED","message":"用户已被封禁","success":false}'
    }
}
}
