using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Resilience;
using Polly;
using Polly.Timeout;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>
    /// Sends one balance request through Test-ApiKey's retry pipeline and classifier, keeping the
    /// answer's body for the readers. A refusal or a network failure is a classified exchange, never
    /// an exception; only the caller's cancellation throws.
    /// </summary>
    internal sealed class BalanceRequestSender
    {
        private readonly HttpClient _client;
        private readonly BalanceOptions _options;
        private readonly IProbeLog _log;
        private readonly TimeProvider _time;
        private readonly ResiliencePipeline<ProbeAttempt> _pipeline;

        public BalanceRequestSender(HttpClient client, BalanceOptions options, IProbeLog log, TimeProvider time, Func<double>? jitter = null)
        {
            _client = client;
            _options = options;
            _log = log;
            _time = time;
            var probeOptions = new ProbeOptions { AttemptTimeout = options.AttemptTimeout, MaxRetries = options.MaxRetries, BodyLimit = options.BodyLimit };
            _pipeline = ProbeRetryPipeline.Build(probeOptions, time, jitter ?? JitterSource.Next, log);
        }

        /// <summary>Sends <paramref name="method"/> <paramref name="path"/> (below the base URL) with the key presented as asked.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<BalanceExchange> SendAsync(
            HttpMethod method, string path, HttpContent? content, KeyInspection key, KeyPresentation presentation, ServiceEndpoint endpoint, CancellationToken cancellationToken)
        {
            var uri = new Uri(endpoint.BaseUri.AbsoluteUri.TrimEnd('/') + path);
            var source = $"{method.Method} {path}";
            var context = new ProbeContext(key.Shape, endpoint.Kind, endpoint.ToString());
            ProbeResponse? last = null;
            _log.Verbose($"{key.Masked}: {source} at {endpoint}{(presentation == KeyPresentation.None ? " (no key sent)" : string.Empty)}");
            try
            {
                var attempt = await _pipeline.ExecuteAsync(
                    async token =>
                    {
                        using var request = new HttpRequestMessage(method, uri) { Content = content is null ? null : await CopyAsync(content).ConfigureAwait(false) };
                        if (presentation == KeyPresentation.Bearer)
                        {
                            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.CleanedKey);
                        }
                        else if (presentation == KeyPresentation.Bare)
                        {
                            // A header without a scheme: TryAddWithoutValidation keeps it as it is.
                            request.Headers.TryAddWithoutValidation("Authorization", key.CleanedKey);
                        }

                        var (response, classification) = await SendOnceAsync(request, context, token).ConfigureAwait(false);
                        last = response;
                        return new ProbeAttempt(classification, latency: null);
                    },
                    cancellationToken).ConfigureAwait(false);
                return new BalanceExchange(source, last, attempt.Classification);
            }
            catch (TimeoutRejectedException)
            {
                _log.Verbose($"{key.Masked}: no answer to {source} within {_options.AttemptTimeout.TotalSeconds:0.#} s.");
                return new BalanceExchange(source, null, NetworkFailureClassifier.Timeout(context.BaseUri, _options.AttemptTimeout));
            }
        }

        private async Task<(ProbeResponse? Response, Classification Classification)> SendOnceAsync(HttpRequestMessage request, ProbeContext context, CancellationToken token)
        {
            // No timeout here: the retry pipeline's per-attempt timeout bounds the exchange.
            var outcome = await HttpExchange.SendAsync(_client, request, _options.BodyLimit, timeout: null, token).ConfigureAwait(false);
            if (outcome.Failure is { } exception)
            {
                return (null, NetworkFailureClassifier.Classify(exception, context.BaseUri));
            }

            var answer = outcome.Response!;
            var classification = ResponseClassifier.Classify(answer, context, _time.GetUtcNow());
            _log.Verbose($"{request.Method} {request.RequestUri?.AbsolutePath}: {answer.StatusCode} -> {classification.Verdict} ({classification.Reason}).");
            return (answer, classification);
        }

        // A request message disposes its content, and a retry needs a fresh request: copy the bytes each time.
        private static async Task<HttpContent> CopyAsync(HttpContent content)
        {
            var bytes = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var copy = new ByteArrayContent(bytes);
            if (content.Headers.ContentType is not null)
            {
                copy.Headers.ContentType = content.Headers.ContentType;
            }

            return copy;
        }
    }
}
