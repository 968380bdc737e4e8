using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Get-ServiceStatus without PowerShell: every endpoint and the status page checked at once,
    /// so the whole takes about as long as the slowest part, and the parts put together.
    /// </summary>
    public sealed class ServiceStatusChecker
    {
        private readonly EndpointChecker _endpoints;
        private readonly StatusPageClient _statusPage;

        /// <summary>Creates a checker from its two parts.</summary>
        public ServiceStatusChecker(EndpointChecker endpoints, StatusPageClient statusPage)
        {
            _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
            _statusPage = statusPage ?? throw new ArgumentNullException(nameof(statusPage));
        }

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

        /// <summary>Checks everything concurrently; <paramref name="statusPage"/> null skips the page.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<ServiceStatus> CheckAsync(IReadOnlyList<ServiceEndpoint> endpoints, StatusPageLocation? statusPage, KeyInspection? key, CancellationToken cancellationToken)
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            var watch = Stopwatch.StartNew();
            var checks = new Task<EndpointStatus>[endpoints.Count];
            for (var i = 0; i < checks.Length; i++)
            {
                checks[i] = CheckEndpointAsync(endpoints[i], key, cancellationToken);
            }

            var page = statusPage is null ? Task.FromResult<StatusPageReport?>(null) : ReadPageAsync(statusPage, cancellationToken);
            var results = await Task.WhenAll(checks).ConfigureAwait(false);
            var report = await page.ConfigureAwait(false);
            return Assemble(results, report, watch.Elapsed);
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

        private async Task<StatusPageReport?> ReadPageAsync(StatusPageLocation location, CancellationToken cancellationToken) =>
            await ReadStatusPageAsync(location, cancellationToken).ConfigureAwait(false);
    }
}
