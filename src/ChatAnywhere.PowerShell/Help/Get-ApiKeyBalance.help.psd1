# Help prose for Get-ApiKeyBalance. build.ps1 turns it, with the cmdlet's own parameter metadata, into MAML
# (en-US/ChatAnywhere.PowerShell.dll-Help.xml). tests/Pester/Module.Tests.ps1 fails when a parameter or
# example lacks text here.
@{
    Synopsis    = 'Says how much is left on ChatAnywhere, one-api and new-api keys, in the backend''s own unit, and warns before a key runs out.'
    Description = @(
        'Get-ApiKeyBalance asks the backend that owns each key for its balance on routes that spend nothing: no GET /v1/models and no chat, so a free key''s daily quota is untouched. It writes one ChatAnywhere.ApiKeyBalance per key: Total, Used and Remaining in the backend''s own Unit (USD, CNY, Tokens, or Unknown when the backend does not say: a figure is never taken for dollars), Unlimited, ExpiresAt (UTC), State (Active, Exhausted, Expired, Disabled, Invalid, Unknown), the Source route that answered, and Diagnosis lines that say how the figures were read.'
        'ChatAnywhere: POST /v1/query/balance with the bare key and an empty body, the call of the service''s own balance page. That route is undocumented and its answer was never captured: fields that are missing are reported as missing, and its figures carry no currency, so Unit is Unknown. one-api: GET /v1/dashboard/billing/subscription and /v1/dashboard/billing/usage (hard_limit_usd minus total_usage/100), in the unit the relay''s /api/status names. new-api: GET /api/usage/token/ with "Bearer <key>", raw quota converted with quota_per_unit and the display type (USD, CNY or TOKENS) from /api/status, falling back to the billing routes on older versions. -Backend Auto picks ChatAnywhere by host, otherwise reads the relay''s public /api/status; an unknown relay that serves the billing routes works too.'
        'A key the backend refuses is a result, not an error: State says Invalid, Expired, Disabled or Exhausted, and Verdict, Reason, StatusCode, Message and Diagnosis come from the same classifier as Test-ApiKey.'
        '-MinimumRemaining marks keys with less left (in the key''s own unit) as IsLow and writes a non-terminating LowBalance error (category LimitsExceeded) for each, naming the masked key, what is left and the unit. With -Quiet the command outputs only $true when every key is above the threshold.'
        'Keys are checked concurrently (-ThrottleLimit) and come out in input order. The key never appears in full in output, streams or errors.'
    )
    Parameters  = @{
        ApiKey                         = 'The key, as a SecureString or a plain string (converted). Takes pipeline input by value and by property name (ApiKey or Key), so Import-Csv keys.csv | Get-ApiKeyBalance works. When omitted: $env:CHATANYWHERE_API_KEY, then $env:OPENAI_API_KEY.'
        BaseUri                        = 'The service''s base URL, with or without /v1. When omitted: $env:CHATANYWHERE_BASE_URL, $env:OPENAI_BASE_URL, $env:OPENAI_API_BASE, else https://api.chatanywhere.tech. Plain http is refused except to this machine, unless -AllowUnencryptedAuthentication. Tab completion offers the two ChatAnywhere hosts.'
        Backend                        = 'Which software serves the balance: Auto (default: ChatAnywhere by host name, otherwise the relay''s public GET /api/status, otherwise the billing routes), ChatAnywhere, OneApi or NewApi.'
        Model                          = 'With -UsageHours on ChatAnywhere: the model pattern of the usage rows, with % as the wildcard (gpt-4o%). Default: % (every model). Spends nothing.'
        UsageHours                     = 'Also reads the usage of the last N hours (1 to 8760) into Usage. ChatAnywhere: hourly rows of tokens, requests and cost from POST /v1/query/usage_details. one-api and new-api: their routes give only the total spent since the token was made, as one row.'
        MinimumRemaining               = 'A key with less than this left, in the key''s own unit, is marked IsLow and reported as a LowBalance error. Unlimited keys are never low.'
        Quiet                          = 'Outputs only one boolean: $true when every key has more than -MinimumRemaining left, $false when any key is low, refused, or its balance could not be read.'
        ThrottleLimit                  = 'How many keys are checked at once, 1 to 64 (default 4).'
        TimeoutSec                     = 'Seconds one HTTP attempt may take (default 10).'
        MaxRetries                     = 'Retries of transient failures per request (default 2), with backoff, or the server''s Retry-After up to 60 s.'
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
        @{ Type = 'ChatAnywhere.ApiKeyBalance'; Description = 'One per key: Key (masked), KeyFingerprint, BaseUri, Backend, Total, Used, Remaining, Unit, Unlimited, ExpiresAt, State, IsLow, Usage, Source, Verdict, Reason, StatusCode, Message, Diagnosis, CheckedAt.' }
        @{ Type = 'System.Boolean'; Description = 'With -Quiet: $true when every key is above -MinimumRemaining.' }
    )
    Notes       = @(
        'Units: the billing routes'' "_usd" fields are in the relay''s display unit, which may be yuan or raw quota; the command reads it from /api/status and says Unknown when it cannot. ChatAnywhere''s balance names no currency.'
        'one-api relays that show user statistics instead of the token''s report the user''s remaining quota as hard_limit_usd; the Diagnosis says so when the figures show it.'
        'Error ids: NoApiKey, EmptyApiKey, InvalidBaseUri, UnencryptedAuthenticationRefused, ProxyConflict, ProxyCredentialWithoutProxy, ApiKeyBalanceFailed, LowBalance.'
    )
    Examples    = @(
        @{
            Title   = 'How much is left on the key in $env:CHATANYWHERE_API_KEY'
            Code    = 'Get-ApiKeyBalance | Format-List'
            Remarks = 'Asks https://api.chatanywhere.tech with POST /v1/query/balance; spends no request of the free daily quota.'
        }
        @{
            Title   = 'Balances of every key of a CSV file, relays included'
            Code    = 'Import-Csv ./keys.csv | Get-ApiKeyBalance | Sort-Object Remaining | Format-Table'
            Remarks = 'keys.csv has an ApiKey (or Key) column and optionally a BaseUri column; each row''s backend is detected.'
        }
        @{
            Title   = 'What a key spent in the last day, per hour'
            Code    = '(Get-ApiKeyBalance -UsageHours 24 -Model "gpt-4o%").Usage | Format-Table Time, TotalTokens, Requests, Cost'
            Remarks = 'ChatAnywhere''s POST /v1/query/usage_details, with % as the wildcard of the model pattern.'
        }
        @{
            Title   = 'A scheduled task that warns before a key runs out'
            Code    = "`$balances = Import-Csv ./keys.csv | Get-ApiKeyBalance -MinimumRemaining 5 -ErrorAction SilentlyContinue -ErrorVariable low`nif (`$balances | Where-Object State -eq 'Invalid') { exit 1 }`nif (`$low) { exit 2 }`nexit 0"
            Remarks = 'Exits 2 when a key has less than 5 (in its own unit) left, 1 when a key is invalid, 0 otherwise. Run it with pwsh -File so that the exit code reaches the scheduler.'
        }
        @{
            Title   = 'Only true or false'
            Code    = "if (-not (Get-ApiKeyBalance -MinimumRemaining 1 -Quiet)) { Write-Warning 'The key is low, refused or unreadable' }"
            Remarks = '-Quiet outputs one boolean for all the keys.'
        }
        @{
            Title   = 'Rehearse against the local emulator'
            Code    = 'Get-ApiKeyBalance -ApiKey sk-EmuRelayCiPipeline000000000000000000000000000101 -BaseUri http://127.0.0.1:5075/relay/new-api'
            Remarks = 'The emulator serves each backend''s balance routes from its scenario; its chat calls add to Used, so a script can watch the balance fall.'
        }
    )
    RelatedLinks = @(
        @{ Text = 'ChatAnywhere balance and announcements page'; Uri = 'https://api.chatanywhere.tech/' }
        @{ Text = 'How much is left on my key (GPT_API_free issue 86)'; Uri = 'https://github.com/chatanywhere/GPT_API_free/issues/86' }
    )
}
