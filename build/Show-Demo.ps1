<#
.SYNOPSIS
    The README's demo: Get-ServiceStatus against the emulator, then Test-ApiKey over emulator
    keys that show each verdict, then Wait-KeyActivation on a new key that starts working while it waits,
    then Reset-ApiKey rotating a token on the emulator's one-api relay, then Get-ApiKeyBalance on each
    backend, watching a balance fall and a low-balance alert.
.DESCRIPTION
    Starts the emulator on loopback, tests one key per situation an admin meets, prints the
    results as a table and the interesting ones in full, waits for a key that the emulator
    keeps unknown for a few seconds, and stops the emulator.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1')

$emulator = Start-Emulator -Configuration $Configuration
try {
    $api = $emulator.Url
    Write-Host "Emulator listening on $api (ChatAnywhere at /, OpenAI at /openai)" -ForegroundColor Cyan

    # Get-ServiceStatus first: rule out the service before blaming a key. The endpoint root, a new-api
    # relay and the Uptime Kuma status page, all in the emulator (no real internet).
    Write-Host "`nGet-ServiceStatus -BaseUri $api, $api/relay/new-api -StatusPageUri $api/uptime-kuma" -ForegroundColor Cyan
    $status = Get-ServiceStatus -BaseUri $api, "$api/relay/new-api" -StatusPageUri "$api/uptime-kuma"
    $status | Format-List | Out-String -Width 120 | Write-Host
    Write-Host 'Its endpoints and monitors as tables:' -ForegroundColor Cyan
    $status.Endpoints | Format-Table | Out-String -Width 160 | Write-Host
    $status.Components | Format-Table | Out-String -Width 160 | Write-Host

    # "Is it only me?": the emulator's GitHub issues route stands in for chatanywhere/GPT_API_free's tracker.
    $scenario = Invoke-RestMethod -Uri "$api/_emulator/scenario" -NoProxy | ConvertTo-Json -Depth 20 | ConvertFrom-Json -AsHashtable
    $scenario['community'] = @{ repository = 'chatanywhere/GPT_API_free'; issues = @(
            @{ number = 901; title = 'API 一直返回 401 无效的令牌'; minutesAgo = 25 }
            @{ number = 902; title = 'Requests time out since this morning'; minutesAgo = 70 }
            @{ number = 903; title = 'How do I buy a paid key?'; minutesAgo = 40 }
        ) }
    $null = Invoke-RestMethod -Method Put -Uri "$api/_emulator/scenario" -Body ($scenario | ConvertTo-Json -Depth 20) -ContentType 'application/json' -NoProxy
    $community = "$api/github/repos/chatanywhere/GPT_API_free"
    Write-Host "`nGet-ServiceStatus -BaseUri $api -NoStatusPage -CommunityUri $community (is it only me?):" -ForegroundColor Cyan
    $status = Get-ServiceStatus -BaseUri $api -NoStatusPage -CommunityUri $community
    Write-Host "Community: $($status.Community)" -ForegroundColor Cyan
    $status.Community.Reports | Format-Table Number, CreatedAt, Title | Out-String -Width 120 | Write-Host
    $status.Problems | ForEach-Object { Write-Host "Problem: $_" -ForegroundColor Yellow }

    # Which key and base URL would each program use here? A relay key in OPENAI_API_KEY and a .env file whose
    # OPENAI_BASE_URL lacks /v1 (it names the emulator, so nothing leaves this machine).
    $project = Join-Path ([IO.Path]::GetTempPath()) ("chatanywhere-demo-" + [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory $project | Out-Null
    Set-Content -Path (Join-Path $project '.env') -Value "# the project's settings`nOPENAI_BASE_URL=$api"
    $savedKey, $savedBase = $env:OPENAI_API_KEY, $env:OPENAI_BASE_URL
    $env:OPENAI_API_KEY = 'sk-EmuValidPaid000000000000000000000000000000000001'; $env:OPENAI_BASE_URL = $null
    try {
        Write-Host "`nGet-ApiKeyEnvironment -Path $($project):" -ForegroundColor Cyan
        $clients = Get-ApiKeyEnvironment -Path $project
        $clients | Format-Table | Out-String -Width 120 | Write-Host
        $clients | Where-Object Client -eq 'openai-python 0.x' | Format-List | Out-String -Width 120 | Write-Host
        Write-Host 'Get-ApiKeyEnvironment | Test-ApiKey (a relay key bound for api.openai.com is not sent there):' -ForegroundColor Cyan
        $clients | Test-ApiKey -MaxRetries 0 | Format-Table Key, BaseUri, Verdict, Reason, Attempts | Out-String -Width 120 | Write-Host
    }
    finally {
        $env:OPENAI_API_KEY, $env:OPENAI_BASE_URL = $savedKey, $savedBase
        Remove-Item -Recurse -Force $project
    }

    # The emulator's demo keys (src/ChatAnywhere.Emulator/Resources/scenario.default.json): not real keys.
    $cases = @(
        [pscustomobject]@{ Case = 'A good key';                                  ApiKey = 'sk-EmuValidPaid000000000000000000000000000000000001';    BaseUri = $api }
        [pscustomobject]@{ Case = 'A wrong key';                                 ApiKey = 'sk-EmuWrongKey0000000000000000000000000000000000003';    BaseUri = $api }
        [pscustomobject]@{ Case = 'A good key sent to OpenAI (base URL unchanged)'; ApiKey = 'sk-EmuValidPaid000000000000000000000000000000000001'; BaseUri = "$api/openai" }
        [pscustomobject]@{ Case = 'A key pasted with a trailing newline';        ApiKey = "sk-EmuValidPaid000000000000000000000000000000000001`r`n"; BaseUri = $api }
        [pscustomobject]@{ Case = 'A free key past its 200 requests today';      ApiKey = 'sk-EmuDailyLimited000000000000000000000000000000004';    BaseUri = $api }
        [pscustomobject]@{ Case = 'The service failing (503, retried)';          ApiKey = 'sk-EmuServiceFault000000000000000000000000000000007';    BaseUri = $api }
        [pscustomobject]@{ Case = 'A suspended key';                             ApiKey = 'sk-EmuSuspended000000000000000000000000000000000005';    BaseUri = $api }
        [pscustomobject]@{ Case = 'A key with a space inside (nothing sent)';    ApiKey = 'sk-EmuValidPaid 00000000000000000000000000000000001';    BaseUri = $api }
        [pscustomobject]@{ Case = 'Cloudflare in front, upstream down';          ApiKey = 'sk-EmuCloudflare00000000000000000000000000000000011';    BaseUri = $api }
    )

    $results = $cases | Test-ApiKey -ThrottleLimit 8
    $index = 0
    Write-Host "`nTest-ApiKey over $($cases.Count) keys:" -ForegroundColor Cyan
    $results | ForEach-Object {
        [pscustomobject]@{ Case = $cases[$index++].Case; Key = $_.Key; Verdict = $_.Verdict; Reason = $_.Reason; StatusCode = $_.StatusCode; Attempts = $_.Attempts }
    } | Format-Table -AutoSize | Out-String -Width 160 | Write-Host

    Write-Host 'The objects, as Test-ApiKey prints them:' -ForegroundColor Cyan
    $results | Format-Table | Out-String -Width 160 | Write-Host

    Write-Host 'Two of them in full (Format-List):' -ForegroundColor Cyan
    $results[2], $results[4] | Format-List | Out-String -Width 120 | Write-Host

    # A new key, unknown to the emulator for its first 6 seconds (as a key not yet synchronised).
    $newKey = 'sk-EmuDemoNewKey00000000000000000000000000000000042'
    $entry = @{ key = $newKey; activateAfterSec = 6; note = 'Demo: a new key that starts working after 6 s.' } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri "$api/_emulator/keys" -Body $entry -ContentType 'application/json' -NoProxy
    Write-Host 'Wait-KeyActivation on a new key that the service will know in 6 s (probes shown with -Verbose):' -ForegroundColor Cyan
    $activation = Wait-KeyActivation -ApiKey $newKey -BaseUri $api -InitialIntervalSec 1 -MaxIntervalSec 4 -Verbose 4>&1 |
        ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { Write-Host "  $($_.Message)" -ForegroundColor DarkGray } else { $_ } }
    $activation | Format-Table | Out-String -Width 160 | Write-Host
    $activation | Format-List Key, Activated, Outcome, Detail, WaitedFor, Probes | Out-String -Width 120 | Write-Host

    # Reset-ApiKey on the emulator's one-api relay: the relay user and its tokens are in the default
    # scenario (its "relay" section); the access token is an emulator-only value read from there.
    $relay = "$api/relay/one-api"
    $relayUser = (Invoke-RestMethod -Uri "$api/_emulator/scenario" -NoProxy).relay
    $oldToken = @($relayUser.tokens)[0]
    Write-Host "`nReset-ApiKey -Name $($oldToken.name) -BaseUri $relay -WhatIf (reads the relay, changes nothing):" -ForegroundColor Cyan
    Reset-ApiKey -Name $oldToken.name -BaseUri $relay -AccessToken $relayUser.accessToken -WhatIf
    Write-Host "`nReset-ApiKey -Name $($oldToken.name) -BaseUri $relay -Force:" -ForegroundColor Cyan
    $rotation = Reset-ApiKey -Name $oldToken.name -BaseUri $relay -AccessToken $relayUser.accessToken -Force
    $rotation | Format-Table | Out-String -Width 160 | Write-Host
    Write-Host 'The relay now accepts the new key and refuses the old one:' -ForegroundColor Cyan
    [pscustomobject]@{ Case = 'New key'; ApiKey = $rotation.NewKey; BaseUri = $relay },
    [pscustomobject]@{ Case = 'Old key'; ApiKey = $oldToken.key; BaseUri = $relay } |
        Test-ApiKey -MaxRetries 0 | Format-Table Key, Verdict, Reason, StatusCode, Message | Out-String -Width 160 | Write-Host

    # Get-ApiKeyBalance: each backend's balance routes (none spends a request), from the default scenario.
    Write-Host "`nGet-ApiKeyBalance on ChatAnywhere, one-api and new-api keys of the emulator:" -ForegroundColor Cyan
    $budget = 'sk-EmuRelayBudget0000000000000000000000000000000105'
    $balances = [pscustomobject]@{ ApiKey = 'sk-EmuValidPaid000000000000000000000000000000000001'; BaseUri = $api },
    [pscustomobject]@{ ApiKey = 'sk-EmuBalanceNearlyOut00000000000000000000000000019'; BaseUri = $api },
    [pscustomobject]@{ ApiKey = 'sk-EmuWrongKey0000000000000000000000000000000000003'; BaseUri = $api },
    [pscustomobject]@{ ApiKey = $budget; BaseUri = $relay },
    [pscustomobject]@{ ApiKey = $budget; BaseUri = "$api/relay/new-api" } |
        Get-ApiKeyBalance -MinimumRemaining 0.5 -ErrorVariable low -ErrorAction SilentlyContinue
    $balances | Format-Table | Out-String -Width 80 | Write-Host
    Write-Host 'LowBalance alerts (-MinimumRemaining 0.5):' -ForegroundColor Cyan
    $low | ForEach-Object { Write-Host "  $($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" -ForegroundColor Yellow }

    Write-Host "`nThree chat completions through the one-api relay, then the balance again (each spends `$0.01):" -ForegroundColor Cyan
    $chat = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"max_tokens":1}'
    1..3 | ForEach-Object {
        $null = Invoke-RestMethod -Method Post -Uri "$relay/v1/chat/completions" -Headers @{ Authorization = "Bearer $budget" } -Body $chat -ContentType 'application/json' -NoProxy
    }
    Get-ApiKeyBalance -ApiKey $budget -BaseUri $relay | Format-List Key, Backend, Total, Used, Remaining, Unit, State, ExpiresAt, Source | Out-String -Width 120 | Write-Host
    Write-Host 'Test-ApiKey -IncludeBalance says the amount in the recommendation:' -ForegroundColor Cyan
    Test-ApiKey -ApiKey $budget -BaseUri $relay -IncludeBalance | Format-List Verdict, Remaining, Unit, Recommendation | Out-String -Width 120 | Write-Host
}
finally {
    Stop-Emulator $emulator
    Write-Host 'Emulator stopped.' -ForegroundColor Cyan
}
