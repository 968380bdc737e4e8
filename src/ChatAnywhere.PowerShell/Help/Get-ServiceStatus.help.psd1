# Help prose for Get-ServiceStatus. build.ps1 turns it, with the cmdlet's own parameter metadata, into MAML
# (en-US/ChatAnywhere.PowerShell.dll-Help.xml). tests/Pester/Module.Tests.ps1 fails when a parameter or
# example lacks text here.
@{
    Synopsis    = 'Says whether ChatAnywhere (or a one-api / new-api relay) is up, and where it is down: each API endpoint from this machine, and the status page.'
    Description = @(
        'Get-ServiceStatus rules out the service before a key is blamed. It checks every API endpoint and reads the Uptime Kuma status page at the same time, so it takes about as long as the slowest of them, and writes one ChatAnywhere.ServiceStatus object.'
        'Per endpoint it times name resolution, the TCP connect and the TLS handshake on a connection of its own, then sends GET /v1/models. Without -ApiKey no key is sent: any answer of the API that is not a server failure (typically 401) shows the service is up. With -ApiKey the probe is the one Test-ApiKey uses, and the key''s verdict goes into KeyVerdict. For a one-api or new-api relay it also reads GET /api/status (version, system name).'
        'An endpoint is Operational, Degraded (the round trip took longer than -SlowThresholdMs, it answered only after a retry, it is rate-limited, or a relay''s /api/status failed) or Down (DNS failure, connection refused or reset, TLS error, timeout, 5xx, a Cloudflare error or block page, an answer that is not the API). Cause names which, and Detail says it in words, naming the slow or failing part.'
        'The status page gives one component per monitor (Up, Down, Pending, Maintenance, with the 24 h uptime in percent and the last heartbeat), the pinned incidents and the maintenance under way. Uptime Kuma 1.x and 2.x are both read. An unreachable or unknown status page is reported in StatusPageState and StatusPageProblem; it is not an error, and it never hides the endpoints'' results.'
        'Overall is Operational when every endpoint is Operational and every monitor is Up; Degraded when something is down, slow, pending or under maintenance but at least one endpoint is Operational; Outage when no endpoint is Operational; Unknown when nothing could be checked.'
    )
    Parameters  = @{
        BaseUri                        = 'The API base URLs to check, with or without /v1 (default: the base URL in $env:CHATANYWHERE_BASE_URL, $env:OPENAI_BASE_URL or $env:OPENAI_API_BASE, the first set; else https://api.chatanywhere.tech and https://api.chatanywhere.org). Takes pipeline input by value and by property name (BaseUri or ApiBase). Tab completion offers the two ChatAnywhere hosts. Without -ApiKey plain http is accepted anywhere, since nothing secret is sent.'
        StatusPageUri                  = 'The Uptime Kuma status page (default https://status.chatanywhere.tech). Give its root (a path prefix is allowed), and the page mapped to the host name is found through /api/entry-page; or give https://host/status/<slug> to read that page.'
        MonitorId                      = 'Uptime Kuma monitor ids whose public badges are read when the status page is not found (an unknown slug, or no page mapped to the host): each monitor''s state and 24 h uptime, without incidents. By default, for ChatAnywhere''s status hosts (status.chatanywhere.tech and .org), the monitors its README badges show (6 GPT, 10 GPT-CA系列, 8 Claude, 3 Gemini, 4 Deepseek); for other hosts none.'
        NoStatusPage                   = 'Does not read the status page; only the endpoints are checked.'
        ApiKey                         = 'A key to probe with, as a SecureString or a plain string (converted). Its verdict (as Test-ApiKey gives it) goes into each endpoint''s KeyVerdict, and the masked key into Key. Environment variables are not read: without -ApiKey no key is sent. A key is sent over plain http only to this machine, unless -AllowUnencryptedAuthentication.'
        TimeoutSec                     = 'Seconds one HTTP attempt may take, and the connection phases together (default 10). Each endpoint''s probe has a time budget of -TimeoutSec × (-MaxRetries + 1) seconds, retries and Retry-After waits included: a wait that does not fit ends the probe with the last answer.'
        MaxRetries                     = 'Retries of GET /v1/models after a transient failure (default 1), within the time budget (see -TimeoutSec). An endpoint that answers only after a retry is Degraded (Retried).'
        SlowThresholdMs                = 'An HTTP round trip longer than this many milliseconds makes an endpoint Degraded (Slow) (default 2000).'
        CommunityUri                   = 'The service''s GitHub repository (its API address), read for "is it only me?": GET {uri}/issues?state=all&since=...&per_page=100. Default https://api.github.com/repos/chatanywhere/GPT_API_free. Read by default when a ChatAnywhere host is checked; naming it reads it for any endpoint. $env:GITHUB_TOKEN, when set, is sent only to api.github.com over https.'
        CommunityWindowHours           = 'How many hours back the community reports are read (1 to 720, default 24).'
        NoCommunity                    = 'Skips the community reports.'
        Proxy                          = 'Sends requests through this proxy instead of the one in HTTPS_PROXY or the system settings. DNS, connect and TLS times are then not measured (they would be the proxy''s).'
        ProxyCredential                = 'Credentials for -Proxy.'
        NoProxy                        = 'Connects directly, ignoring HTTP(S)_PROXY and system proxy settings.'
        SkipCertificateCheck           = 'Accepts any server certificate, in the TLS phase and in the HTTP requests. Only for a test relay with a self-signed certificate that you trust; without it such an endpoint is Down (TlsError).'
        AllowUnencryptedAuthentication = 'With -ApiKey: allows sending the key over plain http to a host other than this machine. Anyone on the path can read it.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Base URLs to check.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects with a BaseUri (or ApiBase) property.' }
    )
    Outputs     = @(
        @{ Type = 'ChatAnywhere.ServiceStatus'; Description = 'One object: Overall, Endpoints (ChatAnywhere.EndpointStatus: BaseUri, Host, Status, Cause, Detail, DnsMs, ConnectMs, TlsMs, HttpMs, StatusCode, Attempts, Backend, KeyVerdict, Key, RelayVersion, RelaySystemName, Address, CheckedAt), Components (ChatAnywhere.ComponentStatus: Id, Name, Group, Status, Uptime24h, LastHeartbeat, PingMs), Incidents (ChatAnywhere.ServiceIncident: Kind, Title, Content, Style, StartedAt, UpdatedAt), StatusPageUri, StatusPageState, StatusPageProblem, Community (ChatAnywhere.CommunityReport: Status, Source, WindowHours, Recent and Reports of ChatAnywhere.CommunityIssue: Number, Title, CreatedAt, Url; Problem), Problems (lines an admin should know, e.g. "3 users reported failures in the last 24 h: not only you"), CheckedAt, Duration. Endpoints, Components and Incidents hold only scalar properties, so they export to CSV.' }
    )
    Notes       = @(
        'Endpoint causes: None, Slow, Retried, RateLimited, DnsFailure, ConnectionRefused, ConnectionReset, TlsError, Timeout, ProxyFailure, ServerError, CloudflareError, BlockedByWaf, UpstreamFailure, UnexpectedAnswer, RelayStatusFailed, and CheckFailed (the module itself failed on that endpoint: Status Unknown, Detail says how; the other endpoints are still checked).'
        'Status page states: Skipped (-NoStatusPage), Read, Unreachable, NotFound (no such slug, or no page mapped to the host), NotUptimeKuma (something else answered), Badges (the page was not found, so the badges of -MonitorId were read: states and 24 h uptime, no incidents).'
        'Uptime Kuma refreshes heartbeats at most once a minute; polling faster shows nothing new.'
        'Community reports: the issues users opened on the tracker in the window (pull requests excluded); Reports are those whose title or body speaks of a failure (401/403/429/5xx, invalid key, timeout, down, and the Chinese words users write: 无效, 错误, 用不了, 挂了, 超时, 无法...). Two or more add a line to Problems. Community.Status: Skipped, Read, RateLimited (GitHub''s limit for this address: set $env:GITHUB_TOKEN), Unavailable. A failure of this source never fails the command or changes Overall.'
        'Error ids: InvalidBaseUri, UnencryptedAuthenticationRefused, InvalidStatusPageUri, StatusPageConflict, EmptyApiKey, ProxyConflict, ProxyCredentialWithoutProxy.'
    )
    Examples    = @(
        @{
            Title   = 'Is it only me? Recent failure reports from other users'
            Code    = 'Get-ServiceStatus | Select-Object -ExpandProperty Community | Select-Object -ExpandProperty Reports | Format-Table Number, CreatedAt, Title'
            Remarks = 'Reads the GitHub issues of chatanywhere/GPT_API_free opened in the last 24 hours (-CommunityWindowHours) and keeps those that speak of a failure.'
        }
        @{
            Title   = 'Is ChatAnywhere up?'
            Code    = 'Get-ServiceStatus'
            Remarks = 'Checks both API hosts and reads https://status.chatanywhere.tech; the summary names each endpoint''s status and the monitors that are up.'
        }
        @{
            Title   = 'Fail a scheduled task when the service is not fully up'
            Code    = "if ((Get-ServiceStatus).Overall -ne 'Operational') { Write-Warning 'ChatAnywhere is degraded or down'; exit 1 }"
            Remarks = 'Run the script with pwsh -File so that exit 1 reaches the task scheduler.'
        }
        @{
            Title   = 'See where it is slow or failing'
            Code    = 'Get-ServiceStatus | Select-Object -ExpandProperty Endpoints | Format-List BaseUri, Status, Cause, Detail, DnsMs, ConnectMs, TlsMs, HttpMs'
            Remarks = 'Detail names the slow or failing part: name resolution, the connection, the TLS handshake, or the server itself.'
        }
        @{
            Title   = 'Log the endpoints to CSV every run'
            Code    = 'Get-ServiceStatus | Select-Object -ExpandProperty Endpoints | Export-Csv ./endpoints.csv -Append'
            Remarks = 'EndpointStatus has only scalar properties, so every column is written.'
        }
        @{
            Title   = 'Check a self-hosted relay with a key, without the status page'
            Code    = 'Get-ServiceStatus -BaseUri https://relay.example.com -NoStatusPage -ApiKey (Read-Host -AsSecureString "Key")'
            Remarks = 'Adds the key''s verdict (KeyVerdict) and, for a one-api or new-api relay, its version and system name from /api/status.'
        }
        @{
            Title   = 'Read the monitors'' badges when the status page cannot be found'
            Code    = 'Get-ServiceStatus -StatusPageUri https://status.example.com -MonitorId 3, 7 -NoCommunity | Select-Object StatusPageState -ExpandProperty Components'
            Remarks = 'When Uptime Kuma maps no page to the host, the public badges of monitors 3 and 7 give their states and 24 h uptime (StatusPageState Badges).'
        }
        @{
            Title   = 'Read a status page by its slug'
            Code    = 'Get-ServiceStatus -StatusPageUri https://status.example.com/status/main | Select-Object -ExpandProperty Components'
            Remarks = 'Each monitor with its status, 24 h uptime in percent and last heartbeat.'
        }
    )
    RelatedLinks = @(
        @{ Text = 'ChatAnywhere status page'; Uri = 'https://status.chatanywhere.tech' }
        @{ Text = 'Uptime Kuma, the software behind the status page'; Uri = 'https://github.com/louislam/uptime-kuma' }
    )
}
