<#
.SYNOPSIS
    Runs the Pester tests over the built module and writes a summary for build.ps1.
.DESCRIPTION
    Runs in its own pwsh (build.ps1 starts it) so the module under test is loaded fresh.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
$env:CHATANYWHERE_TEST_MODULE = (Resolve-Path $ModuleManifest).Path
$env:CHATANYWHERE_TEST_CONFIGURATION = $Configuration

$pesterConfig = New-PesterConfiguration
$pesterConfig.Run.Path = $PSScriptRoot
$pesterConfig.Run.PassThru = $true
$pesterConfig.Output.Verbosity = 'Detailed'
$pesterConfig.Should.ErrorAction = 'Continue'
$result = Invoke-Pester -Configuration $pesterConfig

[ordered]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8
