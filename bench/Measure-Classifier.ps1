<#
.SYNOPSIS
    Measures the diagnosis classifier's time per answer and appends it to docs/benchmarks.md.
.DESCRIPTION
    Classifies real answers from the corpus many times in a tight C# loop (compiled here with Add-Type,
    so PowerShell's own loop cost is not measured): a 2 KB JSON error body (the issue's target: under
    20 µs), a short JSON error, an HTML block page and a plain-text line. The anchor, in the same run,
    is System.Text.Json's JsonDocument.Parse of the same 2 KB body: what reading the JSON alone costs.
    Each figure is the median of several rounds after a warm-up.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [int] $Rounds = 9,
    [int] $Iterations = 20000,
    [string] $OutFile = (Join-Path (Split-Path $PSScriptRoot) 'docs/benchmarks.md')
)

$ErrorActionPreference = 'Stop'
$moduleFolder = Split-Path (Resolve-Path $ModuleManifest).Path
$engine = Join-Path $moduleFolder 'ChatAnywhere.Engine.dll'
Add-Type -Path (Join-Path $moduleFolder 'Polly.Core.dll')
Add-Type -Path $engine

$corpus = Join-Path (Split-Path $PSScriptRoot) 'corpus/answers'
$rows = Get-ChildItem $corpus -Filter *.json | ForEach-Object { Get-Content -Raw -Encoding utf8 $_.FullName | ConvertFrom-Json } | ForEach-Object { $_ }
function Get-Body([string] $Id) { $row = $rows | Where-Object id -eq $Id; if ($row.body_json_normalized) { $row.body_json_normalized } else { $row.body } }

# A 2 KB JSON error: the corpus's Gemini invalid-key answer (details, metadata), its message repeated until 2 KB.
$base = Get-Body 'GEM-400-api-key-invalid-debuginfo'
$padded = $base
while ($padded.Length -lt 2048) { $padded = $padded.Replace('"message":"', '"message":"API key not valid. ') }
$samples = [ordered]@{
    'JSON error, 2 KB (Gemini API_KEY_INVALID, message padded)' = @(400, $padded, 'application/json')
    'JSON error, short (Anthropic rate limit)'                  = @(429, (Get-Body 'ANT-429-rate-limit-account'), 'application/json')
    'HTML block page (Akamai)'                                  = @(403, (Get-Body 'PROXY-403-akamai-access-denied-reference'), 'text/html')
    'plain text (Cloudflare error code: 1010)'                  = @(403, (Get-Body 'CF-403-1010-plain-text'), 'text/plain')
}

Add-Type -ReferencedAssemblies $engine, 'netstandard', 'System.Text.Json', 'System.Runtime', 'System.Collections', 'System.Memory' -TypeDefinition @'
using System;
using System.Diagnostics;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;

public static class ClassifierBench
{
    public static double MicrosecondsPerAnswer(int status, string body, string contentType, int iterations)
    {
        var response = new ProbeResponse(status, body, null, contentType);
        var context = new ProbeContext(KeyShape.Relay, EndpointKind.Other, "https://relay.example.test");
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            ResponseClassifier.Classify(response, context, now);
        }

        return watch.Elapsed.TotalMilliseconds * 1000.0 / iterations;
    }

    public static double MicrosecondsPerParse(string body, int iterations)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            using (System.Text.Json.JsonDocument.Parse(body)) { }
        }

        return watch.Elapsed.TotalMilliseconds * 1000.0 / iterations;
    }
}
'@

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$results = foreach ($name in $samples.Keys) {
    $status, $body, $type = $samples[$name]
    $null = [ClassifierBench]::MicrosecondsPerAnswer($status, $body, $type, 2000)   # warm-up: JIT and tiering
    $median = Get-Median @(1..$Rounds | ForEach-Object { [ClassifierBench]::MicrosecondsPerAnswer($status, $body, $type, $Iterations) })
    [pscustomobject]@{ Answer = $name; Bytes = [Text.Encoding]::UTF8.GetByteCount($body); Microseconds = [math]::Round($median, 2) }
}
$null = [ClassifierBench]::MicrosecondsPerParse($padded, 2000)
$anchor = Get-Median @(1..$Rounds | ForEach-Object { [ClassifierBench]::MicrosecondsPerParse($padded, $Iterations) })
$twoKb = $results[0].Microseconds

$lines = @(
    ''
    '## Diagnosis: time to classify one answer (issue: diagnosis that generalizes)'
    ''
    "bench/Measure-Classifier.ps1, $(Get-Date -AsUTC -Format 'yyyy-MM-dd'), the machine above; median of $Rounds rounds of $Iterations classifications after a warm-up, in one pwsh (PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version))."
    ''
    '| answer | bytes | µs per answer |'
    '|---|---|---|'
) + ($results | ForEach-Object { "| $($_.Answer) | $($_.Bytes) | $($_.Microseconds) |" }) + @(
    ''
    "Anchor, same run: System.Text.Json's JsonDocument.Parse of the same 2 KB body takes $([math]::Round($anchor, 2)) µs; classifying it (reading the JSON, collecting codes and messages, folding the text, trying every row) takes $([math]::Round($twoKb / $anchor, 1))x that. Goal: under 20 µs for a 2 KB JSON body: $(if ($twoKb -lt 20) { 'met' } else { 'missed' }) ($twoKb µs)."
)
Add-Content -Path $OutFile -Value $lines -Encoding utf8
$lines | Write-Host
