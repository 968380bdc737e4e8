<#
.SYNOPSIS
    Measures Get-ServiceStatus over 1, 2 and 4 endpoints against the anchor a user would write instead
    (the same GETs one after another with Invoke-WebRequest), and writes its section of docs/benchmarks.md.
.DESCRIPTION
    Against the emulator with 250 ms latency per answer, endpoints at /, /openai, /relay/one-api and
    /relay/new-api, and the Uptime Kuma status page at /uptime-kuma. The issue's target: with N endpoints
    the command takes about the time of the slowest one, plus the status page. Medians of several runs in
    one warm pwsh. These machines are noisy: read the ratios.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [int] $Runs = 5,
    [string] $OutFile = (Join-Path (Split-Path $PSScriptRoot) 'docs/benchmarks.md')
)

$ErrorActionPreference = 'Stop'
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
Import-Module (Join-Path (Split-Path $PSScriptRoot) 'build/Emulator.psm1')
$pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
$latencyMs = 250
$sectionStart = '<!-- Get-ServiceStatus benchmark: written by bench/Measure-ServiceStatus.ps1 -->'
$sectionEnd = '<!-- end of the Get-ServiceStatus benchmark -->'

$emulator = Start-Emulator -Configuration $Configuration -ScenarioPath (Join-Path $PSScriptRoot 'scenario.status.json')
try {
    $api = $emulator.Url
    Write-Host "Emulator at $api, $latencyMs ms per answer; $Runs runs each."
    # One warm pwsh measures every variant in turn, so the JIT and connection set-up are alike for all.
    $script = @"
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModuleManifest'
`$all = '$api', '$api/openai', '$api/relay/one-api', '$api/relay/new-api'
`$page = '$api/uptime-kuma'
function Median([double[]] `$v) { `$s = `$v | Sort-Object; `$m = [math]::Floor(`$s.Count / 2); if (`$s.Count % 2) { `$s[`$m] } else { (`$s[`$m - 1] + `$s[`$m]) / 2 } }
function Time([scriptblock] `$work) { `$w = [Diagnostics.Stopwatch]::StartNew(); `$null = & `$work; `$w.Elapsed.TotalMilliseconds }
function Sequential([string[]] `$endpoints) {
    foreach (`$e in `$endpoints) {
        `$null = Invoke-WebRequest "`$e/v1/models" -SkipHttpErrorCheck -NoProxy
        `$null = Invoke-WebRequest "`$e/api/status" -SkipHttpErrorCheck -NoProxy
    }
    `$slug = (Invoke-RestMethod "`$page/api/entry-page" -NoProxy).statusPageSlug
    `$null = Invoke-RestMethod "`$page/api/status-page/`$slug" -NoProxy
    `$null = Invoke-RestMethod "`$page/api/status-page/heartbeat/`$slug" -NoProxy
}
`$null = Get-ServiceStatus -BaseUri `$all -StatusPageUri `$page
Sequential `$all
`$result = [ordered]@{}
foreach (`$e in `$all) { `$result["single `$e"] = Median (1..$Runs | ForEach-Object { Time { Get-ServiceStatus -BaseUri `$e -StatusPageUri `$page } }) }
foreach (`$n in 1, 2, 4) {
    `$endpoints = `$all[0..(`$n - 1)]
    `$result["ours `$n"] = Median (1..$Runs | ForEach-Object { Time { Get-ServiceStatus -BaseUri `$endpoints -StatusPageUri `$page } })
    `$result["anchor `$n"] = Median (1..$Runs | ForEach-Object { Time { Sequential `$endpoints } })
}
`$check = Get-ServiceStatus -BaseUri `$all -StatusPageUri `$page
`$result['overall'] = "`$(`$check.Overall)"
`$result['requests per endpoint'] = "GET /v1/models + GET /api/status"
`$result | ConvertTo-Json -Compress
"@
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    $output = & $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded
    if ($LASTEXITCODE -ne 0) { throw "Benchmark failed: $output" }
    $m = $output | Select-Object -Last 1 | ConvertFrom-Json -AsHashtable
}
finally {
    Stop-Emulator $emulator
}

$singles = @($m.Keys | Where-Object { $_ -like 'single *' } | ForEach-Object { $m[$_] })
$slowest = ($singles | Measure-Object -Maximum).Maximum
$ours4 = $m['ours 4']
$met = $ours4 -le 1.25 * $slowest
$rows = foreach ($n in 1, 2, 4) {
    '| {0} | {1:N0} ms | {2:N0} ms | {3:N2} | {4:N1}x |' -f $n, $m["ours $n"], $m["anchor $n"], ($m["ours $n"] / $slowest), ($m["anchor $n"] / $m["ours $n"])
}
$section = @"
$sectionStart
## Get-ServiceStatus: endpoints checked at once

Written by ``bench/Measure-ServiceStatus.ps1`` on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC, same machine as above. The emulator
answers every request after $latencyMs ms; endpoints are its ChatAnywhere, OpenAI, one-api and new-api personalities,
each asked ``GET /v1/models`` and, unless the answer rules out a relay (the OpenAI one does), ``GET /api/status``; the
status page is its Uptime Kuma personality (entry page, then page and heartbeats). Medians of $Runs runs in one warm pwsh.
The anchor is what a script would do without the module: the same GETs one after another with
``Invoke-WebRequest`` / ``Invoke-RestMethod``.

| endpoints | Get-ServiceStatus | sequential anchor | vs the slowest single endpoint (with the status page) | anchor / ours |
|---:|---:|---:|---:|---:|
$($rows -join "`n")

The slowest single endpoint, checked alone with the status page, took $('{0:N0}' -f $slowest) ms (each alone: $(($singles | ForEach-Object { '{0:N0}' -f $_ }) -join ', ') ms).
Target (issue: Get-ServiceStatus): with N endpoints about the time of the slowest one plus the status page:
4 endpoints took $('{0:N2}' -f ($ours4 / $slowest))x the slowest one alone: $(if ($met) { 'met' } else { '**missed**' }) (read as met at 1.25x or less).
$sectionEnd
"@

$existing = if (Test-Path $OutFile) { Get-Content -Raw $OutFile } else { "# Benchmarks`n" }
$start = $existing.IndexOf($sectionStart)
if ($start -ge 0) {
    $end = $existing.IndexOf($sectionEnd, $start) + $sectionEnd.Length
    $existing = $existing.Substring(0, $start) + $section + $existing.Substring($end)
}
else {
    $existing = $existing.TrimEnd() + "`n`n" + $section
}
Set-Content -Path $OutFile -Value $existing.TrimEnd() -Encoding utf8
Write-Host "Get-ServiceStatus over 4 endpoints: $('{0:N0}' -f $ours4) ms; slowest alone $('{0:N0}' -f $slowest) ms; written to $OutFile"
