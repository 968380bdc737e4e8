<#
.SYNOPSIS
    Measures Test-ApiKey against the anchors a user would write instead, in the same run, and writes docs/benchmarks.md.
.DESCRIPTION
    Against the emulator with 20 ms latency per answer:
      - Test-ApiKey over 1,000 keys at -ThrottleLimit 16;
      - a sequential Invoke-RestMethod loop (anchor 1);
      - ForEach-Object -Parallel -ThrottleLimit 16 with Invoke-RestMethod (anchor 2);
      - Import-Module time over a bare pwsh -NoProfile;
      - peak working set of a pwsh testing 1,000 and 20,000 keys.
    Each figure is the median of several runs. These machines are noisy: read the ratios.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [int] $Runs = 3,
    [int] $Keys = 1000,
    [int] $SequentialKeys = 200,
    [string] $OutFile = (Join-Path (Split-Path $PSScriptRoot) 'docs/benchmarks.md')
)

$ErrorActionPreference = 'Stop'
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
Import-Module (Join-Path (Split-Path $PSScriptRoot) 'build/Emulator.psm1')
$pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
$throttle = 16
$latencyMs = 20

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function New-BenchKey([int] $Index) { 'sk-EmuBench' + $Index.ToString('D40') }

# Runs a script in a fresh pwsh and returns what it printed last (a number). Progress is off in
# every variant: a child pwsh would otherwise serialize each progress record to its caller.
function Invoke-Fresh([string] $Script) {
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("`$ProgressPreference = 'SilentlyContinue'`n" + $Script))
    $output = & $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded
    if ($LASTEXITCODE -ne 0) { throw "Benchmark step failed: $output" }
    [double]($output | Select-Object -Last 1)
}

