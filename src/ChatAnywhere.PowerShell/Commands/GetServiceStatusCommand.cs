using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Status;
using ChatAnywhere.PowerShell.Completion;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Get-ServiceStatus: is the service up, and where is it down? Checks every endpoint and the
    /// status page at once and writes one ServiceStatus. A failing part is a result, not an error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ServiceStatus")]
    [OutputType(typeof(ServiceStatus))]
    public sealed class GetServiceStatusCommand : ChatAnywhereCommandBase
    {
        private const string Activity = "Get-ServiceStatus";
        private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(100);

        private readonly List<ServiceEndpoint> _endpoints = new List<ServiceEndpoint>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private HttpClient? _client;
        private ServiceStatusChecker? _checker;
        private StatusPageLocation? _statusPage;
        private KeyInspection? _key;

        /// <summary>The API base URLs to check, with or without /v1.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiBase")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BaseUriCompleter))]
        public string[] BaseUri { get; set; } = KnownHosts.ChatAnywhereBaseUris;

        /// <summary>The Uptime Kuma status page: its root, or https://host/status/{slug}.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string StatusPageUri { get; set; } = KnownHosts.StatusPageUri;

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
                _statusPage = StatusPageLocation.TryParse(StatusPageUri, out var problem);
                if (_statusPage is null)
                {
                    ThrowArgumentError("InvalidStatusPageUri", problem!, StatusPageUri);
                }
            }

            // Environment keys are not read: a status check sends no secret unless one is given.
            if (ApiKey is not null)
            {
                var raw = SecureStrings.ToPlainText(ApiKey);
                Redactor.Register(raw);
                _key = KeyInspector.Inspect(raw);
                if (_key.IsEmpty)
                {
                    ThrowArgumentError("EmptyApiKey", EmptyKeyMessage, null);
                }
            }

            CreateLog();
            var settings = CreateHttpSettings(maxConnectionsPerServer: 16);
            _client = ProbeHttpClientFactory.Create(settings);
            var options = new ServiceStatusOptions
            {
                AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
                SlowThreshold = TimeSpan.FromMilliseconds(SlowThresholdMs),
                SkipCertificateCheck = SkipCertificateCheck.IsPresent,
            };
            var prober = new KeyProber(_client, new ProbeOptions { AttemptTimeout = options.AttemptTimeout, MaxRetries = MaxRetries }, Redactor, Log);
            _checker = new ServiceStatusChecker(
                new EndpointChecker(_client, prober, options, target => ProxyRoute.For(settings, target), Log),
                new StatusPageClient(_client, options.AttemptTimeout, options.BodyLimit, Log));
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var text in BaseUri)
            {
                // Without a key nothing secret is sent, so plain http is fine anywhere.
                ErrorRecord? error = null;
                var endpoint = _key is null
                    ? ServiceEndpoint.TryParse(text, allowUnencrypted: true, out var problem) ?? Refuse(text, problem, out error)
                    : TryResolveEndpoint(text, out error);
                if (endpoint is null)
                {
                    WriteError(error!);
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
            var watch = Stopwatch.StartNew();
            var checks = new List<Task>();
            var endpointChecks = new Task<EndpointStatus>[_endpoints.Count];
            for (var i = 0; i < endpointChecks.Length; i++)
            {
                WriteVerbose($"Checking {_endpoints[i]}{(_key is null ? " (no key sent)" : " with key " + _key.Masked)}.");
                var endpoint = _endpoints[i];
                endpointChecks[i] = Task.Run(() => _checker!.CheckEndpointAsync(endpoint, _key, StopToken), StopToken);
                checks.Add(endpointChecks[i]);
            }

            Task<StatusPageReport>? page = null;
            if (_statusPage is not null)
            {
                WriteVerbose($"Reading the status page {_statusPage.BrowserUri(_statusPage.Slug)}.");
                var location = _statusPage;
                page = Task.Run(() => _checker!.ReadStatusPageAsync(location, StopToken), StopToken);
                checks.Add(page);
            }

            WaitFor(checks);
            var endpoints = new EndpointStatus[endpointChecks.Length];
            for (var i = 0; i < endpoints.Length; i++)
            {
                endpoints[i] = endpointChecks[i].GetAwaiter().GetResult();
            }

            var status = ServiceStatusChecker.Assemble(endpoints, page?.GetAwaiter().GetResult(), watch.Elapsed);
            WriteVerbose($"Overall {status.Overall} after {watch.ElapsedMilliseconds} ms.");
            WriteObject(status);
        }

        /// <inheritdoc />
        protected override void DisposeResources() => _client?.Dispose();

        private static ServiceEndpoint? Refuse(string text, string? problem, out ErrorRecord error)
        {
            error = new ErrorRecord(new ArgumentException(problem), "InvalidBaseUri", ErrorCategory.InvalidArgument, text);
            return null;
        }

        /// <summary>Waits on the pipeline thread, writing log lines and progress, and leaves at once on Ctrl+C.</summary>
        private void WaitFor(List<Task> checks)
        {
            var all = Task.WhenAll(checks);
            var shown = false;
            while (true)
            {
                FlushLog();
                if (all.IsCompleted)
                {
                    break;
                }

                var done = 0;
                foreach (var check in checks)
                {
                    done += check.IsCompleted ? 1 : 0;
                }

                shown = true;
                WriteProgress(new ProgressRecord(1, Activity, $"Checked {done} of {checks.Count} (endpoints{(_statusPage is null ? string.Empty : " and the status page")})")
                {
                    PercentComplete = checks.Count == 0 ? 0 : 100 * done / checks.Count,
                });
                WaitHandle.WaitAny(new[] { ((IAsyncResult)all).AsyncWaitHandle, StopToken.WaitHandle }, WaitSlice);
                if (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }

            if (shown)
            {
                WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            if (all.IsCanceled && StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
