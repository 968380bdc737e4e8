# Help prose for Wait-KeyActivation; see Test-ApiKey.help.psd1 for how build.ps1 uses it.
@{
    Synopsis    = 'Waits until a new or rotated ChatAnywhere (or relay) key works, probing with backoff, and stops at once when waiting cannot help.'
    Description = @(
        'A key that was just issued or rotated can be refused for a while: the service''s nodes may not all know it yet, and self-hosted relays cache tokens (one-api up to 600 s, new-api 60 s). Wait-KeyActivation probes the key the way Test-ApiKey does, one GET /v1/models per probe, until it works, then outputs the result so that a provisioning script or scheduled task can go on.'
        'Probes are spaced with exponential backoff: -InitialIntervalSec (5 s) doubling up to -MaxIntervalSec (60 s), each pause shortened by up to a quarter at random so that many waiting machines do not probe in step. A Retry-After from the server is honoured. With the defaults a key that starts working after 5 minutes costs at most 12 probes; it is seen within one interval of starting to work.'
        'It keeps waiting while the answer is InvalidKey (not active yet), ServiceUnavailable, NetworkError, RateLimited with a short Retry-After, or Unknown. It stops at once, with an error that carries the diagnosis, when waiting cannot help: MalformedKey, WrongEndpoint, MalformedRequest, QuotaExhausted, ModelNotAllowed, Restricted, BlockedByWaf, or a daily limit (the error says when it resets).'
        'No probe starts after -TimeoutSec, and a probe still in flight at that moment is cancelled. Ctrl+C returns within a second and sends no further probe. Keys from the pipeline are waited on concurrently, and each result comes out as soon as its key is settled (so not necessarily in input order).'
        'The key never appears in full in output, streams or errors: results carry the key masked and a SHA-256 fingerprint.'
    )
    Parameters  = @{
        ApiKey                         = 'The key to wait for, as a SecureString or a plain string (converted). Takes pipeline input by value and by property name (ApiKey or Key). When omitted: $env:CHATANYWHERE_API_KEY, then $env:OPENAI_API_KEY.'
        BaseUri                        = 'The service''s base URL, with or without /v1. When omitted: $env:CHATANYWHERE_BASE_URL, $env:OPENAI_BASE_URL, $env:OPENAI_API_BASE, else https://api.chatanywhere.tech. Plain http is refused except to this machine, unless -AllowUnencryptedAuthentication.'
        Model                          = 'Once the key answers GET /v1/models, also sends one chat completion with max_tokens 1 for this model and waits until that works too. Spends one request of the daily quota per probe that gets that far.'
        TimeoutSec                     = 'Seconds to wait in all, per key, 1 to 86400 (default 600). No probe starts after it; then the key''s result has Activated $false and a KeyActivationTimeout error is written.'
        InitialIntervalSec             = 'Seconds before the second probe (default 5). Each later pause doubles, up to -MaxIntervalSec.'
        MaxIntervalSec                 = 'The longest pause between probes, in seconds (default 60). Must not be shorter than -InitialIntervalSec.'
        MaxProbes                      = 'The most probes per key, a hard budget for keys whose requests count against a daily quota. By default only -TimeoutSec limits them.'
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
        @{ Type = 'ChatAnywhere.KeyActivationResult'; Description = 'One per key: Key (masked), KeyFingerprint, BaseUri, Activated, Outcome (Activated, TimedOut, ProbeBudgetSpent, CannotActivate), Verdict and Reason of the last probe, Detail (why waiting ended), WaitedFor, Probes, LastResult (the last probe''s ApiKeyTestResult), CompletedAt.' }
    )
    Notes       = @(
        'Error ids: KeyActivationTimeout (category OperationTimeout), KeyActivationTimeout.ProbeBudgetSpent (LimitsExceeded), KeyCannotActivate.<Verdict> (for example KeyCannotActivate.RateLimited for a daily limit), and, as in Test-ApiKey, NoApiKey, EmptyApiKey, InvalidBaseUri, UnencryptedAuthenticationRefused, IntervalsOutOfOrder. Their target is the masked key. With -ErrorAction Stop the first one ends the command, as admins expect.'
        'The result is written before its error, so a script that continues on errors still gets one object per key.'
        'Whether GET /v1/models counts against ChatAnywhere''s free daily limit (200 requests per day per key and per IP) is not documented; use -MaxProbes to cap what waiting can cost.'
    )
    Examples    = @(
        @{
            Title   = 'Wait for the key in $env:CHATANYWHERE_API_KEY'
            Code    = 'Wait-KeyActivation'
            Remarks = 'Probes for up to 10 minutes, showing progress, and outputs the result once the key works.'
        }
        @{
            Title   = 'Provisioning: stop the script unless the new key works within two minutes'
            Code    = "`$newKey = Read-Host -AsSecureString 'New key'`nWait-KeyActivation -ApiKey `$newKey -TimeoutSec 120 -ErrorAction Stop | Out-Null`nWrite-Host 'The new key works.'"
            Remarks = '-ErrorAction Stop turns a timeout or a hopeless answer into a terminating error.'
        }
        @{
            Title   = 'Wait for several keys at once, with a probe budget'
            Code    = "Import-Csv ./new-keys.csv | Wait-KeyActivation -MaxProbes 8 -ErrorAction SilentlyContinue | Where-Object { -not `$_.Activated } | Format-Table Key, Outcome, Verdict, Detail"
            Remarks = 'Each key is waited on concurrently and costs at most 8 probes.'
        }
        @{
            Title   = 'Exit code for a scheduled task'
            Code    = "`$result = Wait-KeyActivation -TimeoutSec 300 -ErrorAction SilentlyContinue`nif (-not `$result.Activated) { Write-Output `$result.Detail; exit 1 }"
            Remarks = 'Run the script with pwsh -File so that exit 1 reaches the task scheduler.'
        }
        @{
            Title   = 'Rehearse against the local emulator'
            Code    = 'Wait-KeyActivation -ApiKey sk-EmuActivating00000000000000000000000000000000009 -BaseUri http://127.0.0.1:5075 -InitialIntervalSec 2'
            Remarks = 'This emulator key answers like an unknown key for its first 10 s, then works.'
        }
    )
    RelatedLinks = @(
        @{ Text = 'Test-ApiKey'; Uri = '' }
        @{ Text = 'ChatAnywhere status page'; Uri = 'https://status.chatanywhere.tech' }
    )
}
