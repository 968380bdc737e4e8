Describe 'The Uptime Kuma personality serves badges as Uptime Kuma does (uptime-kuma-api.md §3.1)' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:Kuma = "$($script:Api)/uptime-kuma"
    $script:DefaultScenario = Invoke-RestMethod -Uri "$($script:Api)/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20

    function Use-Monitors([object[]] $Monitors) {
        $scenario = $script:DefaultScenario | ConvertFrom-Json -AsHashtable
        $scenario['statusPage']['groups'] = @(@{ name = 'API'; monitors = $Monitors })
        Set-EmulatorScenario -Url $script:Api -Json ($scenario | ConvertTo-Json -Depth 20)
    }

    # The badge as Uptime Kuma sends it: status, headers, and the SVG's visible texts (not the aria-hidden shadows) and fills.
    function Get-Badge([string] $Path) {
        $answer = Invoke-WebRequest -Uri "$($script:Kuma)$Path" -SkipHttpErrorCheck -NoProxy
        $svg = [xml]$answer.Content
        $namespaces = [System.Xml.XmlNamespaceManager]::new($svg.NameTable)
        $namespaces.AddNamespace('s', 'http://www.w3.org/2000/svg')
        [pscustomobject]@{
            Status       = [int]$answer.StatusCode
            ContentType  = "$($answer.Headers['Content-Type'])"
            CacheControl = "$($answer.Headers['Cache-Control'])"
            AllowOrigin  = "$($answer.Headers['Access-Control-Allow-Origin'])"
            Texts        = @($svg.SelectNodes('//s:text[not(@aria-hidden)]', $namespaces) | ForEach-Object InnerText)
            Fills        = @($svg.SelectNodes('//s:g[@clip-path]/s:rect', $namespaces) | ForEach-Object { $_.GetAttribute('fill') })
            Title        = $svg.svg.title
        }
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

AfterEach {
    Set-EmulatorScenario -Url $script:Api -Json $script:DefaultScenario
}

It 'draws a monitor status badge: label Status, the state, its color, SVG cached five minutes for any origin' {
    Use-Monitors @(@{ id = 6; name = 'GPT'; state = 'up' }, @{ id = 8; name = 'Claude'; state = 'down' }, @{ id = 4; name = 'Deepseek'; state = 'maintenance' })

    $up = Get-Badge '/api/badge/6/status'
    $down = Get-Badge '/api/badge/8/status'
    $maintenance = Get-Badge '/api/badge/4/status?label=Deepseek&maintenanceLabel=Paused'

    $up.Status | Should -Be 200
    $up.ContentType | Should -Be 'image/svg+xml; charset=utf-8'
    $up.CacheControl | Should -Be 'max-age=300'
    $up.AllowOrigin | Should -Be '*'
    $up.Texts | Should -Be @('Status', 'Up')
    $up.Fills[0..1] | Should -Be @('#555', '#66c20a')
    $up.Title | Should -Be 'Status: Up'
    $down.Texts | Should -Be @('Status', 'Down')
    $down.Fills[1] | Should -Be '#c2290a'
    $maintenance.Texts | Should -Be @('Deepseek', 'Paused')
    $maintenance.Fills[1] | Should -Be '#1747f5'
}

It 'draws an uptime badge with toPrecision(4) and a color from red to green' {
    Use-Monitors @(@{ id = 6; name = 'GPT'; uptime24 = 0.9995 }, @{ id = 10; name = 'GPT-CA'; uptime24 = 1 }, @{ id = 3; name = 'Gemini'; uptime24 = 0 })

    $partly = Get-Badge '/api/badge/6/uptime'
    $whole = Get-Badge '/api/badge/10/uptime/24'
    $none = Get-Badge '/api/badge/3/uptime/7d?labelPrefix=Gemini%20'

    $partly.Texts | Should -Be @('Uptime (24h)', '99.95%')
    $whole.Texts | Should -Be @('Uptime (24h)', '100.0%')
    $whole.Fills[1] | Should -Be '#66c20a' -Because 'hsl(90, 90%, 40%) is the up green'
    $none.Texts | Should -Be @('Gemini Uptime (7h)', '0.000%') -Because 'the label drops the unit and appends labelSuffix h'
    $none.Fills[1] | Should -Be '#c2290a' -Because 'hsl(10, 90%, 40%)'
}

It 'draws the ping badges: average ping over a duration, average response, last response, in ms on blue; N/A without a ping' {
    Use-Monitors @(@{ id = 6; name = 'GPT'; state = 'up'; pingMs = 180 }, @{ id = 8; name = 'Claude'; state = 'down'; pingMs = 240 })

    $ping = Get-Badge '/api/badge/6/ping'
    $ping7d = Get-Badge '/api/badge/6/ping/7d'
    $average = Get-Badge '/api/badge/6/avg-response/48?labelSuffix=%20avg'
    $last = Get-Badge '/api/badge/6/response'
    $down = Get-Badge '/api/badge/8/response'

    $ping.Texts | Should -Be @('Avg. Ping (24h)', '180ms')
    $ping.Fills[1] | Should -Be '#007ec6' -Because 'defaultPingColor is badge-maker''s blue'
    $ping.AllowOrigin | Should -Be '*'
    $ping7d.Texts | Should -Be @('Avg. Ping (7h)', '180ms') -Because 'the label drops the unit and appends labelSuffix h, as the uptime badge does'
    $average.Texts | Should -Be @('Avg. Response (48h) avg', '180ms')
    $last.Texts | Should -Be @('Response', '180ms')
    $down.Texts | Should -Be @('N/A') -Because 'a down beat has no ping'
    [int](Invoke-WebRequest -Uri "$($script:Kuma)/api/badge/6/cert-exp" -SkipHttpErrorCheck -NoProxy).StatusCode | Should -Be 404 -Because 'certificates are not emulated'
}

It 'answers N/A in grey with 200 for a monitor that is not on the page, and 403 for an id that is no number' {
    $unknown = Get-Badge '/api/badge/999/status'
    $unknownUptime = Get-Badge '/api/badge/999/uptime/24'
    $invalid = Invoke-WebRequest -Uri "$($script:Kuma)/api/badge/gpt/status" -SkipHttpErrorCheck -NoProxy

    $unknown.Status | Should -Be 200
    $unknown.Texts | Should -Be @('N/A')
    $unknown.Fills | Should -Not -Contain '#555' -Because 'an N/A badge has no label part'
    $unknown.Fills[1] | Should -Be '#999'
    $unknownUptime.Texts | Should -Be @('N/A')
    [int]$invalid.StatusCode | Should -Be 403
    ($invalid.Content | ConvertFrom-Json).msg | Should -Be 'Invalid monitor ID'
}

It 'draws the page badge from all monitors: Up, Degraded, Down, Maintenance, and N/A for an unknown slug' {
    Use-Monitors @(@{ id = 6; name = 'GPT'; state = 'up' }, @{ id = 8; name = 'Claude'; state = 'up' })
    $allUp = Get-Badge '/api/status-page/chatanywhere/badge'
    Use-Monitors @(@{ id = 6; name = 'GPT'; state = 'up' }, @{ id = 8; name = 'Claude'; state = 'down' }, @{ id = 3; name = 'Gemini'; state = 'pending' })
    $degraded = Get-Badge '/api/status-page/ChatAnywhere/badge?label=ChatAnywhere'
    Use-Monitors @(@{ id = 8; name = 'Claude'; state = 'down' }, @{ id = 3; name = 'Gemini'; state = 'pending' })
    $down = Get-Badge '/api/status-page/chatanywhere/badge'
    Use-Monitors @(@{ id = 6; name = 'GPT'; state = 'up' }, @{ id = 4; name = 'Deepseek'; state = 'maintenance' })
    $maintenance = Get-Badge '/api/status-page/chatanywhere/badge'
    $unknown = Get-Badge '/api/status-page/no-such-page/badge'

    $allUp.Texts | Should -Be @('Up') -Because 'the page badge has no label unless asked'
    $allUp.CacheControl | Should -Be 'max-age=300'
    $allUp.AllowOrigin | Should -BeNullOrEmpty
    $degraded.Texts | Should -Be @('ChatAnywhere', 'Degraded')
    $degraded.Fills[1] | Should -Be '#F6BE00'
    $down.Texts | Should -Be @('Down')
    $maintenance.Texts | Should -Be @('Maintenance')
    $maintenance.Fills[1] | Should -Be '#808080'
    $unknown.Status | Should -Be 200
    $unknown.Texts | Should -Be @('N/A')
    $unknown.Fills[1] | Should -Be '#999'
}
}
