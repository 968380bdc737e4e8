# Shared by the Pester tests: the module under test, the emulator and its demo keys.

$script:RepositoryRoot = Split-Path (Split-Path $PSScriptRoot)
Import-Module (Join-Path $script:RepositoryRoot 'build/Emulator.psm1') -Global

# Emulator-only keys (src/ChatAnywhere.Emulator/Resources/scenario.default.json).
$script:EmulatorKeys = [ordered]@{
    ValidPaid       = 'sk-EmuValidPaid000000000000000000000000000000000001'
    ValidFree       = 'sk-EmuValidFree000000000000000000000000000000000002'
    Wrong           = 'sk-EmuWrongKey0000000000000000000000000000000000003'
    DailyLimited    = 'sk-EmuDailyLimited000000000000000000000000000000004'
    Suspended       = 'sk-EmuSuspended000000000000000000000000000000000005'
    BalanceLow      = 'sk-EmuBalanceLow00000000000000000000000000000000006'
    ServiceFault    = 'sk-EmuServiceFault000000000000000000000000000000007'
    Slow            = 'sk-EmuSlow00000000000000000000000000000000000000008'
    Activating      = 'sk-EmuActivating00000000000000000000000000000000009'
    ConnReset       = 'sk-EmuConnReset000000000000000000000000000000000010'
    Cloudflare      = 'sk-EmuCloudflare00000000000000000000000000000000011'
    Truncated       = 'sk-EmuTruncated000000000000000000000000000000000012'
    RateLimited     = 'sk-EmuRateLimited0000000000000000000000000000000013'
    Timeout         = 'sk-EmuTimeout00000000000000000000000000000000000014'
    HugeBody        = 'sk-EmuHugeBody0000000000000000000000000000000000015'
    Redirect        = 'sk-EmuRedirect0000000000000000000000000000000000016'
    RetryAfterLong  = 'sk-EmuRetryAfterLong0000000000000000000000000000017'
    Flaky           = 'sk-EmuFlaky0000000000000000000000000000000000000018'
}

function Get-EmulatorKey {
    param([Parameter(Mandatory)] [string] $Name)
    $script:EmulatorKeys[$Name]
}

# Short form for test tables: (Key Wrong).
function Key([Parameter(Mandatory)] [string] $Name) { Get-EmulatorKey $Name }

function Get-AllEmulatorKeys { @($script:EmulatorKeys.Values) }

function Get-TestModulePath {
    if (-not $env:CHATANYWHERE_TEST_MODULE) { throw 'CHATANYWHERE_TEST_MODULE is not set: run the tests through ./build.ps1 -Task Test.' }
    $env:CHATANYWHERE_TEST_MODULE
}

function Get-TestConfiguration { if ($env:CHATANYWHERE_TEST_CONFIGURATION) { $env:CHATANYWHERE_TEST_CONFIGURATION } else { 'Release' } }

function Get-KeyFingerprint {
    param([Parameter(Mandatory)] [string] $Key)
    $hash = [System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($Key))
    -join ($hash[0..7] | ForEach-Object { $_.ToString('x2') })
}

function Get-EmulatorRequest {
    <# The emulator's request log, optionally for one key. #>
    param([Parameter(Mandatory)] [string] $Url, [string] $Key)
    # Invoke-RestMethod returns a JSON array as one object; the parentheses unroll it.
    $log = @((Invoke-RestMethod -Uri "$Url/_emulator/requests" -NoProxy) | ForEach-Object { $_ })
    if ($Key) { $fingerprint = Get-KeyFingerprint $Key; @($log | Where-Object keyFingerprint -eq $fingerprint) } else { $log }
}

function Wait-EmulatorRequest {
    <#
    .SYNOPSIS
        Waits until the emulator has seen at least -Count requests (for one key, on one path prefix, with one method)
        and returns them. The emulator logs a request when it arrives, so this sees a held request too.
        The deadline is generous: it is reached only when the request never comes.
    #>
    param([Parameter(Mandatory)] [string] $Url, [string] $Key, [string] $PathPrefix, [string] $Method, [int] $Count = 1, [double] $TimeoutSec = 30)
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
    do {
        $seen = @(Get-EmulatorRequest -Url $Url -Key $Key | Where-Object { (-not $PathPrefix -or $_.path.StartsWith($PathPrefix)) -and (-not $Method -or $_.method -eq $Method) })
        if ($seen.Count -ge $Count) { return $seen }
        Start-Sleep -Milliseconds 50
    } while ([datetime]::UtcNow -lt $deadline)
    throw "The emulator saw $($seen.Count) of $Count expected requests in $TimeoutSec s."
}

function Reset-EmulatorState {
    param([Parameter(Mandatory)] [string] $Url)
    $null = Invoke-RestMethod -Method Post -Uri "$Url/_emulator/reset" -NoProxy
}

function Set-EmulatorScenario {
    <# Loads a whole scenario (JSON) into the running emulator, as PUT /_emulator/scenario does. #>
    param([Parameter(Mandatory)] [string] $Url, [Parameter(Mandatory)] [string] $Json)
    $null = Invoke-RestMethod -Method Put -Uri "$Url/_emulator/scenario" -Body $Json -ContentType 'application/json' -NoProxy
}

function New-EmulatorKey {
    <#
    .SYNOPSIS
        Adds a key to the running emulator (POST /_emulator/keys; its clock starts now) and returns it.
        -Entry holds the scenario fields besides "key" (activateAfterSec, state, changes, fault...).
    #>
    param([Parameter(Mandatory)] [string] $Url, [hashtable] $Entry = @{})
    # 'sk-' and 48 letters and digits, unique per call, so tests never share a key's counters.
    $key = 'sk-EmuTest' + [guid]::NewGuid().ToString('n') + ('0' * 9)
    $body = @{ key = $key } + $Entry | ConvertTo-Json -Depth 6 -Compress
    $null = Invoke-RestMethod -Method Post -Uri "$Url/_emulator/keys" -Body $body -ContentType 'application/json' -NoProxy
    $key
}

# Under 'dotnet pwsh' this process is dotnet itself; the tool's folder holds the pwsh launcher.
function Get-PwshPath { Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }) }

Export-ModuleMember -Function Key, Get-EmulatorKey, Get-AllEmulatorKeys, Get-TestModulePath, Get-TestConfiguration, Get-KeyFingerprint, Get-EmulatorRequest, Wait-EmulatorRequest, Reset-EmulatorState, Set-EmulatorScenario, New-EmulatorKey, Get-PwshPath
