<#
.SYNOPSIS
    Scores the diagnosis rules on the corpus: how many answers get their verdict (or the accepted
    alternative), and which are missed, grouped by family and by expected -> given verdict.
.DESCRIPTION
    Run it on a new batch BEFORE changing the rules, and write the figures into docs/accuracy.md:
    that first score is the honest measure of how well the rules generalize. Needs a built module
    (./build.ps1 -Task Build); it loads the engine from out/ChatAnywhere in this process.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build/Measure-CorpusAccuracy.ps1 -Batch 2026-12-01
#>
[CmdletBinding()]
param(
    # Only rows of this batch (the corpus field "batch"); all rows when omitted.
    [string] $Batch,
    # The built module folder holding ChatAnywhere.Engine.dll.
    [string] $ModuleFolder = (Join-Path (Split-Path $PSScriptRoot) 'out/ChatAnywhere'),
    # The corpus folder.
    [string] $CorpusFolder = (Join-Path (Split-Path $PSScriptRoot) 'corpus/answers'),
    # List every miss, not only the counts.
    [switch] $ListMisses
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
foreach ($assembly in 'Polly.Core.dll', 'ChatAnywhere.Engine.dll') {
    $path = Join-Path $ModuleFolder $assembly
    if (Test-Path $path) { Add-Type -Path $path }
}

# The same clock as the engine tests, so daily-limit rows read the same.
$now = [datetimeoffset]::new(2026, 11, 27, 10, 48, 0, [timespan]::Zero)
$shapes = @{ relay = 'Relay'; openai = 'OpenAIProject' }

$rows = foreach ($file in Get-ChildItem $CorpusFolder -Filter *.json | Sort-Object Name) {
    Get-Content -Raw -Encoding utf8 $file.FullName | ConvertFrom-Json | ForEach-Object { $_ }
}
$rows = @($rows | Where-Object { $null -ne $_.status -and (-not $Batch -or $_.batch -eq $Batch) })

$scored = foreach ($row in $rows) {
    $headers = [System.Collections.Generic.Dictionary[string, string]]::new([StringComparer]::OrdinalIgnoreCase)
    if ($row.PSObject.Properties['headers'] -and $row.headers) {
        foreach ($header in $row.headers.PSObject.Properties) { $headers[$header.Name] = [string]$header.Value }
    }
    $body = if ($row.body_json_normalized) { $row.body_json_normalized } else { [string]$row.body }
    $contentType = if ($row.content_type -and $row.content_type.Contains('/')) { ($row.content_type -split '[ ;]')[0] } else { $null }
    $shape = if ($shapes.ContainsKey([string]$row.key_shape)) { $shapes[[string]$row.key_shape] } else { 'Other' }
    $baseUri = if ($row.base_uri) { $row.base_uri } else { 'https://relay.example.com' }
    $context = [ChatAnywhere.Engine.Diagnosis.ProbeContext]::new($shape, [ChatAnywhere.Engine.Endpoints.KnownHosts]::KindOf([uri]$baseUri), $baseUri, $null)
    $response = [ChatAnywhere.Engine.Http.ProbeResponse]::new([int]$row.status, $body, $headers, $contentType, $false)
    $given = [ChatAnywhere.Engine.Diagnosis.ResponseClassifier]::Classify($response, $context, $now)
    $accepted = @($row.expected_verdict)
    if ($row.PSObject.Properties['accepted_alternative'] -and $row.accepted_alternative) { $accepted += $row.accepted_alternative.verdict }
    [pscustomobject]@{
        Id       = $row.id
        Family   = $row.family
        Expected = $row.expected_verdict
        Given    = [string]$given.Verdict
        Reason   = [string]$given.Reason
        Right    = $accepted -contains [string]$given.Verdict
        Unsafe   = [string]$given.Verdict -eq 'InvalidKey' -and $accepted -notcontains 'InvalidKey'
    }
}

$right = @($scored | Where-Object Right).Count
$total = @($scored).Count
$label = if ($Batch) { "batch $Batch" } else { 'whole corpus' }
"**$label**: $right of $total right ($([math]::Round(100.0 * $right / [math]::Max(1, $total), 1)) %); false InvalidKey: $(@($scored | Where-Object Unsafe).Count)"
''
'| family | right | total |'
'|---|---|---|'
$scored | Group-Object Family | Sort-Object Name | ForEach-Object {
    "| $($_.Name) | $(@($_.Group | Where-Object Right).Count) | $($_.Count) |"
}
''
'| misses: expected -> given | count |'
'|---|---|'
$scored | Where-Object { -not $_.Right } | Group-Object { "$($_.Expected) -> $($_.Given)" } | Sort-Object Count -Descending | ForEach-Object {
    "| $($_.Name) | $($_.Count) |"
}
if ($ListMisses) {
    ''
    $scored | Where-Object { -not $_.Right } | ForEach-Object { "- $($_.Id): expected $($_.Expected), given $($_.Given) ($($_.Reason))" }
}
