using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Status;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>Tells one-api from new-api by the relay's anonymous GET /api/status, for -Backend Auto.</summary>
    internal sealed class RelayBackendDetector
    {
        private readonly HttpClient _client;
        private readonly TimeSpan _timeout;
        private readonly IProbeLog _log;

        public RelayBackendDetector(HttpClient client, TimeSpan timeout, IProbeLog log)
        {
            _client = client;
            _timeout = timeout;
            _log = log;
        }

        /// <exception cref="KeyRotationException">The relay does not answer as one-api or new-api.</exception>
        public async Task<RelayBackend> DetectAsync(ServiceEndpoint relay, CancellationToken cancellationToken)
        {
            var statusUri = new Uri(relay.BaseUri.AbsoluteUri.TrimEnd('/') + "/api/status");
            _log.Verbose($"GET {statusUri} (which relay software)");
            var answer = await AnonymousGet.SendAsync(_client, statusUri, _timeout, BoundedBodyReader.DefaultLimit, cancellationToken).ConfigureAwait(false);
            if (answer.Response is not null && RelayStatusReader.TryRead(answer.Response, out var version, out _, out var kind) &&
                (kind == BackendKind.OneApi || kind == BackendKind.NewApi))
            {
                _log.Verbose($"{relay} is {kind} {version}.");
                return kind == BackendKind.NewApi ? RelayBackend.NewApi : RelayBackend.OneApi;
            }

            var why = answer.Failure is not null
                ? answer.Failure.Message
                : $"GET /api/status answered HTTP {answer.Response!.StatusCode} without a relay's status";
            throw RotationMessages.UnknownBackend(relay, why);
        }
    }
}
