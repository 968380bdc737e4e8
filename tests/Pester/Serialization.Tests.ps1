Describe 'Objects across process boundaries' {
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ManifestPath = Get-TestModulePath
    Import-Module $script:ManifestPath -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
    $script:Kuma = "$($script:Api)/uptime-kuma"

    # The same three commands run in a job, in a thread job and before a Clixml round trip. The
    # status page of the default scenario has monitors and incidents, so every nested type is present.
    $script:Work = {
        param($ManifestPath, $Api, $Kuma, $DailyLimitedKey, $WrongKey)
        Import-Module $ManifestPath
        [pscustomobject]@{
            Status = Get-ServiceStatus -BaseUri $Api, 'http://127.0.0.1:9' -StatusPageUri $Kuma -TimeoutSec 5 -MaxRetries 0
            Test   = Test-ApiKey -ApiKey $DailyLimitedKey -BaseUri $Api
            Wait   = Wait-KeyActivation -ApiKey $WrongKey -BaseUri $Api -MaxProbes 1 -ErrorAction SilentlyContinue
        }
    }
    $script:Arguments = @($script:ManifestPath, $script:Api, $script:Kuma, (Key DailyLimited), (Key Wrong))

    function Assert-Survived($Result) {
        # ServiceStatus: nested endpoints, components and incidents stay objects; enums compare by name.
        $Result.Status.Overall | Should -Be 'Degraded'
        @($Result.Status.Endpoints).Count | Should -Be 2
        @($Result.Status.Endpoints | Where-Object Status -ne 'Operational').Count | Should -Be 1 -Because 'README filters endpoints by Status name'
        ($Result.Status.Endpoints | Where-Object Status -ne 'Operational').Cause | Should -Be 'ConnectionRefused'
        $Result.Status.Endpoints[0].Status -eq 'Operational' | Should -BeTrue
        @($Result.Status.Components).Count | Should -BeGreaterThan 0
        $Result.Status.Components[0].Name | Should -Not -BeNullOrEmpty
        ($Result.Status.Components[0].Status -in 'Up', 'Down', 'Pending', 'Maintenance', 'Unknown') | Should -BeTrue
        $Result.Status.CheckedAt.Kind | Should -Be 'Utc'

        # ApiKeyTestResult: the verdict compares by name; the advice stays lines.
        $Result.Test.Verdict -eq 'RateLimited' | Should -BeTrue
        $Result.Test.Reason -eq 'DailyLimit' | Should -BeTrue
        @($Result.Test.Recommendation).Count | Should -BeGreaterThan 0
        $Result.Test.CheckedAt.Kind | Should -Be 'Utc'

        # KeyActivationResult: LastResult stays an object with its verdict.
        $Result.Wait.Activated | Should -BeFalse
        $Result.Wait.LastResult.Verdict -eq 'InvalidKey' | Should -BeTrue
        $Result.Wait.LastResult.KeyFingerprint | Should -Be (Get-KeyFingerprint (Key Wrong))
    }

    function Assert-Rendered($Result) {
        # The views select the Deserialized. types too: no ': ()' placeholders, the nested values show.
        $summary = $Result.Status | Format-List | Out-String -Width 200
        $summary | Should -Match 'ConnectionRefused'
        $summary | Should -Not -Match ':\s+\(\)'
        ($Result.Test | Format-Table | Out-String -Width 80) | Should -Match 'RateLimited\s+DailyLimit'
        ($Result.Wait | Format-List | Out-String -Width 200) | Should -Match 'Recommendation'
    }
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

BeforeEach { Reset-EmulatorState -Url $script:Api }

It 'keeps nested objects and enum names through Start-Job (another process)' {
    $job = Start-Job -ScriptBlock $script:Work -ArgumentList $script:Arguments
    try { $result = $job | Wait-Job -Timeout 120 | Receive-Job -ErrorAction Stop }
    finally { $job | Remove-Job -Force }

    $result.Status.PSObject.TypeNames[0] | Should -Be 'Deserialized.ChatAnywhere.ServiceStatus'
    Assert-Survived $result
    Assert-Rendered $result
}

It 'keeps them through Start-ThreadJob' {
    $job = Start-ThreadJob -ScriptBlock $script:Work -ArgumentList $script:Arguments
    try { $result = $job | Wait-Job -Timeout 120 | Receive-Job -ErrorAction Stop }
    finally { $job | Remove-Job -Force }

    Assert-Survived $result
}

It 'keeps them through Export-Clixml and Import-Clixml' {
    $file = Join-Path $TestDrive 'results.clixml'
    & $script:Work @script:Arguments | Export-Clixml -Path $file
    $result = Import-Clixml -Path $file

    $result.Test.PSObject.TypeNames[0] | Should -Be 'Deserialized.ChatAnywhere.ApiKeyTestResult'
    $result.Wait.LastResult.PSObject.TypeNames[0] | Should -Be 'Deserialized.ChatAnywhere.ApiKeyTestResult'
    Assert-Survived $result
    Assert-Rendered $result
}
}
