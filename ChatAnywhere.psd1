@{
    RootModule           = 'ChatAnywhere.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5b0f3c1e-8d4a-4f57-9c2b-6a1e2d7f9b30'
    Author               = 'ChatAnywhere.PowerShell contributors'
    CompanyName          = 'ChatAnywhere.PowerShell'
    Copyright            = '(c) 2026 ChatAnywhere.PowerShell contributors. MIT License.'
    Description          = 'Diagnoses API keys for ChatAnywhere (an OpenAI-compatible relay) and self-hosted one-api / new-api relays: says why a key fails and what to do next.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    TypesToProcess       = @('ChatAnywhere.types.ps1xml')
    FormatsToProcess     = @('ChatAnywhere.format.ps1xml')
    # Listed explicitly: wildcards make Import-Module slower and hide what the module offers.
    CmdletsToExport      = @(
        'Test-ApiKey'
        'Wait-KeyActivation'
        'Get-ServiceStatus'
        'Reset-ApiKey'
        'Get-ApiKeyEnvironment'
        'Get-ApiKeyBalance'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('ChatAnywhere', 'OpenAI', 'ApiKey', 'Diagnostics', 'KeyRotation', 'one-api', 'new-api', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No LicenseUri or ProjectUri until the project has a public home: they named pages that do not exist.
            ReleaseNotes = 'Test-ApiKey: names why a key fails and the next step. Wait-KeyActivation: waits until a new key works. Get-ServiceStatus: is the service up, per host and per model family. Reset-ApiKey: rotates a key on a one-api or new-api relay without downtime. Get-ApiKeyEnvironment: which key and base URL each program here would use. Get-ApiKeyBalance: what is left on a key, with a low-balance alert.'
        }
    }
}
