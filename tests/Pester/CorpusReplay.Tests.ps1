Describe 'Corpus answers replayed by the emulator' {
BeforeDiscovery {
    $corpusFolder = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'corpus/answers'
    $corpus = @{}
    foreach ($file in Get-ChildItem (Join-Path $corpusFolder '*.json')) {
        foreach ($row in (Get-Content -Raw $file | ConvertFrom-Json)) { $corpus[$row.id] = $row }
    }

    # How the sample was chosen. Test-ApiKey classifies an answer with its context: the host it asked and
    # the shape of the key (corpus/README.md, base_uri and key_shape). Here every answer comes from the
    # emulator on 127.0.0.1 to an sk-Emu... relay-shaped key, so a row is picked only when its verdict rests
    # on what the row itself carries (status, body, headers), never on the host being a provider's or the
    # key being OpenAI-shaped. That leaves out, among the rows with a status: rows without a body, whose
    # verdict can only come from the host (CA-403-balance-preauth, CA-403-gpt4-balance-below-0.8 read as
    # QuotaExhausted at api.chatanywhere.tech only), and OpenAI's "Incorrect API key" to an OpenAI-shaped key
    # (OA-401-incorrect-key-sk-proj), which to a relay key rightly means a wrong endpoint. Running every row
    # with a status through this file's steps once showed these three to be the only ones whose verdict
    # changes. From the rest: two to five rows per family, mixing JSON, plain text, HTML pages, empty
    # bodies, rows with captured headers and non-ASCII text. None carries a Retry-After (and -MaxRetries 0
    # would not wait for one), so no probe waits.
    $sample = @(
        'ANT-401-invalid-x-api-key', 'ANT-529-overloaded', 'ANT-403-forbidden-request-not-allowed'
        'AZ-429-call-rate-limit', 'AZ-403-vnet-firewall-headers', 'AZ-404-deployment-not-found'
        'CA-401-tengine-missing-sk', 'CA-429-free-200-per-day', 'CA-403-limit-to-use-2024-01', 'CA-429-shared-ip', 'CA-stream-200-ok-error-frame'
        'CF-403-1020-access-denied-html', 'CF-403-1010-plain-text', 'CF-403-cf-mitigated-challenge-headers', 'CF-522-json-problem-details'
        'QWEN-401-invalid-api-key-native', 'QWEN-400-arrearage-native-sdk-with-doc-link'
        'DS-402-insufficient-balance-message', 'DS-401-authentication-fails-key-suffix'
        'GW-401-kong-unauthorized-3x-code-derived', 'GW-403-aws-apigw-missing-authentication-token', 'GW-429-litellm-deployment-crossed-budget'
        'GEM-400-api-key-invalid-debuginfo', 'GEM-429-free-tier-tokens-per-minute', 'GEM-403-service-disabled-tos'
        'GROQ-401-invalid-api-key-with-cf-headers', 'GROQ-429-tokens-per-day-limit'
        'MIS-429-rate-limited-code-1300', 'MIS-422-extra-inputs-forbidden'
        'MOON-403-exceeded-current-quota', 'MOON-429-engine-overloaded'
        'NEW-401-no-token-measured', 'NEW-403-token-model-forbidden-zh-2025', 'NEW-503-no-available-channel-en', 'NEW-403-user-banned-2026'
        'ONE-429-global-rate-limit-empty', 'ONE-401-invalid-token-measured', 'ONE-403-subnet-not-allowed', 'ONE-503-no-channel-gpt5'
        'OA-401-incorrect-key-ca-key-2023', 'OA-429-insufficient-quota', 'OA-429-billing-not-active', 'OA-404-invalid-url'
        'OR-402-requires-more-credits-json', 'OR-401-no-auth-credentials-found'
        'PROXY-403-squid-err-access-denied', 'PROXY-200-f5-asm-request-rejected', 'PROXY-406-modsecurity-not-acceptable', 'PROXY-403-wts-waf-chinese'
        'SF-401-api-key-is-invalid', 'SF-403-30011-paid-balance-insufficient'
        'UK-404-status-page-not-found', 'UK-503-sqlite-busy'
        'WEB-404-nginx-chatanywhere-wrong-path', 'WEB-502-aws-elb-bad-gateway', 'WEB-503-envoy-no-healthy-upstream'
        'XAI-400-incorrect-api-key-url-encoded', 'XAI-403-new-team-no-credits'
        'GLM-401-token-expired-or-invalid-zh', 'GLM-429-1113-balance-insufficient-zh'
    )
    $script:Cases = @(foreach ($id in $sample) {
        $row = $corpus[$id]
        @{
            Id          = $id
            Found       = $null -ne $row
            Family      = $row.family
            Status      = $row.status
            Expected    = $row.expected_verdict
            Alternative = $row.accepted_alternative.verdict
        }
    })
    $script:Families = @($corpus.Values.family | Sort-Object -Unique)
    $script:SampledFamilies = @($script:Cases.Family | Sort-Object -Unique)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Emulator = Start-Emulator -Configuration (Get-TestConfiguration)
    $script:Api = $script:Emulator.Url
}

AfterAll {
    if ($script:Emulator) { Stop-Emulator $script:Emulator }
}

It 'samples at least 40 rows and every family of the corpus' -ForEach @{ Count = $script:Cases.Count; Families = $script:Families; Sampled = $script:SampledFamilies } {
    $Count | Should -BeGreaterOrEqual 40
    $Sampled | Should -Be $Families
}

It '<Id> (<Family>, <Status>) reads as <Expected>' -ForEach $script:Cases {
    $Found | Should -BeTrue -Because "$Id should be a corpus id"
    $key = New-EmulatorKey -Url $script:Api -Entry @{ answer = $Id }

    $result = Test-ApiKey -ApiKey $key -BaseUri $script:Api -MaxRetries 0

    $result.StatusCode | Should -Be $Status
    $result.Verdict | Should -BeIn @($Expected, $Alternative | Where-Object { $_ })
}

Context 'what goes on the wire' {
    BeforeAll {
        # A page with captured headers (Server, X-Squid-Error...) besides its Content-Type.
        $script:Row = Get-ChildItem (Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'corpus/answers/*.json') |
            ForEach-Object { Get-Content -Raw $_ | ConvertFrom-Json } | ForEach-Object { $_ } |
            Where-Object id -eq 'PROXY-403-squid-err-access-denied'
        # HttpClient rather than Invoke-WebRequest, whose parsed Content-Type would read "text/html; charset=utf-8".
        $script:Client = [System.Net.Http.HttpClient]::new([System.Net.Http.HttpClientHandler]@{ UseProxy = $false })
    }

    AfterAll { if ($script:Client) { $script:Client.Dispose() } }

    It 'sends the row at <Name>: status, content type, headers and body' -ForEach @(
        @{ Name = '/'; Mount = '' }, @{ Name = '/openai'; Mount = '/openai' }, @{ Name = '/relay/one-api'; Mount = '/relay/one-api' }, @{ Name = '/relay/new-api'; Mount = '/relay/new-api' }
    ) {
        $key = New-EmulatorKey -Url $script:Api -Entry @{ answer = $script:Row.id }

        $request = [System.Net.Http.HttpRequestMessage]::new('GET', "$($script:Api)$Mount/v1/models")
        $null = $request.Headers.TryAddWithoutValidation('Authorization', "Bearer $key")
        $response = $script:Client.SendAsync($request).GetAwaiter().GetResult()

        [int]$response.StatusCode | Should -Be 403
        "$($response.Content.Headers.NonValidated['Content-Type'])" | Should -BeExactly $script:Row.content_type
        "$($response.Headers.NonValidated['X-Squid-Error'])" | Should -BeExactly $script:Row.headers.'X-Squid-Error'
        "$($response.Headers.NonValidated['Server'])" | Should -BeExactly $script:Row.headers.Server
        $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() | Should -BeExactly $script:Row.body
    }

    It 'refuses an id that is not in the corpus, naming it' {
        $body = @{ key = 'sk-EmuTest' + ('0' * 41); answer = 'NOT-A-ROW-id' } | ConvertTo-Json
        $response = Invoke-WebRequest -Method Post -Uri "$($script:Api)/_emulator/keys" -Body $body -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy
        $response.StatusCode | Should -Be 400
        $response.Content | Should -Match "answer 'NOT-A-ROW-id' is not a corpus id"
    }

    It 'refuses a row without a status, saying so' {
        $body = @{ key = 'sk-EmuTest' + ('0' * 41); answer = 'CA-key-suspended' } | ConvertTo-Json
        $response = Invoke-WebRequest -Method Post -Uri "$($script:Api)/_emulator/keys" -Body $body -ContentType 'application/json' -SkipHttpErrorCheck -NoProxy
        $response.StatusCode | Should -Be 400
        $response.Content | Should -Match "answer 'CA-key-suspended' has no status"
    }
}
}
