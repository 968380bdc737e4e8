Describe 'Get-ApiKeyEnvironment' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Names = 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_API_BASE', 'CHATANYWHERE_API_KEY', 'CHATANYWHERE_BASE_URL'
    $script:RelayKey = Key ValidPaid
}

BeforeEach {
    # Each test sets the variables it needs on a clean slate, in an empty folder, and puts everything back.
    $script:Saved = @{}
    foreach ($name in $script:Names) { $script:Saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $null) }
    $script:SavedDefaults = $PSDefaultParameterValues.Clone()
    $PSDefaultParameterValues.Clear()
    $script:Folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory $script:Folder | Out-Null
    Push-Location $script:Folder
}

AfterEach {
    Pop-Location
    foreach ($name in $script:Names) { [Environment]::SetEnvironmentVariable($name, $script:Saved[$name]) }
    $PSDefaultParameterValues.Clear()
    foreach ($entry in $script:SavedDefaults.GetEnumerator()) { $PSDefaultParameterValues[$entry.Key] = $entry.Value }
}

It 'reports a relay key with no base URL as bound for api.openai.com, and Test-ApiKey calls it WrongEndpoint without sending it' {
    $env:OPENAI_API_KEY = $script:RelayKey

    $results = @(Get-ApiKeyEnvironment)
    $python = $results | Where-Object Client -eq 'openai-python 1.3+'
    $python.KeySource | Should -Be 'env:OPENAI_API_KEY (Process)'
    $python.BaseUri | Should -Be 'https://api.openai.com/v1'
    $python.Problems.Code | Should -Contain 'RelayKeySentToOpenAI'
    ($results | Where-Object Client -like 'ChatAnywhere*').Problems.Code | Should -Not -Contain 'RelayKeySentToOpenAI'

    $tested = @($results | Where-Object { $_.Problems.Code -contains 'RelayKeySentToOpenAI' } | Test-ApiKey)
    $tested.Count | Should -Be (@($results | Where-Object { $_.Problems.Code -contains 'RelayKeySentToOpenAI' }).Count)
    $tested | ForEach-Object {
        $_.Verdict | Should -Be 'WrongEndpoint'
        $_.Reason | Should -Be 'RelayKeySentToOpenAI'
        $_.Attempts | Should -Be 0 -Because 'the key is never sent to OpenAI'
    }
}

It 'names the .env line of a base URL without /v1 for the clients that need it' {
    $env:OPENAI_API_KEY = $script:RelayKey
    Set-Content -Path .env -Value "# project settings`nOPENAI_BASE_URL=https://api.chatanywhere.tech"

    $results = @(Get-ApiKeyEnvironment)

    $missing = @($results | Where-Object { $_.Problems.Code -contains 'BaseUriMissingV1' })
    $missing.Client | Should -Be @('openai-python 1.3+', 'openai-node', 'LangChain (Python)', 'LangChain.js')
    $missing[0].BaseUriSource | Should -Be './.env line 2'
    ($missing[0].Problems | Where-Object Code -eq 'BaseUriMissingV1').Message | Should -Match '\./\.env line 2'
    ($results | Where-Object Client -eq 'openai-python 0.x').Problems.Code | Should -Contain 'VariableIgnoredByClient'
}

It 'finds .env files in parent folders, nearest first, and reads -Path instead when given' {
    Set-Content -Path .env -Value 'OPENAI_API_KEY=sk-parentparentparentparentparentparentparentpare'
    New-Item -ItemType Directory child | Out-Null
    Set-Content -Path child/.env -Value "OPENAI_API_KEY=$($script:RelayKey)"
    Push-Location child
    try {
        (Get-ApiKeyEnvironment -Client openai-node).KeySource | Should -Be './.env line 1'
        (Get-ApiKeyEnvironment -Client openai-node).KeyFingerprint | Should -Be (Get-KeyFingerprint $script:RelayKey)
        (Get-ApiKeyEnvironment -Client openai-node).Problems.Code | Should -Contain 'ScopesDisagree'
    }
    finally { Pop-Location }

    (Get-ApiKeyEnvironment -Path (Join-Path $script:Folder 'child') -Client openai-node).KeySource | Should -BeLike '*child*.env line 1'
    # Piped files are read together, the first one nearest.
    $piped = Get-ChildItem $script:Folder -Recurse -Filter .env -Force | Sort-Object { $_.FullName.Length } -Descending | Get-ApiKeyEnvironment -Client openai-node
    $piped.KeySource | Should -BeLike '*child*.env line 1'
    $piped.Problems.Code | Should -Contain 'ScopesDisagree'
    Get-ApiKeyEnvironment -Path (Join-Path $script:Folder 'none') -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
    $failures[0].FullyQualifiedErrorId | Should -BeLike 'DotEnvNotFound,*'
}

It "takes this module's key and base URL from `$PSDefaultParameterValues first" {
    $env:OPENAI_API_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ'
    $PSDefaultParameterValues['Test-ApiKey:ApiKey'] = $script:RelayKey
    $PSDefaultParameterValues['*:BaseUri'] = 'https://api.chatanywhere.org'

    $module = Get-ApiKeyEnvironment -Client 'ChatAnywhere*'

    $module.KeySource | Should -Be "`$PSDefaultParameterValues['Test-ApiKey:ApiKey']"
    $module.KeyShape | Should -Be 'Relay'
    $module.BaseUri | Should -Be 'https://api.chatanywhere.org'
    (Get-ApiKeyEnvironment -Client openai-node).KeyShape | Should -Be 'OpenAI'
}

It 'never shows the key: views, JSON and the verbose stream hold it masked only' {
    $env:OPENAI_API_KEY = $script:RelayKey
    $env:OPENAI_BASE_URL = 'https://api.chatanywhere.tech'

    $text = @(
        Get-ApiKeyEnvironment -Verbose 4>&1 | Out-String
        Get-ApiKeyEnvironment | Format-List * | Out-String
        Get-ApiKeyEnvironment | ConvertTo-Json -Depth 4
    ) -join "`n"

    $text | Should -Match 'sk-\*\*\*\*0001'
    $text.Contains($script:RelayKey) | Should -BeFalse
    $text.Contains($script:RelayKey.Substring(3, 40)) | Should -BeFalse
}

It 'fits the table in 80 columns with the problem codes' {
    $env:OPENAI_API_KEY = $script:RelayKey

    $table = Get-ApiKeyEnvironment | Format-Table | Out-String -Width 80

    foreach ($column in 'Client', 'Key', 'BaseUri', 'Problems') { $table | Should -Match $column }
    $table | Should -Match 'RelayKeySentToOpenAI'
    $table | Should -Not -Match 'ApiKey\s'
}
}