$emulator = Start-Emulator -Configuration $Configuration -ScenarioPath (Join-Path $PSScriptRoot 'scenario.bench.json')
try {
    $api = $emulator.Url
    Write-Host "Emulator at $api, $latencyMs ms per answer; $Runs runs each."
    $results = [ordered]@{}

    Write-Host "Test-ApiKey, $Keys keys, -ThrottleLimit $throttle..."
    $results.TestApiKey = 1..$Runs | ForEach-Object {
        Invoke-Fresh @"
Import-Module '$ModuleManifest'
`$keys = 0..$($Keys - 1) | ForEach-Object { 'sk-EmuBench' + `$_.ToString('D40') }
`$null = 0..199 | ForEach-Object { 'sk-EmuBenchWarm' + `$_.ToString('D36') } | Test-ApiKey -BaseUri '$api' -ThrottleLimit $throttle
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$valid = @(`$keys | Test-ApiKey -BaseUri '$api' -ThrottleLimit $throttle | Where-Object IsValid).Count
`$watch.Stop()
if (`$valid -ne $Keys) { throw "only `$valid of $Keys keys were Valid" }
$Keys / `$watch.Elapsed.TotalSeconds
"@
    }

    Write-Host "Anchor 1: sequential Invoke-RestMethod, $SequentialKeys keys..."
    $results.Sequential = 1..$Runs | ForEach-Object {
        Invoke-Fresh @"
`$keys = 0..$($SequentialKeys - 1) | ForEach-Object { 'sk-EmuBench' + `$_.ToString('D40') }
foreach (`$key in `$keys[0..49]) { `$null = Invoke-RestMethod -Uri '$api/v1/models' -Headers @{ Authorization = "Bearer `$key" } -NoProxy }
`$watch = [Diagnostics.Stopwatch]::StartNew()
foreach (`$key in `$keys) { `$null = Invoke-RestMethod -Uri '$api/v1/models' -Headers @{ Authorization = "Bearer `$key" } -NoProxy }
`$watch.Stop()
$SequentialKeys / `$watch.Elapsed.TotalSeconds
"@
    }

    Write-Host "Anchor 2: ForEach-Object -Parallel -ThrottleLimit $throttle with Invoke-RestMethod, $Keys keys..."
    $results.Parallel = 1..$Runs | ForEach-Object {
        Invoke-Fresh @"
`$keys = 0..$($Keys - 1) | ForEach-Object { 'sk-EmuBench' + `$_.ToString('D40') }
`$null = `$keys[0..199] | ForEach-Object -ThrottleLimit $throttle -Parallel { Invoke-RestMethod -Uri '$api/v1/models' -Headers @{ Authorization = "Bearer `$_" } -NoProxy }
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$null = `$keys | ForEach-Object -ThrottleLimit $throttle -Parallel { Invoke-RestMethod -Uri '$api/v1/models' -Headers @{ Authorization = "Bearer `$_" } -NoProxy }
`$watch.Stop()
$Keys / `$watch.Elapsed.TotalSeconds
"@
    }

    Write-Host 'Reference: a bare HttpClient with 16 workers, the most this machine and emulator allow...'
    $results.Floor = 1..$Runs | ForEach-Object {
        Invoke-Fresh @"
Add-Type -TypeDefinition @'
using System; using System.Net.Http; using System.Threading; using System.Threading.Tasks;
public static class BareLoad {
    public static double Run(string uri, int total, int workers) {
        using var client = new HttpClient();
        var next = -1;
        Func<Task> worker = async () => {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total) {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk-EmuBench" + i.ToString("D40"));
                using var response = await client.SendAsync(request).ConfigureAwait(false);
                await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
        };
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++) { tasks[w] = Task.Run(worker); }
        Task.WaitAll(tasks);
        return total;
    }
}
'@
`$null = [BareLoad]::Run('$api/v1/models', 200, $throttle)
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$null = [BareLoad]::Run('$api/v1/models', $Keys, $throttle)
$Keys / `$watch.Elapsed.TotalSeconds
"@
    }

    # Start-up times swing by 100 ms here; alternate the variants and take medians of many runs.
    Write-Host 'Import-Module over a bare pwsh -NoProfile...'
    $emptyModule = Join-Path ([IO.Path]::GetTempPath()) 'ca-bench-empty/ca-bench-empty.psd1'
    New-Item -ItemType Directory -Force -Path (Split-Path $emptyModule) | Out-Null
    Set-Content -Path $emptyModule -Value "@{ ModuleVersion = '1.0'; FunctionsToExport = @() }"
    $bare = [Collections.Generic.List[double]]::new(); $withModule = [Collections.Generic.List[double]]::new(); $withEmpty = [Collections.Generic.List[double]]::new()
    foreach ($run in 1..9) {
        $bare.Add((Measure-Command { & $pwsh -NoProfile -NonInteractive -Command '$null' }).TotalMilliseconds)
        $withEmpty.Add((Measure-Command { & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$emptyModule'" }).TotalMilliseconds)
        $withModule.Add((Measure-Command { & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'" }).TotalMilliseconds)
    }
    $inProcess = 1..9 | ForEach-Object { Invoke-Fresh "(Measure-Command { Import-Module '$ModuleManifest' }).TotalMilliseconds" }

    Write-Host 'Peak working set for 1,000 and 20,000 keys...'
    $peak = @{}
    foreach ($count in 1000, 20000) {
        $peak[$count] = 1..2 | ForEach-Object {
            Invoke-Fresh @"
Import-Module '$ModuleManifest'
`$n = 0
0..$($count - 1) | ForEach-Object { 'sk-EmuBench' + `$_.ToString('D40') } | Test-ApiKey -BaseUri '$api' -ThrottleLimit $throttle | ForEach-Object { `$n++ }
if (`$n -ne $count) { throw "`$n results for $count keys" }
[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB
"@
        }
    }
}
finally {
    Stop-Emulator $emulator
}

$limit = $throttle / ($latencyMs / 1000.0)
$ours = Get-Median $results.TestApiKey
$sequential = Get-Median $results.Sequential
$parallel = Get-Median $results.Parallel
$importCost = (Get-Median $withModule) - (Get-Median $bare)
$emptyCost = (Get-Median $withEmpty) - (Get-Median $bare)
$floor = Get-Median $results.Floor
$importInProcess = Get-Median $inProcess
$peak1k = Get-Median $peak[1000]
$peak20k = Get-Median $peak[20000]

$cpu = if (Test-Path /proc/cpuinfo) { ((Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -split ':', 2)[1].Trim() } else { $env:PROCESSOR_IDENTIFIER }
$memory = if (Test-Path /proc/meminfo) { '{0:N0} GiB' -f ([double](((Get-Content /proc/meminfo -TotalCount 1) -split '\s+')[1]) / 1MB) } else { 'unknown' }
function Format-Spread([double[]] $Values) {
    '{0:N0} ms | {1:N0} ms | {2:N0} ms' -f (Get-Median $Values), ($Values | Measure-Object -Minimum).Minimum, ($Values | Measure-Object -Maximum).Maximum
}
function Format-Verdict([bool] $Met) { if ($Met) { 'met' } else { '**missed**' } }

$report = @"
# Benchmarks

Written by ``./build.ps1 -Task Bench``: bench/Invoke-Benchmark.ps1 writes every section down to its targets table from one
run, then bench/Measure-ServiceStatus.ps1 adds the Get-ServiceStatus section.
Medians of $Runs runs (import: 9 alternating runs; memory: 2 runs). Every run is a fresh pwsh that first does
the same work on 200 other keys (50 for the sequential loop), so the JIT is warm for all variants alike, and
has progress off. These machines are noisy, so compare the ratios, which were measured side by side in the same
run, rather than the absolute numbers.

## Machine

| | |
|---|---|
| date (UTC) | $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) |
| CPU | $cpu, $([Environment]::ProcessorCount) logical cores |
| memory | $memory |
| OS | $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription) |
| .NET | $([Environment]::Version) |
| PowerShell | $($PSVersionTable.PSVersion) |

The emulator runs on the same machine, on loopback, answering each request after $latencyMs ms.

## Throughput: testing many keys

| what | keys | median keys/s | vs Test-ApiKey |
|---|---:|---:|---:|
| ``Test-ApiKey -ThrottleLimit $throttle`` | $Keys | $('{0:N0}' -f $ours) | 1.00 |
| sequential ``Invoke-RestMethod`` loop (anchor 1) | $SequentialKeys | $('{0:N0}' -f $sequential) | $('{0:N2}' -f ($sequential / $ours)) |
| ``ForEach-Object -Parallel -ThrottleLimit $throttle`` + ``Invoke-RestMethod`` (anchor 2) | $Keys | $('{0:N0}' -f $parallel) | $('{0:N2}' -f ($parallel / $ours)) |
| reference: a bare ``HttpClient`` with $throttle workers, no PowerShell, no diagnosis | $Keys | $('{0:N0}' -f $floor) | $('{0:N2}' -f ($floor / $ours)) |

The limit for $throttle requests in flight at $latencyMs ms each is $throttle / $($latencyMs / 1000) s = $('{0:N0}' -f $limit) keys/s.
Test-ApiKey reached $('{0:P0}' -f ($ours / $limit)) of it; it is $('{0:N1}' -f ($ours / $sequential))x the sequential loop and
$('{0:N1}' -f ($ours / $parallel))x ForEach-Object -Parallel. The sequential anchor uses $SequentialKeys keys so that the run stays
short; its rate does not depend on the count.

The reference row is the ceiling this machine and the emulator allow for $throttle requests in flight: the
emulator, the client and the loopback stack share $([Environment]::ProcessorCount) cores, so even a bare HttpClient
stays below the theoretical limit ($('{0:P0}' -f ($floor / $limit)) of it). Test-ApiKey reaches $('{0:P0}' -f ($ours / $floor)) of that ceiling.

## Import time

| what | median | fastest | slowest |
|---|---:|---:|---:|
| bare ``pwsh -NoProfile`` (start and exit) | $(Format-Spread $bare) |
| ``pwsh -NoProfile`` importing an empty module | $(Format-Spread $withEmpty) |
| ``pwsh -NoProfile`` importing this module | $(Format-Spread $withModule) |
| ``Import-Module`` of this module timed inside a fresh process | $(Format-Spread $inProcess) |

What the import adds to a bare start, median against median: $('{0:N0}' -f $importCost) ms (an empty module: $('{0:N0}' -f $emptyCost) ms).
Whole-process start-up times on these machines swing by about 100 ms from run to run (compare the fastest and
slowest columns), which is as large as the effect measured; the in-process figure is the steadier one.

## Memory

| keys piped through Test-ApiKey | median peak working set of the pwsh process |
|---:|---:|
| 1,000 | $('{0:N0}' -f $peak1k) MiB |
| 20,000 | $('{0:N0}' -f $peak20k) MiB |

Ratio 20,000 / 1,000: $('{0:N2}' -f ($peak20k / $peak1k)). Results stream out in order while at most
4 x ThrottleLimit keys are queued, so memory does not grow with the number of keys.

## Against the targets (issue: Test-ApiKey)

| target | measured | |
|---|---|---|
| throughput >= 90 % of ThrottleLimit / latency ($('{0:N0}' -f (0.9 * $limit)) keys/s) | $('{0:N0}' -f $ours) keys/s ($('{0:P0}' -f ($ours / $limit))) | $(Format-Verdict ($ours -ge 0.9 * $limit)) |
| above both anchors | $('{0:N1}' -f ($ours / $sequential))x and $('{0:N1}' -f ($ours / $parallel))x | $(Format-Verdict ($ours -gt $sequential -and $ours -gt $parallel)) |
| import adds at most 150 ms | $('{0:N0}' -f $importCost) ms over a bare start; $('{0:N0}' -f $importInProcess) ms in-process | $(Format-Verdict ($importCost -le 150 -and $importInProcess -le 150)) |
| 20,000 keys peak at most 1.5x the peak for 1,000 | $('{0:N2}' -f ($peak20k / $peak1k))x | $(Format-Verdict ($peak20k -le 1.5 * $peak1k)) |
"@

Set-Content -Path $OutFile -Value $report -Encoding utf8
Write-Host "Wrote $OutFile"
$report
