using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Checks one API endpoint: its connection phases on a socket of its own, then GET /v1/models
    /// through the invocation's HttpClient (with a key: Test-ApiKey's probe), then, for a relay,
    /// GET /api/status. Every failure ends up in the result, never in an exception.
    /// </summary>
    internal sealed class EndpointChecker
    {
        private readonly HttpClient _client;
        private readonly KeyProber _prober;
        private readonly ServiceStatusOptions _options;
        private readonly Func<Uri, Uri?> _proxyFor;
        private readonly IProbeLog _log;

        /// <summary>Creates a checker; <paramref name="proxyFor"/> names the proxy a URL goes through, or null.</summary>
        public EndpointChecker(HttpClient client, KeyProber prober, ServiceStatusOptions options, Func<Uri, Uri?> proxyFor, IProbeLog? log = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _prober = prober ?? throw new ArgumentNullException(nameof(prober));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _proxyFor = proxyFor ?? throw new ArgumentNullException(nameof(proxyFor));
            _log = log ?? NullProbeLog.Instance;
        }

        /// <summary>Checks the endpoint; with <paramref name="key"/> the probe is authenticated.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<EndpointStatus> CheckAsync(ServiceEndpoint endpoint, KeyInspection? key, CancellationToken cancellationToken)
        {
            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            var status = new EndpointStatus { BaseUri = endpoint.ToString(), Host = endpoint.BaseUri.Host, Key = key?.Masked };
            var notes = new List<string>();
            var proxy = _proxyFor(endpoint.ModelsUri);
            if (proxy is null)
            {
                var phases = await ConnectionTimer.MeasureAsync(endpoint.BaseUri, _options.SkipCertificateCheck, _options.AttemptTimeout, cancellationToken).ConfigureAwait(false);
                status.DnsMs = phases.DnsMs;
                status.ConnectMs = phases.ConnectMs;
                status.TlsMs = phases.TlsMs;
                status.Address = phases.Address;
                _log.Verbose($"{status.BaseUri}: {DescribePhases(status)}{(phases.Failure == EndpointCause.None ? string.Empty : "; " + phases.Failure)}.");
                if (phases.Failure != EndpointCause.None)
                {
                    // The HTTP request would fail the same way: say which phase failed instead.
                    status.Status = EndpointHealth.Down;
                    status.Cause = phases.Failure;
                    status.Detail = phases.FailureDetail ?? phases.Failure.ToString();
                    status.KeyVerdict = key is null ? (KeyVerdict?)null : KeyVerdict.NetworkError;
                    status.CheckedAt = DateTime.UtcNow;
                    return status;
                }
            }
            else
            {
                notes.Add($"through the proxy {proxy.GetLeftPart(UriPartial.Authority)}, so DNS, connect and TLS times are the proxy's and not measured");
            }

            var answer = await ProbeAsync(endpoint, key, status, cancellationToken).ConfigureAwait(false);
            var judged = EndpointHealthRules.Weigh(
                EndpointHealthRules.Judge(answer.Verdict, answer.Reason, status.StatusCode),
                status.HttpMs,
                (long)_options.SlowThreshold.TotalMilliseconds,
                status.Attempts);
            status.Status = judged.Health;
            status.Cause = judged.Cause;
            notes.Insert(0, DescribeAnswer(status, answer.Message));

            if (status.Status != EndpointHealth.Down && IsPossiblyRelay(status.Backend))
            {
                await ReadRelayStatusAsync(endpoint, status, notes, cancellationToken).ConfigureAwait(false);
            }

            status.Detail = string.Join("; ", notes) + ".";
            status.CheckedAt = DateTime.UtcNow;
            _log.Verbose($"{status.BaseUri}: {status.Status} ({status.Cause}): {status.Detail}");
            return status;
        }

        private async Task<(KeyVerdict Verdict, VerdictReason Reason, string? Message)> ProbeAsync(ServiceEndpoint endpoint, KeyInspection? key, EndpointStatus status, CancellationToken cancellationToken)
        {
            if (key is not null)
            {
                var result = await _prober.TestAsync(key, endpoint, cancellationToken).ConfigureAwait(false);
                status.KeyVerdict = result.Verdict;
                if (result.Attempts > 0)
                {
                    status.StatusCode = result.StatusCode;
                    status.HttpMs = result.LatencyMs;
                    status.Attempts = result.Attempts;
                    status.Backend = result.Backend;
                    return (result.Verdict, result.Reason, result.Message);
                }

                // The key was not sent (malformed, or not for this host): the service is still checked, without it.
            }

            var probe = await _prober.ProbeWithoutKeyAsync(endpoint, cancellationToken).ConfigureAwait(false);
            status.StatusCode = probe.Classification.StatusCode;
            status.HttpMs = probe.Latency is null ? (long?)null : (long)Math.Round(probe.Latency.Value.TotalMilliseconds);
            status.Attempts = probe.Attempts;
            status.Backend = probe.Classification.Backend;
            return (probe.Classification.Verdict, probe.Classification.Reason, probe.Classification.Message);
        }

        private async Task ReadRelayStatusAsync(ServiceEndpoint endpoint, EndpointStatus status, List<string> notes, CancellationToken cancellationToken)
        {
            var uri = new Uri(endpoint.BaseUri, "api/status");
            _log.Verbose($"{status.BaseUri}: GET {uri}");
            var answer = await AnonymousGet.SendAsync(_client, uri, _options.AttemptTimeout, _options.BodyLimit, cancellationToken).ConfigureAwait(false);
            if (answer.Response is not null && RelayStatusReader.TryRead(answer.Response, out var version, out var systemName, out var backend))
            {
                status.RelayVersion = version;
                status.RelaySystemName = systemName;
                if (status.Backend == BackendKind.Unknown)
                {
                    status.Backend = backend;
                }

                notes.Add($"GET /api/status: {systemName ?? "a relay"} {version}".TrimEnd());
                return;
            }

            // Only a known relay owes an answer here; another server simply is not one.
            if (status.Backend == BackendKind.OneApi || status.Backend == BackendKind.NewApi)
            {
                notes.Add($"the relay's GET /api/status failed ({answer.Describe()}) while its API answers");
                if (status.Status == EndpointHealth.Operational)
                {
                    status.Status = EndpointHealth.Degraded;
                    status.Cause = EndpointCause.RelayStatusFailed;
                }
            }
        }

        private static bool IsPossiblyRelay(BackendKind backend) =>
            backend == BackendKind.OneApi || backend == BackendKind.NewApi || backend == BackendKind.Unknown;

        private string DescribeAnswer(EndpointStatus status, string? message)
        {
            var retried = status.Attempts > 1 ? $" after {status.Attempts} attempts" : string.Empty;
            var what = status.StatusCode is int code
                ? $"GET /v1/models answered {code}{retried} in {status.HttpMs} ms"
                : $"GET /v1/models got no answer{retried}{(message is null ? string.Empty : ": " + message)}";
            switch (status.Cause)
            {
                case EndpointCause.Slow:
                    return $"{what}, over the {(long)_options.SlowThreshold.TotalMilliseconds} ms threshold: {SlowPart(status)}";
                case EndpointCause.ServerError:
                case EndpointCause.UpstreamFailure:
                case EndpointCause.RateLimited:
                    return message is null ? what : $"{what}: {message}";
                case EndpointCause.CloudflareError:
                    return $"{what}: a Cloudflare error page, Cloudflare could not reach the service behind it";
                case EndpointCause.BlockedByWaf:
                    return $"{what}: a Cloudflare challenge or block page, the request never reached the API";
                case EndpointCause.UnexpectedAnswer:
                    return $"{what}, which is not the API's answer: check the base URL";
                default:
                    return what;
            }
        }

        // The connection phases were fast, so the wait was the server's.
        private static string SlowPart(EndpointStatus status)
        {
            var network = (status.DnsMs ?? 0) + (status.ConnectMs ?? 0) + (status.TlsMs ?? 0);
            return status.DnsMs is null && status.ConnectMs is null
                ? "the server (or the proxy) is slow to answer"
                : network * 2 > (status.HttpMs ?? 0)
                    ? $"the network is slow ({DescribePhases(status)})"
                    : $"the server is slow to answer, the network is not ({DescribePhases(status)})";
        }

        private static string DescribePhases(EndpointStatus status)
        {
            var parts = new List<string>();
            if (status.DnsMs is long dns)
            {
                parts.Add($"DNS {dns} ms");
            }

            if (status.ConnectMs is long connect)
            {
                parts.Add($"connect {connect} ms");
            }

            if (status.TlsMs is long tls)
            {
                parts.Add($"TLS {tls} ms");
            }

            return parts.Count == 0 ? "no connection phase completed" : string.Join(", ", parts);
        }
    }
}
