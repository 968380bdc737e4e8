<#
.SYNOPSIS
    Writes the module's MAML help from the cmdlets' own metadata plus the prose in src/ChatAnywhere.PowerShell/Help.
.DESCRIPTION
    platyPS is not available here (toolchain notes), so syntax, parameter sets, types, positions and
    pipeline input come from Get-Command on the built module, and the words from <Cmdlet>.help.psd1.
    Run in a fresh pwsh: importing the module loads its assembly into this process.
    Fails when a cmdlet, parameter or example has no prose.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $HelpSourceDirectory,
    [Parameter(Mandatory)] [string] $OutFile
)

$ErrorActionPreference = 'Stop'
$module = Import-Module $ManifestPath -PassThru -Force
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
New-Item -ItemType Directory -Force -Path (Split-Path $OutFile) | Out-Null
$xml = [System.Xml.XmlWriter]::Create($OutFile, $settings)

function Write-Para([string[]] $Text) {
    foreach ($line in $Text) { $xml.WriteElementString('para', $ns.maml, $line) }
}

function Write-Description([string[]] $Text) {
    $xml.WriteStartElement('description', $ns.maml); Write-Para $Text; $xml.WriteEndElement()
}

function Get-PipelineInput($attribute) {
    $kinds = @()
    if ($attribute.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($attribute.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter($parameter, $attribute, [string] $text, [string] $default) {
    $isSwitch = $parameter.ParameterType -eq [switch]
    $xml.WriteStartElement('parameter', $ns.command)
    $xml.WriteAttributeString('required', "$($attribute.Mandatory)".ToLowerInvariant())
    $xml.WriteAttributeString('variableLength', 'true')
    $xml.WriteAttributeString('globbing', 'false')
    $xml.WriteAttributeString('pipelineInput', (Get-PipelineInput $attribute))
    $xml.WriteAttributeString('position', $(if ($attribute.Position -ge 0) { "$($attribute.Position)" } else { 'named' }))
    $xml.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
    $xml.WriteElementString('name', $ns.maml, $parameter.Name)
    Write-Description $text
    if (-not $isSwitch) {
        $xml.WriteStartElement('parameterValue', $ns.command)
        $xml.WriteAttributeString('required', 'true'); $xml.WriteAttributeString('variableLength', 'false')
        $xml.WriteString($parameter.ParameterType.Name); $xml.WriteEndElement()
    }
    $xml.WriteStartElement('type', $ns.dev); $xml.WriteElementString('name', $ns.maml, $parameter.ParameterType.FullName); $xml.WriteEndElement()
    $xml.WriteElementString('defaultValue', $ns.dev, $default)
    $xml.WriteEndElement()
}

$xml.WriteStartDocument()
$xml.WriteStartElement('helpItems', 'http://msh')
$xml.WriteAttributeString('schema', 'maml')

foreach ($command in (Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)) {
    $sourceFile = Join-Path $HelpSourceDirectory "$($command.Name).help.psd1"
    if (-not (Test-Path $sourceFile)) { throw "No help prose for $($command.Name): expected $sourceFile." }
    $prose = Import-PowerShellDataFile $sourceFile
    $instance = [Activator]::CreateInstance($command.ImplementingType)

    $xml.WriteStartElement('command', 'command', $ns.command)
    $xml.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $xml.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)

    $xml.WriteStartElement('details', $ns.command)
    $xml.WriteElementString('name', $ns.command, $command.Name)
    $xml.WriteElementString('verb', $ns.command, $command.Verb)
    $xml.WriteElementString('noun', $ns.command, $command.Noun)
    Write-Description $prose.Synopsis
    $xml.WriteEndElement()
    Write-Description $prose.Description

    $xml.WriteStartElement('syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $xml.WriteStartElement('syntaxItem', $ns.command)
        $xml.WriteElementString('name', $ns.maml, $command.Name)
        foreach ($p in ($set.Parameters | Where-Object Name -notin $common)) {
            if (-not $prose.Parameters.ContainsKey($p.Name)) { throw "No help prose for $($command.Name) -$($p.Name)." }
            $attribute = [pscustomobject]@{
                Mandatory = $p.IsMandatory; Position = $p.Position
                ValueFromPipeline = $p.ValueFromPipeline; ValueFromPipelineByPropertyName = $p.ValueFromPipelineByPropertyName
            }
            Write-Parameter $p $attribute $prose.Parameters[$p.Name] ''
        }
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('parameters', $ns.command)
    foreach ($p in ($command.Parameters.Values | Where-Object Name -notin $common | Sort-Object Name)) {
        $attribute = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        $default = $instance.($p.Name)
        $defaultText = if ($null -eq $default -or ($default -is [switch] -and -not $default.IsPresent)) { 'None' } else { "$default" }
        Write-Parameter $p $attribute $prose.Parameters[$p.Name] $defaultText
    }
    $xml.WriteEndElement()

    foreach ($section in @(@('inputTypes', 'inputType', $prose.Inputs), @('returnValues', 'returnValue', $prose.Outputs))) {
        $xml.WriteStartElement($section[0], $ns.command)
        foreach ($item in $section[2]) {
            $xml.WriteStartElement($section[1], $ns.command)
            $xml.WriteStartElement('type', $ns.dev); $xml.WriteElementString('name', $ns.maml, $item.Type); $xml.WriteEndElement()
            Write-Description $item.Description
            $xml.WriteEndElement()
        }
        $xml.WriteEndElement()
    }

    $xml.WriteStartElement('alertSet', $ns.maml); $xml.WriteStartElement('alert', $ns.maml); Write-Para $prose.Notes; $xml.WriteEndElement(); $xml.WriteEndElement()

    if (-not $prose.Examples) { throw "No examples for $($command.Name)." }
    $xml.WriteStartElement('examples', $ns.command)
    $number = 0
    foreach ($example in $prose.Examples) {
        $number++
        if (-not $example.Code -or -not $example.Remarks) { throw "Example $number of $($command.Name) lacks code or remarks." }
        $xml.WriteStartElement('example', $ns.command)
        $xml.WriteElementString('title', $ns.maml, "--------- Example ${number}: $($example.Title) ---------")
        $xml.WriteElementString('code', $ns.dev, $example.Code)
        $xml.WriteStartElement('remarks', $ns.dev); Write-Para $example.Remarks; $xml.WriteEndElement()
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    # Get-Help -Online opens the first related link: this module's own page (the cmdlet's HelpUri), never a
    # page the prose merely cites. HelpUri is a path in this repository until the project has a public home.
    if (-not $command.HelpUri) { throw "$($command.Name) has no HelpUri." }
    $xml.WriteStartElement('relatedLinks', $ns.command)
    $xml.WriteStartElement('navigationLink', $ns.maml)
    $xml.WriteElementString('linkText', $ns.maml, 'Online version:')
    $xml.WriteElementString('uri', $ns.maml, $command.HelpUri)
    $xml.WriteEndElement()
    foreach ($link in $prose.RelatedLinks) {
        $xml.WriteStartElement('navigationLink', $ns.maml)
        $xml.WriteElementString('linkText', $ns.maml, $link.Text)
        $xml.WriteElementString('uri', $ns.maml, $link.Uri)
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteEndElement()
}

$xml.WriteEndElement()
$xml.WriteEndDocument()
$xml.Dispose()
