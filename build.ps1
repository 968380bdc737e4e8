<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks ChatAnywhere.PowerShell.
.DESCRIPTION
    -Task Build  builds the solution and lays out the importable module in out/ChatAnywhere
                 (manifest, assemblies, type and format files, MAML help), then runs Test-ModuleManifest.
    -Task Test   builds, runs the xunit tests (engine, and the emulator's conformance suite with the
                 official OpenAI .NET library) and the Pester tests (in a fresh pwsh over the built
                 module) and ends with one line: "N passed, N failed".
    -Task Demo   builds, starts the emulator on loopback and shows each cmdlet against it
                 (Get-ServiceStatus, Test-ApiKey over keys that show each verdict, Wait-KeyActivation,
                 Reset-ApiKey with -WhatIf and for real), then stops the emulator.
    -Task Bench  builds and runs the benchmarks in bench/, writing docs/benchmarks.md.
    -Task Docs   writes docs/cmdlets/*.md (each cmdlet's -Online page) from the help prose.
    -Task Clean  removes out/ and the build output.
.EXAMPLE
    dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Docs', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/ChatAnywhere'
$resultsDir = Join-Path $root 'out/test-results'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Native {
    param([Parameter(Mandatory)] [scriptblock] $Command, [string] $What)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

# A fresh pwsh for work that must not load the module into this process.
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $File, [string[]] $Arguments = @())
    # Under 'dotnet pwsh' this process is dotnet itself; the tool's folder holds the pwsh launcher.
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    & $pwsh -NoProfile -NonInteractive -File $File @Arguments | Out-Host
    $LASTEXITCODE
}

function Invoke-Build {
    Write-Host "Building ($Configuration)..."
    Invoke-Native -What 'dotnet build' { dotnet build (Join-Path $root 'ChatAnywhere.PowerShell.sln') -c $Configuration --nologo -v quiet -clp:NoSummary }

    if (Test-Path $moduleOut) { Remove-Item -Recurse -Force $moduleOut }
    New-Item -ItemType Directory -Force -Path $moduleOut | Out-Null
    $binaries = Join-Path $root "src/ChatAnywhere.PowerShell/bin/$Configuration/netstandard2.0"
    # Everything the cmdlets need at run time, and never PowerShellStandard's reference System.Management.Automation.dll.
    Get-ChildItem $binaries -Filter *.dll |
        Where-Object Name -ne 'System.Management.Automation.dll' |
        Copy-Item -Destination $moduleOut
    Copy-Item (Join-Path $root 'ChatAnywhere.psd1') $moduleOut
    Copy-Item (Join-Path $root 'src/ChatAnywhere.PowerShell/Module/ChatAnywhere.format.ps1xml') $moduleOut
    Copy-Item (Join-Path $root 'src/ChatAnywhere.PowerShell/Module/ChatAnywhere.types.ps1xml') $moduleOut
    Copy-Item (Join-Path $root 'LICENSE') $moduleOut

    $helpFile = Join-Path $moduleOut 'en-US/ChatAnywhere.PowerShell.dll-Help.xml'
    $exit = Invoke-FreshPwsh -File (Join-Path $root 'build/New-MamlHelp.ps1') -Arguments @(
        '-ManifestPath', (Join-Path $moduleOut 'ChatAnywhere.psd1'),
        '-HelpSourceDirectory', (Join-Path $root 'src/ChatAnywhere.PowerShell/Help'),
        '-OutFile', $helpFile)
    if ($exit -ne 0) { throw 'Generating the MAML help failed.' }
    Copy-Item (Join-Path $root 'src/ChatAnywhere.PowerShell/Help/about_ChatAnywhere.help.txt') (Join-Path $moduleOut 'en-US')

    $null = Test-ModuleManifest (Join-Path $moduleOut 'ChatAnywhere.psd1')
    Write-Host "Module ready: $moduleOut"
}

function Get-PesterManifest {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifest = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.7.1 was not restored to $manifest (it comes with 'dotnet restore' of tests/ChatAnywhere.Engine.Tests)." }
    $manifest
}

function Invoke-Test {
    Invoke-Build
    if (Test-Path $resultsDir) { Remove-Item -Recurse -Force $resultsDir }
    New-Item -ItemType Directory -Force -Path $resultsDir | Out-Null

    # The engine's tests, and the emulator's conformance suite (the official OpenAI .NET library against it).
    $xunitPassed = 0
    $xunitFailed = 0
    foreach ($project in 'ChatAnywhere.Engine.Tests', 'ChatAnywhere.Emulator.Conformance.Tests') {
        Write-Host "Running xunit ($project)..."
        $trxName = "$project.trx"
        dotnet test (Join-Path $root "tests/$project") -c $Configuration --no-build --nologo `
            --logger "trx;LogFileName=$trxName" --logger 'console;verbosity=minimal' --results-directory $resultsDir
        $trx = Get-ChildItem $resultsDir -Filter $trxName -Recurse | Select-Object -First 1
        if (-not $trx) { throw "xunit wrote no results for $project." }
        $counters = ([xml](Get-Content -Raw $trx.FullName)).TestRun.ResultSummary.Counters
        $xunitPassed += [int]$counters.passed
        $xunitFailed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }

    Write-Host 'Running Pester in a fresh pwsh over the built module...'
    $pesterSummary = Join-Path $resultsDir 'pester-summary.json'
    $null = Invoke-FreshPwsh -File (Join-Path $root 'tests/Pester/Invoke-PesterTests.ps1') -Arguments @(
        '-PesterManifest', (Get-PesterManifest),
        '-ModuleManifest', (Join-Path $moduleOut 'ChatAnywhere.psd1'),
        '-SummaryPath', $pesterSummary,
        '-Configuration', $Configuration)
    if (-not (Test-Path $pesterSummary)) { throw 'Pester wrote no summary.' }
    $pester = Get-Content -Raw $pesterSummary | ConvertFrom-Json

    $passed = $xunitPassed + [int]$pester.Passed
    $failed = $xunitFailed + [int]$pester.Failed
    Write-Host "xunit: $xunitPassed passed, $xunitFailed failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
    # CI reads this closing line; it must stand alone.
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $exit = Invoke-FreshPwsh -File (Join-Path $root 'build/Show-Demo.ps1') -Arguments @('-ModuleManifest', (Join-Path $moduleOut 'ChatAnywhere.psd1'), '-Configuration', $Configuration)
    if ($exit -ne 0) { throw 'The demo failed.' }
}

function Invoke-Bench {
    Invoke-Build
    # Invoke-Benchmark writes docs/benchmarks.md afresh; Measure-ServiceStatus and Measure-Classifier then add their own sections.
    foreach ($benchmark in 'Invoke-Benchmark.ps1', 'Measure-ServiceStatus.ps1', 'Measure-Classifier.ps1') {
        $exit = Invoke-FreshPwsh -File (Join-Path $root "bench/$benchmark") -Arguments @('-ModuleManifest', (Join-Path $moduleOut 'ChatAnywhere.psd1'), '-Configuration', $Configuration)
        if ($exit -ne 0) { throw "The benchmark $benchmark failed." }
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Docs' { & (Join-Path $root 'build/New-CmdletDocs.ps1') }
    'Clean' { Remove-Item -Recurse -Force (Join-Path $root 'out') -ErrorAction SilentlyContinue; dotnet clean (Join-Path $root 'ChatAnywhere.PowerShell.sln') -v quiet }
}
