using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Status;
using ChatAnywhere.PowerShell.Completion;
using ChatAnywhere.PowerShell.Errors;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Get-ServiceStatus: is the service up, and where is it down? Checks every endpoint and the
    /// status page at once and writes one ServiceStatus. A failing part is a result, not an error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ServiceStatus", HelpUri = "docs/cmdlets/Get-ServiceStatus.md")]
    [OutputType(typeof(ServiceStatus))]
    public sealed class GetServiceStatusCommand : ConnectedCommandBase
    {
        private const string Activity = "Get-ServiceStatus";
        private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(100);

        private readonly List<ServiceEndpoint> _endpoints = new List<ServiceEndpoint>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private ServiceStatusChecker? _checker;
        private StatusPageLocation? _statusPage;
        private KeyInspection? _key;

        /// <summary>The API base URLs to check, with or without /v1; by default the base URL from the environment, else both ChatAnywhere hosts.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiBase")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BaseUriCompleter))]
        public string[] BaseUri { get; set; } = KnownHosts.ChatAnywhereBaseUris;

        /// <summary>The Uptime Kuma status page: its root, or https://host/status/{slug}.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string StatusPageUri { get; set; } = KnownHosts.StatusPageUri;

        /// <summary>Monitors whose badges are read when the status page is not found; by default ChatAnywhere's on its status hosts.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int[]? MonitorId { get; set; }

        /// <summary>Does not read the status page.</summary>
        [Parameter]
        public SwitchParameter NoStatusPage { get; set; }

        /// <summary>Probes authenticated with this key (its verdict goes into KeyVerdict); without it no secret is sent.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>Seconds one HTTP attempt (and the connection phases) may take.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int TimeoutSec { get; set; } = 10;

        /// <summary>Retries of GET /v1/models after a transient failure.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 1;

        /// <summary>An HTTP round trip longer than this (milliseconds) makes an endpoint Degraded (Slow).</summary>
        [Parameter]
        [ValidateRange(1, 600000)]
        public int SlowThresholdMs { get; set; } = 2000;

        /// <summary>The service's GitHub repository, read for "is it only me?" (GET {uri}/issues).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CommunityUri { get; set; } = CommunityReader.DefaultRepository;

        /// <summary>How many hours back the community reports are read (default 24).</summary>
        [Parameter]
        [ValidateRange(1, 720)]
        public int CommunityWindowHours { get; set; } = 24;

        /// <summary>Skips the community reports.</summary>
        [Parameter]
        public SwitchParameter NoCommunity { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            ValidateConnectionParameters();
            if (NoStatusPage.IsPresent && MyInvocation.BoundParameters.ContainsKey(nameof(StatusPageUri)))
            {
                ThrowArgumentError("StatusPageConflict", "-StatusPageUri and -NoStatusPage cannot be used together.", StatusPageUri);
            }

            if (!NoStatusPage.IsPresent)
            {
                _statusPage = StatusPageLocation.TryParse(StatusPageUri, MonitorId, out var problem);
                if (_statusPage is null)
                {
                    ThrowArgumentError("InvalidStatusPageUri", problem!, StatusPageUri);
                }
            }

            // A status check sends no secret unless one is given: InspectKey never falls back to the environment here.
            if (ApiKey is not null)
            {
                _key = InspectKey(ApiKey, noKeyMessage: string.Empty, out var empty);
                if (_key is null)
                {
                    ThrowRedactedError(empty!);
                }

                Redactor.Register(_key!.CleanedKey);
            }

            var options = new ServiceStatusOptions
            {
                AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
                SlowThreshold = TimeSpan.FromMilliseconds(SlowThresholdMs),
                SkipCertificateCheck = SkipCertificateCheck.IsPresent,
            };
            _checker = Own(ServiceStatusChecker.Create(CreateHttpSettings(maxConnectionsPerServer: 16), options, Redactor, Log));
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var text in MyInvocation.BoundParameters.ContainsKey(nameof(BaseUri)) ? BaseUri : EnvironmentDefaults.StatusTargets())
            {
                // Without a key nothing secret is sent, so plain http is fine anywhere.
                ErrorRecord? error = null;
                string? problem = null;
                var endpoint = _key is null ? ServiceEndpoint.TryParse(text, allowUnencrypted: true, out problem) : TryResolveEndpoint(text, out error);
                if (endpoint is null)
                {
                    WriteRedactedError(error ?? InputErrors.BadBaseUri(problem, insecure: false, text));
                }
                else if (_seen.Add(endpoint.ToString()))
                {
                    _endpoints.Add(endpoint);
                }
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var community = CommunityRequest.For(NoCommunity.IsPresent, MyInvocation.BoundParameters.ContainsKey(nameof(CommunityUri)), CommunityUri,
                _endpoints.Select(e => e.BaseUri), CommunityWindowHours, Environment.GetEnvironmentVariable("GITHUB_TOKEN"), out var problem);
            if (problem is not null)
            {
                ThrowArgumentError("InvalidCommunityUri", problem, CommunityUri);
            }

            Redactor.Register(community?.Token);
            var progress = new ServiceStatusProgress();
            var check = Task.Run(() => _checker!.CheckAsync(_endpoints, _statusPage, _key, community, progress, StopToken), StopToken);
            var shown = false;
            var status = WaitFor(check, () => shown = ShowProgress(progress), WaitSlice);
            if (shown)
            {
                WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            WriteObject(status);
        }

        private bool ShowProgress(ServiceStatusProgress progress)
        {
            WriteProgress(new ProgressRecord(1, Activity, $"Checked {progress.Done} of {progress.Total} ({(progress.ReadsStatusPage ? "endpoints and the status page" : "endpoints")})")
            {
                PercentComplete = progress.Total == 0 ? 0 : 100 * progress.Done / progress.Total,
            });
            return true;
        }
    }
}
