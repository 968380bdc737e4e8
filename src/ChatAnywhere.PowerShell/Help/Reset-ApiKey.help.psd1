# Help prose for Reset-ApiKey; see Test-ApiKey.help.psd1 for how build.ps1 uses it.
@{
    Synopsis    = 'Rotates a key on a self-hosted one-api or new-api relay without downtime: a new token with the same settings, verified before the old one is revoked.'
    Description = @(
        'Reset-ApiKey replaces a relay token ("key") with a new one. Neither one-api nor new-api can regenerate a key in place, so a reset is: find the old token; create a replacement with the same settings (name, quota or unlimited, expiry, model limits, allowed IPs, group); obtain its key (one-api returns it on creation; new-api is searched by a unique temporary name, and recent versions reveal the key through POST /api/token/{id}/key); check that the relay''s data plane accepts the new key, waiting briefly as Wait-KeyActivation does; revoke the old token as -RevokeMode says (Disable by default, which is reversible); and check that the old key is now refused.'
        'The rotation never leaves you without a working key. If the new key cannot be obtained or verified, the new token is deleted again, the old one is left untouched, and an error says why. If revoking the old token fails, the new key is still returned and an error says that the old key is still active.'
        'Relays cache tokens: one-api keeps accepting a disabled or deleted key for up to SYNC_FREQUENCY (600 s by default) when Redis is on, new-api for about 60 s. Reset-ApiKey watches for -RevokeCheckTimeoutSec (10 s) and, if the old key still works, says so in a warning and in OldKeyRefused instead of waiting for the cache.'
        'The management API needs the relay user''s access token (the "system access token" generated in the relay''s personal settings), not a key. new-api also needs the user''s numeric id in the New-Api-User header: pass -UserId. The access token is treated like a key: it never appears in output, streams or errors. Refusals come back as errors with the relay''s own message, including those a relay sends with HTTP 200 and "success": false.'
        'ChatAnywhere''s hosted service (api.chatanywhere.tech, .org, .com.cn, .cn) offers no key regeneration (https://github.com/chatanywhere/GPT_API_free/issues/330): for its hosts, or with -Backend ChatAnywhere, Reset-ApiKey stops with a KeyResetNotSupported error that says what to do instead.'
        'Reads happen before confirmation, so the prompt and -WhatIf name the exact token and every step. -WhatIf changes nothing. ConfirmImpact is High, so Reset-ApiKey asks before each rotation unless -Force (or -Confirm:$false) is given.'
        'What the module never does with a secret: show it whole in output, streams or errors (one redactor masks every form of it: with or without sk-, JSON-escaped, URL-encoded); send it over plain http unless every hop is this machine (no proxy, or a loopback proxy), without -AllowUnencryptedAuthentication; put it in a URL. What the platform does: on Linux and macOS Export-Clixml stores a SecureString unencrypted, and a secret typed literally on a command line stays in the session history and $MyInvocation: use Read-Host -AsSecureString or the environment.'
    )
    Parameters  = @{
        ApiKey                         = 'The key of the token to rotate, as a SecureString or a plain string (converted). Takes pipeline input by value and by property name (ApiKey or Key). When -TokenId and -Name are not used and this is omitted: $env:CHATANYWHERE_API_KEY, then $env:OPENAI_API_KEY.'
        TokenId                        = 'The relay''s id of the token to rotate (shown in the relay''s token list).'
        Name                           = 'The exact name of the token to rotate. When several tokens share the name, the error lists their ids: use -TokenId.'
        BaseUri                        = 'The relay''s base URL, with or without /v1 (the address its dashboard is served from). When omitted: $env:CHATANYWHERE_BASE_URL, $env:OPENAI_BASE_URL, $env:OPENAI_API_BASE, else https://api.chatanywhere.tech, which is refused (no regeneration there). Plain http is refused except to this machine, unless -AllowUnencryptedAuthentication.'
        AccessToken                    = 'The relay user''s access token, as a SecureString or a plain string (converted). When omitted: $env:CHATANYWHERE_ACCESS_TOKEN. Sent as "Authorization: Bearer ..." to the relay''s /api/token routes only.'
        UserId                         = 'The relay user''s numeric id, sent as the New-Api-User header. new-api requires it and refuses a wrong one; one-api ignores it.'
        Backend                        = 'The relay software: Auto (default: asks the relay''s GET /api/status), OneApi, NewApi, or ChatAnywhere (always refused: the hosted service cannot rotate keys).'
        RevokeMode                     = 'What to do with the old token once the new key works: Disable (default; reversible in the relay''s dashboard), Delete, or Keep (leave it working for a hand-over; revoke it yourself later).'
        NoVerify                       = 'Sends nothing to the relay''s data plane: the new key is not probed before the old token is revoked, and the old key is not probed afterwards. Verified is then $false.'
        AsPlainText                    = 'Returns NewKey as a plain string instead of a SecureString. The string then appears wherever the result goes (console, transcript, ConvertTo-Json).'
        Force                          = 'Rotates without asking for confirmation. -WhatIf still only describes, and an explicit -Confirm still asks.'
        TimeoutSec                     = 'Seconds each call to the relay may take, management API and single key probes alike, 1 to 300 (default 30). A call without an answer in time is a NoAnswer failure.'
        VerifyTimeoutSec               = 'Seconds to wait for the relay to accept the new key, 1 to 3600 (default 30). Probes start 1 s apart and back off to 5 s.'
        RevokeCheckTimeoutSec          = 'Seconds to watch for the old key being refused after revoking, 0 to 3600 (default 10). 0 probes once.'
        Proxy                          = 'Sends requests through this proxy instead of the one in HTTPS_PROXY or the system settings.'
        ProxyCredential                = 'Credentials for -Proxy.'
        NoProxy                        = 'Connects directly, ignoring HTTP(S)_PROXY and system proxy settings.'
        SkipCertificateCheck           = 'Accepts any server certificate. Only for a test relay with a self-signed certificate that you trust.'
        AllowUnencryptedAuthentication = 'Allows sending a key and the access token over plain http to a host other than this machine. Anyone on the path can read them.'
        WhatIf                         = 'Shows which token would be replaced and every step that would change something, after reading the relay; changes nothing.'
        Confirm                        = 'Asks before each rotation (the default, as ConfirmImpact is High). -Confirm:$false rotates without asking.'
    }
    Inputs      = @(
        @{ Type = 'System.Security.SecureString'; Description = 'The key of a token to rotate.' }
        @{ Type = 'System.String'; Description = 'The key of a token to rotate, as plain text.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects with an ApiKey (or Key) property and optionally a BaseUri property.' }
    )
    Outputs     = @(
        @{ Type = 'ChatAnywhere.ApiKeyResetResult'; Description = 'One per rotated token: OldKey (masked), NewKey (SecureString; a string with -AsPlainText), NewKeyMasked, NewKeyFingerprint, OldTokenId, NewTokenId, Name, BaseUri, Backend, Verified, OldKeyState (Disabled, Deleted, StillActive), OldKeyRefused ($true, $false while a relay cache keeps the old key alive, $null when not checked), LeftoverTokenIds (tokens it created and could neither use nor delete again; empty when none), CompletedAt. When the answer to a change is lost or garbled, Reset-ApiKey reads the relay back before it reports: OldKeyState is what the relay shows then, and a failed rotation''s error names any leftover token in its message and in Exception.Data[''LeftoverTokenIds''].' }
    )
    Notes       = @(
        'Error ids: KeyResetNotSupported (category NotImplemented; terminating) for ChatAnywhere''s hosts and OpenAI; KeyResetNotSupported.UnknownBackend when the base URL does not answer as a relay; KeyResetManagementFailed.<Failure> when the relay refuses a read (AccessTokenInvalid, AccessTokenMissing, UserIdMissing, UserIdMismatch, UserDisabled, InsufficientRights, TokenLimitReached, TokenNotFound, UnexpectedAnswer, NoAnswer, Other); KeyResetReplacementFailed[.<Failure>], KeyResetKeyNotObtained and KeyResetVerificationFailed when the rotation was rolled back; KeyResetRevokeFailed.<Failure> when the new key was returned but the old token is still active; KeyResetTokenNotFound, KeyResetAmbiguousName, NoAccessToken, NoApiKey, EmptyApiKey, InvalidBaseUri. ErrorDetails.RecommendedAction says what to do.'
        'Ctrl+C in each phase. While the token is found or the replacement is created, read or verified: the new token is deleted again (within 10 seconds) and the old one is left as it was. Once the new key is verified it is yours and is kept: a relay call under way (reading the old key, disabling or deleting the old token) is allowed up to 5 seconds to finish, so the old token is not left in an unknown state, and the steps after it are skipped. While the relay is watched for refusing the old key, Ctrl+C ends the watch at once. PowerShell writes nothing to the pipeline once it is stopping, so the result is not output after Ctrl+C: a warning line on the host names the new token, its masked key and the old token''s state; read the key itself from the relay''s dashboard.'
        'With -RevokeMode Keep both tokens work and both carry the old token''s remaining quota.'
        'On new-api the replacement is created under a temporary name (reset-<time>-<hex>) so that it can be found again, then renamed to the old token''s name.'
        'Storing the new key: Set-Secret needs the Microsoft.PowerShell.SecretManagement module and a registered vault; it is not tested here. On Windows, ConvertFrom-SecureString without -Key protects the text for the current user (DPAPI); on Linux and macOS it does not, so restrict the file''s permissions instead.'
        'Windows PowerShell 5.1 is not tested: these machines have only PowerShell 7.'
    )
    Examples    = @(
        @{
            Title   = 'Rotate a key on a one-api relay, disabling the old token'
            Code    = "`$env:CHATANYWHERE_ACCESS_TOKEN = Read-Host 'Access token'`n`$result = Reset-ApiKey -ApiKey `$oldKey -BaseUri https://relay.example.com`n`$result | Format-List Name, OldKey, NewKeyMasked, Verified, OldKeyState, OldKeyRefused"
            Remarks = 'Asks for confirmation, naming the token and the steps. The new key is in $result.NewKey as a SecureString.'
        }
        @{
            Title   = 'See what would be done, without changing anything'
            Code    = 'Reset-ApiKey -Name ci-pipeline -BaseUri https://relay.example.com -UserId 1 -WhatIf'
            Remarks = 'Reads the relay to find the token, then prints "What if: Performing the operation ..." with every step. Nothing is created or revoked.'
        }
        @{
            Title   = 'new-api, unattended, and store the new key in a SecretManagement vault'
            Code    = "`$result = Reset-ApiKey -TokenId 42 -BaseUri https://relay.example.com -UserId 7 -Force -ErrorAction Stop`nSet-Secret -Name RelayKey -SecureStringSecret `$result.NewKey"
            Remarks = 'new-api needs -UserId (New-Api-User). Set-Secret comes from Microsoft.PowerShell.SecretManagement, when installed.'
        }
        @{
            Title   = 'Store the new key in a user environment variable'
            Code    = "`$result = Reset-ApiKey -ApiKey `$env:CHATANYWHERE_API_KEY -BaseUri https://relay.example.com -Force`n`$plain = ConvertFrom-SecureString -SecureString `$result.NewKey -AsPlainText`n[Environment]::SetEnvironmentVariable('CHATANYWHERE_API_KEY', `$plain, 'User')   # Windows; elsewhere use your shell profile`n`$env:CHATANYWHERE_API_KEY = `$plain"
            Remarks = 'The user scope persists on Windows only; the last line updates the current session.'
        }
        @{
            Title   = 'Store the new key in a file only you can read'
            Code    = "`$result = Reset-ApiKey -Name reporting -BaseUri https://relay.example.com -Force`nif (`$IsWindows) { ConvertFrom-SecureString `$result.NewKey | Set-Content `$HOME/relay.key }`nelse { New-Item `$HOME/relay.key -ItemType File -Force | Out-Null; chmod 600 `$HOME/relay.key; ConvertFrom-SecureString `$result.NewKey -AsPlainText | Set-Content `$HOME/relay.key }"
            Remarks = 'On Windows the file holds DPAPI-protected text (read it back with Get-Content | ConvertTo-SecureString); elsewhere the file is made private (mode 600) before the key is written.'
        }
        @{
            Title   = 'Keep the old key working for a hand-over, then delete it later'
            Code    = "`$result = Reset-ApiKey -ApiKey `$oldKey -BaseUri https://relay.example.com -RevokeMode Keep -Force`n# ... once every client uses the new key, delete the old token (one-api; add -Headers 'New-Api-User' on new-api):`nInvoke-RestMethod -Method Delete -Uri `"https://relay.example.com/api/token/`$(`$result.OldTokenId)`" -Headers @{ Authorization = `$env:CHATANYWHERE_ACCESS_TOKEN }"
            Remarks = 'OldKeyState is StillActive and both keys work. Reset-ApiKey cannot delete a token without rotating it again (-RevokeMode Delete on the old token would create yet another one), so the hand-over ends with the relay''s own DELETE /api/token/{id} on OldTokenId, or with the dashboard''s Tokens page.'
        }
        @{
            Title   = 'ChatAnywhere''s hosted service: what to do instead'
            Code    = "Reset-ApiKey -ApiKey `$key   # stops with KeyResetNotSupported`nWait-KeyActivation -ApiKey (Read-Host -AsSecureString 'New key from the dashboard')"
            Remarks = 'The hosted service cannot regenerate keys: get a new key from its site, then wait until it works.'
        }
        @{
            Title   = 'Rehearse against the local emulator''s relay'
            Code    = 'Reset-ApiKey -Name ci-pipeline -BaseUri http://127.0.0.1:5075/relay/one-api -AccessToken emuAccessToken000000000000000001 -Force'
            Remarks = 'Start the emulator with ./build.ps1 -Task Demo or Start-Emulator (build/Emulator.psm1); its default scenario has a one-api relay at /relay/one-api and new-api relays at /relay/new-api and /relay/new-api-2025 (use -UserId 1 there).'
        }
    )
    RelatedLinks = @(
        @{ Text = 'Wait-KeyActivation'; Uri = '' }
        @{ Text = 'Test-ApiKey'; Uri = '' }
        @{ Text = 'one-api'; Uri = 'https://github.com/songquanpeng/one-api' }
        @{ Text = 'new-api'; Uri = 'https://github.com/QuantumNous/new-api' }
    )
}
