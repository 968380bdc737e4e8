# Help prose for Test-ApiKey. build.ps1 turns it, with the cmdlet's own parameter metadata, into MAML
# (en-US/ChatAnywhere.PowerShell.dll-Help.xml). tests/Pester/Module.Tests.ps1 fails when a parameter or
# example lacks text here.
@{
    Synopsis    = 'Tests ChatAnywhere (or OpenAI-compatible relay) API keys and says why a key fails and what to do next.'
    Description = @(
        'Test-ApiKey sends each key to the service the way a client would and reads the answer, body first: the same 401, 403 or 429 means different things. It names the cause (Verdict and the finer Reason), who answered (Backend, and the Upstream provider a relay passed on), quotes the server (Message, with any key material masked), lists likely causes (Diagnosis) and next steps (Recommendation). It reads ChatAnywhere''s, one-api''s and new-api''s answers and those of the providers behind them (OpenAI, Azure OpenAI, Anthropic, Gemini, DeepSeek, Moonshot, Zhipu, Qwen, SiliconFlow, OpenRouter, Groq, xAI, Mistral), and the pages of Cloudflare, firewalls, filtering proxies and web servers in front of them.'
        'Before sending anything it removes whitespace, quotes or a "Bearer " prefix around a pasted key (and says so), refuses keys that cannot be keys (inner spaces, invisible or full-width characters), and does not send a ChatAnywhere key to api.openai.com: that base URL is the most common reason for "401 Incorrect API key provided".'
        'By default each key costs one GET /v1/models, which spends no quota. -Model adds one chat completion with max_tokens 1, which spends one of the free tier''s 200 daily requests.'
        'Keys are probed concurrently (-ThrottleLimit) and come out in input order. A key that fails is a result, not an error; an error is written only when the module itself cannot test a key, and the other keys go on. Transient failures (timeouts, resets, 5xx, 429 with a short Retry-After) are retried with exponential backoff; 400, 401, 403, 404, daily limits, used-up quota and block pages never are. Redirects are reported, not followed with the key.'
        'The key never appears in full in output, streams or errors: results carry the key masked (first 3 and last 4 characters) and a SHA-256 fingerprint.'
        'What the module never does with a secret: show it whole in output, streams or errors (one redactor masks every form of it: with or without sk-, JSON-escaped, URL-encoded); send it over plain http unless every hop is this machine (no proxy, or a loopback proxy), without -AllowUnencryptedAuthentication; put it in a URL. What the platform does: on Linux and macOS Export-Clixml stores a SecureString unencrypted, and a secret typed literally on a command line stays in the session history and $MyInvocation: use Read-Host -AsSecureString or the environment.'
    )
    Parameters  = @{
        ApiKey                         = 'The key to test, as a SecureString or a plain string (converted). Takes pipeline input by value and by property name (ApiKey or Key), so Import-Csv keys.csv | Test-ApiKey works. When omitted: $env:CHATANYWHERE_API_KEY, then $env:OPENAI_API_KEY.'
        BaseUri                        = 'The service''s base URL, with or without /v1. When omitted: $env:CHATANYWHERE_BASE_URL, $env:OPENAI_BASE_URL, $env:OPENAI_API_BASE, else https://api.chatanywhere.tech. Plain http is refused except to this machine, unless -AllowUnencryptedAuthentication. Tab completion offers the two ChatAnywhere hosts.'
        Model                          = 'Also sends one POST /v1/chat/completions with max_tokens 1 for this model, to check the key may use it. Spends one request of the daily quota, so it is off by default.'
        ThrottleLimit                  = 'How many keys are probed at once, 1 to 64 (default 4). ChatAnywhere''s free tier counts requests per IP address too, so many free keys from one machine share one daily budget.'
        TimeoutSec                     = 'Seconds one HTTP attempt may take (default 10). Each key has a time budget of -TimeoutSec × (-MaxRetries + 1) seconds (30 s by default), retries and waits included: a retry whose wait would pass it is not made, and the key''s result carries the last verdict and the server''s RetryAfter instead.'
        MaxRetries                     = 'Retries of transient failures per request (default 2), with backoff from 0.5 s doubling to 8 s, or the server''s Retry-After up to 60 s, as long as the wait fits the time budget (see -TimeoutSec).'
        IncludeBalance                 = 'On a key judged Valid or QuotaExhausted, also reads what is left with Get-ApiKeyBalance''s routes (which spend nothing) and adds Remaining and Unit to the result and the amount to the recommendation.'
        Quiet                          = 'Outputs only $true (the key is Valid) or $false per key, like Test-Connection -Quiet.'
        Proxy                          = 'Sends requests through this proxy instead of the one in HTTPS_PROXY or the system settings.'
        ProxyCredential                = 'Credentials for -Proxy.'
        NoProxy                        = 'Connects directly, ignoring HTTP(S)_PROXY and system proxy settings.'
        SkipCertificateCheck           = 'Accepts any server certificate. Only for a test relay with a self-signed certificate that you trust.'
        AllowUnencryptedAuthentication = 'Allows sending a key over plain http to a host other than this machine. Anyone on the path can read it.'
    }
    Inputs      = @(
        @{ Type = 'System.Security.SecureString'; Description = 'A key.' }
        @{ Type = 'System.String'; Description = 'A key as plain text.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects with an ApiKey (or Key) property and optionally a BaseUri property, such as rows from Import-Csv.' }
    )
    Outputs     = @(
        @{ Type = 'ChatAnywhere.ApiKeyTestResult'; Description = 'One per key: Key (masked), KeyFingerprint, BaseUri, Verdict, Reason, IsValid, StatusCode, ErrorType, ErrorCode, Message, Backend, Upstream, Diagnosis, Recommendation, RetryAfter, LatencyMs, Attempts, Remaining and Unit (with -IncludeBalance), CheckedAt.' }
        @{ Type = 'System.Boolean'; Description = 'With -Quiet: $true when the key is Valid.' }
    )
    Notes       = @(
        'Verdicts: Valid, InvalidKey, WrongEndpoint, MalformedKey, MalformedRequest, QuotaExhausted, RateLimited, ModelNotAllowed, Restricted, BlockedByWaf, ServiceUnavailable, NetworkError, Unknown. docs/verdicts.md in the project says what each means and which facts lead to it; a 402, 403, 429 or 5xx, a block page or "no key received" never gives InvalidKey.'
        'ChatAnywhere''s free daily limit resets at 00:00 Asia/Shanghai; a DailyLimit result says when, in RetryAfter and in the recommendation.'
        'Error ids: NoApiKey, EmptyApiKey, InvalidBaseUri, UnencryptedAuthenticationRefused, ProxyConflict, ProxyCredentialWithoutProxy, ApiKeyTestFailed.'
    )
    Examples    = @(
        @{
            Title   = 'Test the key in $env:CHATANYWHERE_API_KEY'
            Code    = 'Test-ApiKey'
            Remarks = 'Uses $env:CHATANYWHERE_API_KEY (or $env:OPENAI_API_KEY) and the default base URL, https://api.chatanywhere.tech, and costs one GET /v1/models.'
        }
        @{
            Title   = 'Test a key typed at a prompt, and read the whole verdict'
            Code    = 'Test-ApiKey -ApiKey (Read-Host -AsSecureString "Key") | Format-List'
            Remarks = 'Format-List shows the diagnosis and recommendation under the verdict.'
        }
        @{
            Title   = 'Test every key of a CSV file, eight at a time'
            Code    = "Import-Csv ./keys.csv | Test-ApiKey -ThrottleLimit 8 | Where-Object Verdict -ne 'Valid' | Export-Csv ./failing.csv"
            Remarks = 'keys.csv has an ApiKey (or Key) column and optionally a BaseUri column. Results keep the input order; the CSV written holds masked keys and fingerprints only.'
        }
        @{
            Title   = 'Check that a key may use a model (spends one request)'
            Code    = 'Test-ApiKey -BaseUri https://api.chatanywhere.org -Model gpt-4o-mini'
            Remarks = 'A free key asking for a model outside the free list gets ModelNotAllowed (FreeTierModel).'
        }
        @{
            Title   = 'Fail a scheduled task when any key is not valid'
            Code    = "`$results = Import-Csv ./keys.csv | Test-ApiKey -ErrorAction Continue`n`$bad = @(`$results | Where-Object { -not `$_.IsValid })`nif (`$bad.Count -gt 0) { `$bad | Format-Table; exit 1 }"
            Remarks = 'Run the script with pwsh -File so that exit 1 reaches the task scheduler.'
        }
        @{
            Title   = 'Test a key and say how much is left on it'
            Code    = 'Test-ApiKey -IncludeBalance | Format-List Verdict, Remaining, Unit, Recommendation'
            Remarks = 'A Valid or QuotaExhausted key also gets Remaining and Unit, read as Get-ApiKeyBalance reads them.'
        }
        @{
            Title   = 'Only true or false'
            Code    = "if (-not (Test-ApiKey -Quiet)) { Write-Warning 'The ChatAnywhere key does not work' }"
            Remarks = '-Quiet outputs one boolean per key.'
        }
        @{
            Title   = 'Go through a proxy, retrying harder'
            Code    = 'Test-ApiKey -Proxy http://proxy.example:8080 -ProxyCredential (Get-Credential) -TimeoutSec 20 -MaxRetries 4'
            Remarks = 'Without -Proxy the environment''s HTTPS_PROXY (or the system proxy) applies; -NoProxy connects directly.'
        }
        @{
            Title   = 'Rehearse against the local emulator'
            Code    = "Test-ApiKey -ApiKey sk-EmuDailyLimited000000000000000000000000000000004 -BaseUri http://127.0.0.1:5075 | Format-List Verdict, Reason, RetryAfter, Recommendation"
            Remarks = 'The emulator (see the README) answers like the service with captured responses, so scripts can be tried without spending quota. Plain http is allowed to this machine only.'
        }
    )
    RelatedLinks = @(
        @{ Text = 'ChatAnywhere status page'; Uri = 'https://status.chatanywhere.tech' }
        @{ Text = 'Why 401 Incorrect API key provided (GPT_API_free issue 302)'; Uri = 'https://github.com/chatanywhere/GPT_API_free/issues/302' }
    )
}
