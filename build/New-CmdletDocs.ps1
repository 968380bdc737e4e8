<#
.SYNOPSIS
    Writes docs/cmdlets/<Cmdlet>.md, the -Online page of each cmdlet (its HelpUri), from the same prose
    Get-Help shows (src/ChatAnywhere.PowerShell/Help/<Cmdlet>.help.psd1), so the two cannot drift.
.DESCRIPTION
    With -Check it writes nothing and fails (exit 1) when a page differs from what the prose gives:
    tests/Pester/Module.Tests.ps1 runs it that way. `./build.ps1 -Task Docs` writes the pages.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build/New-CmdletDocs.ps1
#>
[CmdletBinding()]
param(
    [string] $HelpSourceDirectory = (Join-Path (Split-Path $PSScriptRoot) 'src/ChatAnywhere.PowerShell/Help'),
    [string] $OutputDirectory = (Join-Path (Split-Path $PSScriptRoot) 'docs/cmdlets'),
    [switch] $Check
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function ConvertTo-CmdletPage([string] $Name, [hashtable] $Help) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add("<!-- The -Online page of $Name (its HelpUri), written by build/New-CmdletDocs.ps1 from src/ChatAnywhere.PowerShell/Help/$Name.help.psd1, the prose Get-Help shows. Edit that file, then run ./build.ps1 -Task Docs. -->")
    $lines.Add('')
    $lines.Add("# $Name")
    $lines.Add('')
    $lines.Add($Help.Synopsis)
    $lines.Add('')
    $lines.Add('## Description')
    foreach ($paragraph in $Help.Description) { $lines.Add(''); $lines.Add($paragraph) }
    $lines.Add('')
    $lines.Add('## Parameters')
    $lines.Add('')
    foreach ($parameter in $Help.Parameters.Keys | Sort-Object) { $lines.Add("- **-$parameter**: $($Help.Parameters[$parameter])") }
    if ($Help.ContainsKey('Outputs')) {
        $lines.Add('')
        $lines.Add('## Outputs')
        $lines.Add('')
        foreach ($output in $Help.Outputs) { $lines.Add("- **$($output.Type)**: $($output.Description)") }
    }
    if ($Help.ContainsKey('Notes')) {
        $lines.Add('')
        $lines.Add('## Notes')
        foreach ($note in $Help.Notes) { $lines.Add(''); $lines.Add($note) }
    }
    $lines.Add('')
    $lines.Add('## Examples')
    foreach ($example in $Help.Examples) {
        $lines.Add('')
        $lines.Add("### $($example.Title)")
        $lines.Add('')
        $lines.Add('```powershell')
        foreach ($codeLine in ($example.Code -split "`n")) { $lines.Add($codeLine) }
        $lines.Add('```')
        $lines.Add('')
        $lines.Add($example.Remarks)
    }
    $lines.Add('')
    $lines.Add('## See also')
    $lines.Add('')
    $lines.Add('- [about_ChatAnywhere](../../src/ChatAnywhere.PowerShell/Help/about_ChatAnywhere.help.txt) (`Get-Help about_ChatAnywhere`)')
    if ($Help.ContainsKey('RelatedLinks')) {
        foreach ($link in $Help.RelatedLinks) {
            $target = if ($link.ContainsKey('Uri') -and $link.Uri) { $link.Uri } else { "$($link.Text).md" }
            $lines.Add("- [$($link.Text)]($target)")
        }
    }
    ($lines -join "`n") + "`n"
}

$stale = @()
foreach ($source in Get-ChildItem $HelpSourceDirectory -Filter '*.help.psd1' | Sort-Object Name) {
    $name = $source.Name -replace '\.help\.psd1$', ''
    $page = ConvertTo-CmdletPage $name (Import-PowerShellDataFile $source.FullName)
    $path = Join-Path $OutputDirectory "$name.md"
    $current = if (Test-Path $path) { [IO.File]::ReadAllText($path) } else { $null }
    if ($current -ne $page) {
        if ($Check) { $stale += $name } else { [IO.File]::WriteAllText($path, $page); Write-Host "Wrote $path" }
    }
}
if ($stale) {
    Write-Host "Out of date (run ./build.ps1 -Task Docs): $($stale -join ', ')"
    exit 1
}
