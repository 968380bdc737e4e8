using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Get-ServiceStatus without PowerShell: every endpoint and the status page checked at once,
    /// so the whole takes about as long as the slowest part, and the parts put together.
    /// </summary>
    internal sealed class ServiceStatusChecker : IDisposable
    {
        private readonly EndpointChecker _endpoints;
        private readonly StatusPageClient _statusPage;
        private readonly CommunityReader? _community;
        private readonly IProbeLog _log;
        private HttpClient? _ownedClient;

        /// <summary>Creates a checker from its two parts.</summary>
        public ServiceStatusChecker(EndpointChecker endpoints, StatusPageClient statusPage, IProbeLog? log = null, CommunityReader? community = null)
        {
            _community = community;
            _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
            _statusPage = statusPage ?? throw new ArgumentNullException(nameof(statusPage));
            _log = log ?? NullProbeLog.Instance;
        }

        /// <summary>
        /// Get-ServiceStatus's entry point: a checker whose endpoint checks, key probes and status
        /// page reads share one HttpClient built from <paramref name="settings"/>, released by <see cref="Dispose"/>.
        /// </summary>
        public static ServiceStatusChecker Create(HttpClientSettings settings, ServiceStatusOptions options, SecretRedactor redactor, IProbeLog? log = null)
        {
            if (settings is null || options is null)
            {
                throw new ArgumentNullException(settings is null ? nameof(settings) : nameof(options));
            }

            var client = ProbeHttpClientFactory.Create(settings);
            var prober = new KeyProber(client, new ProbeOptions { AttemptTimeout = options.AttemptTimeout, MaxRetries = options.MaxRetries }, redactor, log, proxyFor: target => ProxyRoute.For(settings, target));
            return new ServiceStatusChecker(
                new EndpointChecker(client, prober, options, target => ProxyRoute.For(settings, target), log),
                new StatusPageClient(client, options.AttemptTimeout, options.BodyLimit, log),
                log,
                new CommunityReader(client, options.AttemptTimeout, log))
            {
                _ownedClient = client,
            };
        }

        /// <summary>Releases the HttpClient of a checker made by <see cref="Create"/>.</summary>
        public void Dispose() => _ownedClient?.Dispose();

        /// <summary>Checks one endpoint; even a fault of the module is a result (Unknown, CheckFailed), so it never hides the others.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<EndpointStatus> CheckEndpointAsync(ServiceEndpoint endpoint, KeyInspection? key, CancellationToken cancellationToken)
        {
            try
            {
                return await _endpoints.CheckAsync(endpoint, key, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                return new EndpointStatus
                {
                    BaseUri = endpoint.ToString(),
                    Host = endpoint.BaseUri.Host,
                    Key = key?.Masked,
                    Status = EndpointHealth.Unknown,
                    Cause = EndpointCause.CheckFailed,
                    Detail = $"Checking this endpoint failed in the module: {exception.GetType().Name}: {(key is null ? exception.Message : key.Redact(exception.Message))}",
                    CheckedAt = DateTime.UtcNow,
                };
            }
        }

        /// <summary>Reads the status page; even a fault of the module is a result (Unreachable), so it never hides the endpoints.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<StatusPageReport> ReadStatusPageAsync(StatusPageLocation location, CancellationToken cancellationToken)
        {
            try
            {
                return await _statusPage.ReadAsync(location, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                return new StatusPageReport
                {
                    State = StatusPageState.Unreachable,
                    Uri = location.BrowserUri(location.Slug),
                    Problem = $"Reading the status page failed in the module: {exception.GetType().Name}: {exception.Message}",
                };
            }
        }

        /// <summary>
        /// Reads the community reports (the service's GitHub issues); a failure, even a fault of the module,
        /// is a report (Unavailable), never an exception that hides the rest.
        /// </summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<CommunityReport> ReadCommunityAsync(Uri repository, TimeSpan window, string? token, CancellationToken cancellationToken)
        {
            if (_community is null)
            {
                return new CommunityReport { Status = CommunityStatus.Skipped };
            }

            try
            {
                return await _community.ReadAsync(repository, window, token, DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                return new CommunityReport
                {
                    Status = CommunityStatus.Unavailable,
                    Source = repository?.AbsoluteUri,
                    WindowHours = (int)Math.Round(window.TotalHours),
                    Problem = $"Reading the community reports failed in the module: {exception.GetType().Name}: {exception.Message}",
                };
            }
        }

        /// <summary>Adds the community reports to a status, with a line in Problems when two or more users reported failures.</summary>
        public static ServiceStatus WithCommunity(ServiceStatus status, CommunityReport community)
        {
            if (status is null || community is null)
            {
                throw new ArgumentNullException(status is null ? nameof(status) : nameof(community));
            }

            status.Community = community;
            var line = CommunityReader.Summarize(community);
            if (line is not null)
            {
                status.Problems = status.Problems.Concat(new[] { line }).ToArray();
            }

            return status;
        }

        /// <summary>Checks everything concurrently; <paramref name="statusPage"/> null skips the page.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public Task<ServiceStatus> CheckAsync(IReadOnlyList<ServiceEndpoint> endpoints, StatusPageLocation? statusPage, KeyInspection? key, CancellationToken cancellationToken) =>
            CheckAsync(endpoints, statusPage, key, new ServiceStatusProgress(), cancellationToken);

        /// <summary>Checks everything concurrently, counting finished checks in <paramref name="progress"/>.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public Task<ServiceStatus> CheckAsync(IReadOnlyList<ServiceEndpoint> endpoints, StatusPageLocation? statusPage, KeyInspection? key, ServiceStatusProgress progress, CancellationToken cancellationToken) =>
            CheckAsync(endpoints, statusPage, key, null, progress, cancellationToken);

        /// <summary>Checks everything concurrently, the community reports too when <paramref name="community"/> is given.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<ServiceStatus> CheckAsync(IReadOnlyList<ServiceEndpoint> endpoints, StatusPageLocation? statusPage, KeyInspection? key, CommunityRequest? community, ServiceStatusProgress progress, CancellationToken cancellationToken)
        {
            var reports = community is null
                ? Task.FromResult(new CommunityReport { Status = CommunityStatus.Skipped })
                : ReadCommunityAsync(community.Repository, community.Window, community.Token, cancellationToken);
            return WithCommunity(await CheckPartsAsync(endpoints, statusPage, key, progress, cancellationToken).ConfigureAwait(false), await reports.ConfigureAwait(false));
        }

        private async Task<ServiceStatus> CheckPartsAsync(IReadOnlyList<ServiceEndpoint> endpoints, StatusPageLocation? statusPage, KeyInspection? key, ServiceStatusProgress progress, CancellationToken cancellationToken)
        {
            if (endpoints is null || progress is null)
            {
                throw new ArgumentNullException(endpoints is null ? nameof(endpoints) : nameof(progress));
            }

            var watch = Stopwatch.StartNew();
            progress.Total = endpoints.Count + (statusPage is null ? 0 : 1);
            progress.ReadsStatusPage = statusPage is not null;
            var checks = new Task<EndpointStatus>[endpoints.Count];
            for (var i = 0; i < checks.Length; i++)
            {
                _log.Verbose($"Checking {endpoints[i]}{(key is null ? " (no key sent)" : " with key " + key.Masked)}.");
                checks[i] = Counted(CheckEndpointAsync(endpoints[i], key, cancellationToken), progress);
            }

            Task<StatusPageReport?> page = Task.FromResult<StatusPageReport?>(null);
            if (statusPage is not null)
            {
                _log.Verbose($"Reading the status page {statusPage.BrowserUri(statusPage.Slug)}.");
                page = Counted(ReadPageAsync(statusPage, cancellationToken), progress);
            }

            var results = await Task.WhenAll(checks).ConfigureAwait(false);
            var report = await page.ConfigureAwait(false);
            var status = Assemble(results, report, watch.Elapsed);
            _log.Verbose($"Overall {status.Overall} after {watch.ElapsedMilliseconds} ms.");
            return status;
        }

        /// <summary>Puts the parts together and decides <see cref="ServiceStatus.Overall"/>.</summary>
        public static ServiceStatus Assemble(IReadOnlyList<EndpointStatus> endpoints, StatusPageReport? statusPage, TimeSpan duration)
        {
            var all = new EndpointStatus[endpoints?.Count ?? 0];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = endpoints![i];
            }

            var components = statusPage?.Components ?? Array.Empty<ComponentStatus>();
            return new ServiceStatus
            {
                Overall = OverallStatusRule.Decide(all, components),
                Endpoints = all,
                Components = components,
                Incidents = statusPage?.Incidents ?? Array.Empty<ServiceIncident>(),
                StatusPageUri = statusPage?.Uri,
                StatusPageState = statusPage?.State ?? StatusPageState.Skipped,
                StatusPageProblem = statusPage?.Problem,
                CheckedAt = DateTime.UtcNow,
                Duration = duration,
            };
        }

        private static async Task<T> Counted<T>(Task<T> check, ServiceStatusProgress progress)
        {
            try
            {
                return await check.ConfigureAwait(false);
            }
            finally
            {
                progress.CountDone();
            }
        }

        private async Task<StatusPageReport?> ReadPageAsync(StatusPageLocation location, CancellationToken cancellationToken) =>
            await ReadStatusPageAsync(location, cancellationToken).ConfigureAwait(false);
    }
}
