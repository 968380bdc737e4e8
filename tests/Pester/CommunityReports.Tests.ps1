Describe 'Get-ServiceStatus community reports ("is it only me?")' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:Repository = "$($script:Api)/github/repos/chatanywhere/GPT_API_free"
    $script:DefaultScenario = Invoke-RestMethod -Uri "$($script:Api)/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20

    function Set-Community([object[]] $Issues) {
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        $scenario['community'] = @{ repository = 'chatanywhere/GPT_API_free'; issues = $Issues }
        $null = Invoke-RestMethod -Method Put -Uri "$($script:Api)/_emulator/scenario" -Body ($scenario | ConvertTo-Json -Depth 20) -ContentType 'application/json' -NoProxy
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

It 'reports exactly the two failure reports of the last 24 h, not the unrelated issue, the pull request or the old report' {
    Set-Community @(
        @{ number = 501; title = 'API 返回 401 无效的令牌'; body = '今天一直报错'; minutesAgo = 30 }
        @{ number = 502; title = 'Requests time out since this morning'; body = 'All keys fail with a timeout.'; minutesAgo = 90 }
        @{ number = 503; title = 'How do I buy a paid key?'; body = 'Where is the shop?'; minutesAgo = 60 }
        @{ number = 504; title = 'Fix 429 handling in the README'; body = 'Docs change.'; minutesAgo = 20; pullRequest = $true }
        @{ number = 400; title = 'Everything is down (503)'; minutesAgo = 30 * 60 }
    )

    $status = Get-ServiceStatus -BaseUri $script:Api -NoStatusPage -CommunityUri $script:Repository

    $status.Community.Status | Should -Be 'Read'
    $status.Community.WindowHours | Should -Be 24
    ($status.Community.Recent.Number | Sort-Object) | Should -Be @(501, 502, 503)
    ($status.Community.Reports.Number | Sort-Object) | Should -Be @(501, 502)
    $status.Community.Reports[0].Url | Should -Match '/issues/50[12]$'
    $status.Community.Reports[0].CreatedAt.Kind | Should -Be 'Utc'
    $status.Problems | Should -Match '2 users reported failures in the last 24 h: not only you'
    $status.Overall | Should -Be 'Operational' -Because 'community reports inform, they do not decide the status'
}

It 'adds no problem for a single report, and reads a shorter window when asked' {
    Set-Community @(
        @{ number = 601; title = 'Key invalid?'; minutesAgo = 10 }
        @{ number = 602; title = '挂了吗'; minutesAgo = 5 * 60 }
    )

    $status = Get-ServiceStatus -BaseUri $script:Api -NoStatusPage -CommunityUri $script:Repository -CommunityWindowHours 2

    $status.Community.Reports.Number | Should -Be @(601)
    $status.Problems | Should -BeNullOrEmpty
}

It 'never fails the command when the tracker cannot be read, and skips it for a relay unless asked' {
    Reset-EmulatorState -Url $script:Api
    $unreadable = Get-ServiceStatus -BaseUri $script:Api -NoStatusPage -CommunityUri "$($script:Api)/github/repos/nobody/nothing"
    $unreadable.Community.Status | Should -Be 'Unavailable'
    $unreadable.Community.Problem | Should -Match '404'
    $unreadable.Endpoints.Count | Should -Be 1

    (Get-ServiceStatus -BaseUri $script:Api -NoStatusPage).Community.Status | Should -Be 'Skipped'
    (Get-ServiceStatus -BaseUri $script:Api -NoStatusPage -CommunityUri $script:Repository -NoCommunity).Community.Status | Should -Be 'Skipped'
    @(Get-EmulatorRequest -Url $script:Api | Where-Object path -like '/github/*').Count | Should -Be 1 -Because 'only the call that named the tracker read it'
}

It 'sends $env:GITHUB_TOKEN only to api.github.com, never to another host' {
    $saved = $env:GITHUB_TOKEN
    try {
        $env:GITHUB_TOKEN = 'ghp_' + ('x' * 36)
        Set-Community @(@{ number = 701; title = 'down?'; minutesAgo = 1 })
        $status = Get-ServiceStatus -BaseUri $script:Api -NoStatusPage -CommunityUri $script:Repository -Verbose -Debug 4>&1 5>&1 | Out-String
        $status.Contains($env:GITHUB_TOKEN) | Should -BeFalse
        @(Get-EmulatorRequest -Url $script:Api | Where-Object { $_.path -like '/github/*' -and $_.keyFingerprint }).Count | Should -Be 0 -Because 'no Authorization header went to the emulator'
    }
    finally { $env:GITHUB_TOKEN = $saved }
}
}
