using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Resilience;
using Polly;
using Polly.Timeout;

namespace ChatAnywhere.Engine.Probing
{
    /// <summary>
    /// Tests keys: checks each before sending it anywhere, probes GET /v1/models (and, when a model
    /// is named, one chat completion), and turns the answers into an <see cref="ApiKeyTestResult"/>.
    /// One instance serves a whole invocation, concurrently; it shares the caller's HttpClient.
    /// </summary>
    internal sealed class KeyProber : IDisposable
    {
        // How log lines name a probe that carries no key.
        private const string NoKey = "(no key)";

        private readonly HttpClient _client;
        private readonly ProbeOptions _options;
        private readonly TimeProvider _time;
        private readonly IProbeLog _log;
        private readonly SecretRedactor _redactor;
        private readonly ResiliencePipeline<ProbeAttempt> _pipeline;
        private readonly Func<Uri, Uri?> _proxyFor;
        private HttpClient? _ownedClient;

        /// <summary>Creates a prober.</summary>
        /// <param name="client">The invocation's HttpClient.</param>
        /// <param name="options">Timeouts, retries, the model.</param>
        /// <param name="redactor">Masks the invocation's secrets.</param>
        /// <param name="log">Verbose and debug lines.</param>
        /// <param name="timeProvider">The clock (a fake one in tests).</param>
        /// <param name="jitter">The retry jitter source.</param>
        /// <param name="proxyFor">The proxy <paramref name="client"/> uses for a URL (<see cref="ProxyRoute.For"/>), so a failure can name the proxy hop; null when unknown.</param>
        public KeyProber(HttpClient client, ProbeOptions options, SecretRedactor redactor, IProbeLog? log = null, TimeProvider? timeProvider = null, Func<double>? jitter = null, Func<Uri, Uri?>? proxyFor = null)
        {
            _proxyFor = proxyFor ?? (_ => null);
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
            _log = log ?? NullProbeLog.Instance;
            _time = timeProvider ?? TimeProvider.System;
            _pipeline = ProbeRetryPipeline.Build(options, _time, jitter ?? JitterSource.Next, _log);
        }

        /// <summary>Test-ApiKey's entry point: a prober with its own HttpClient, released by <see cref="Dispose"/>.</summary>
        public static KeyProber Create(HttpClientSettings settings, ProbeOptions options, SecretRedactor redactor, IProbeLog? log = null)
        {
            var client = ProbeHttpClientFactory.Create(settings);
            return new KeyProber(client, options, redactor, log, proxyFor: target => ProxyRoute.For(settings, target)) { _ownedClient = client };
        }

        /// <summary>Releases the HttpClient of a prober made by <see cref="Create"/>; a caller's client stays the caller's.</summary>
        public void Dispose() => _ownedClient?.Dispose();

        /// <summary>Tests one key at one endpoint. An invalid key is a result, not an exception.</summary>
        /// <exception cref="ArgumentException">The key is empty.</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<ApiKeyTestResult> TestAsync(KeyInspection key, ServiceEndpoint endpoint, CancellationToken cancellationToken)
        {
            if (key is null || key.IsEmpty)
            {
                throw new ArgumentException("The key is empty.", nameof(key));
            }

            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            var context = new ProbeContext(key.Shape, endpoint.Kind, endpoint.ToString(), _options.Model);
            var preflight = Preflight.Check(key, endpoint);
            if (preflight is not null)
            {
                _log.Verbose($"{key.Masked}: not sent to {endpoint}: {preflight.Reason}.");
                return BuildResult(key, endpoint, preflight, latency: null, attempts: 0);
            }

            var attempts = new AttemptCounter(_time.GetUtcNow() + _options.Budget);
            if (_log.IsVerboseEnabled)
            {
                _log.Verbose($"{key.Masked}: GET {endpoint.ModelsUri}");
            }

            var outcome = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, endpoint.ModelsUri), key, context, attempts, cancellationToken).ConfigureAwait(false);

            if (outcome.Classification.Verdict == KeyVerdict.Valid && _options.Model is not null)
            {
                _log.Verbose($"{key.Masked}: POST {endpoint.ChatCompletionsUri} (model {_options.Model}, max_tokens 1; spends one request of the daily quota)");
                outcome = await SendAsync(() => ChatProbe(endpoint, _options.Model), key, context, attempts, cancellationToken).ConfigureAwait(false);
            }

            return BuildResult(key, endpoint, outcome.Classification, outcome.Latency, attempts.Count);
        }

        /// <summary>
        /// Probes GET /v1/models without any key, with the same retries and classification, to
        /// learn whether the service answers at all (Get-ServiceStatus): nothing secret is sent.
        /// </summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<EndpointProbe> ProbeWithoutKeyAsync(ServiceEndpoint endpoint, CancellationToken cancellationToken)
        {
            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            var context = new ProbeContext(KeyShape.Other, endpoint.Kind, endpoint.ToString());
            var attempts = new AttemptCounter(_time.GetUtcNow() + _options.Budget);
            _log.Verbose($"{NoKey}: GET {endpoint.ModelsUri}");
            var outcome = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, endpoint.ModelsUri), null, context, attempts, cancellationToken).ConfigureAwait(false);
            return new EndpointProbe(outcome.Classification, outcome.Latency, attempts.Count);
        }

        private static HttpRequestMessage ChatProbe(ServiceEndpoint endpoint, string model)
        {
            var body = JsonWriter.Write(new Dictionary<string, object?>
            {
                ["model"] = model,
                ["messages"] = new[] { new Dictionary<string, object?> { ["role"] = "user", ["content"] = "hi" } },
                ["max_tokens"] = 1,
            });
            return new HttpRequestMessage(HttpMethod.Post, endpoint.ChatCompletionsUri)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
        }

        private async Task<ProbeAttempt> SendAsync(Func<HttpRequestMessage> createRequest, KeyInspection? key, ProbeContext context, AttemptCounter attempts, CancellationToken cancellationToken)
        {
            // The deadline is the key's, shared by its requests (models, then chat with -Model).
            var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
            resilience.Properties.Set(ProbeRetryPipeline.Deadline, attempts.Deadline);
            try
            {
                return await _pipeline.ExecuteAsync(
                    (ctx, _) => new ValueTask<ProbeAttempt>(SendOnceAsync(createRequest, key, context, attempts, ctx.CancellationToken)),
                    resilience,
                    this).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException)
            {
                // Connection failures come back as results from SendOnceAsync; only the timeout arrives as an exception.
                _log.Verbose($"{Label(key)}: no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s.");
                return new ProbeAttempt(NetworkFailureClassifier.Timeout(context.BaseUri, _options.AttemptTimeout), latency: null);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(resilience);
            }
        }

        private async Task<ProbeAttempt> SendOnceAsync(Func<HttpRequestMessage> createRequest, KeyInspection? key, ProbeContext context, AttemptCounter attempts, CancellationToken token)
        {
            Interlocked.Increment(ref attempts.Count);
            using var request = createRequest();
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.CleanedKey);
            }

            // No timeout here: the retry pipeline's per-attempt timeout (ProbeRetryPipeline) bounds the exchange.
            var started = _time.GetTimestamp();
            var outcome = await HttpExchange.SendAsync(_client, request, _options.BodyLimit, timeout: null, token).ConfigureAwait(false);
            if (outcome.Failure is { } exception)
            {
                var failed = NetworkFailureClassifier.Classify(exception, context.BaseUri, _proxyFor(request.RequestUri!));
                _log.Verbose($"{Label(key)}: {request.Method} {request.RequestUri} failed: {failed.Reason}: {Redact(key, failed.Message)}");
                return new ProbeAttempt(failed, latency: null);
            }

            var answer = outcome.Response!;
            var latency = _time.GetElapsedTime(started);

            // 407 comes only from a proxy (plain http goes through it as a normal request): it is the proxy hop's answer, not the service's.
            var classification = answer.StatusCode == 407
                ? NetworkFailureClassifier.ProxyAuthentication(_proxyFor(request.RequestUri!), answer.StatusCode)
                : ResponseClassifier.Classify(answer, context, _time.GetUtcNow());
            if (_log.IsDebugEnabled)
            {
                // Masked before it is cut short: a key cut in half would no longer be recognised.
                _log.Debug($"{Label(key)}: {request.Method} {request.RequestUri} -> {answer.StatusCode} in {latency.TotalMilliseconds:0} ms, {answer.Body.Length} chars{(answer.BodyTruncated ? " (truncated)" : string.Empty)}: {Preview(Redact(key, answer.Body))}");
            }

            if (_log.IsVerboseEnabled)
            {
                _log.Verbose($"{Label(key)}: {answer.StatusCode} -> {classification.Verdict} ({classification.Reason}) by rule '{classification.RuleName}'.");
            }

            return new ProbeAttempt(classification, latency);
        }

        private ApiKeyTestResult BuildResult(KeyInspection key, ServiceEndpoint endpoint, Classification classification, TimeSpan? latency, int attempts)
        {
            var diagnosis = new List<string>();
            if (key.WasCleaned)
            {
                diagnosis.Add($"The key as given had {string.Join(" and ", key.Removed)}; the cleaned key was tested. Fix the stored key: other clients send it as it is.");
            }

            diagnosis.AddRange(classification.Diagnosis);
            if (classification.Verdict == KeyVerdict.InvalidKey && key.Shape.IsOpenAI() && endpoint.Kind != EndpointKind.OpenAI)
            {
                diagnosis.Add("This is an OpenAI key; ChatAnywhere and relay keys are sk- and 48 letters and digits.");
            }
            else if (classification.Verdict == KeyVerdict.InvalidKey && key.Shape == KeyShape.Other)
            {
                diagnosis.Add("The key does not have the usual shape (sk- and 48 letters and digits): it may be cut short or belong to another service.");
            }

            var reason = classification.Reason;
            if (key.WasCleaned && classification.Verdict == KeyVerdict.Valid && reason == VerdictReason.None)
            {
                reason = VerdictReason.InputHadWhitespace;
            }

            return new ApiKeyTestResult
            {
                Key = key.Masked,
                KeyFingerprint = key.Fingerprint,
                BaseUri = endpoint.ToString(),
                Model = _options.Model,
                Verdict = classification.Verdict,
                Reason = reason,
                StatusCode = classification.StatusCode,
                ErrorType = classification.ErrorType,
                ErrorCode = classification.ErrorCode,
                Message = classification.Message is null ? null : Redact(key, classification.Message),
                Backend = classification.Backend,
                Upstream = classification.Upstream,
                Diagnosis = RedactAll(key, diagnosis),
                Recommendation = RedactAll(key, classification.Recommendation),
                RetryAfter = classification.RetryAfter,
                LatencyMs = latency is null ? (long?)null : (long)Math.Round(latency.Value.TotalMilliseconds),
                Attempts = attempts,
                CheckedAt = _time.GetUtcNow().UtcDateTime,
            };
        }

        // The key itself, then the invocation's few other secrets (access tokens, proxy passwords).
        private string Redact(KeyInspection? key, string? text) => _redactor.Redact(key is null ? text : key.Redact(text));

        private static string Label(KeyInspection? key) => key?.Masked ?? NoKey;

        private TextLines RedactAll(KeyInspection key, IReadOnlyList<string> lines)
        {
            if (lines.Count == 0)
            {
                return TextLines.None;
            }

            var result = new string[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                result[i] = Redact(key, lines[i]);
            }

            return new TextLines(result);
        }

        private static string Preview(string body)
        {
            var oneLine = body.Replace("\r", " ").Replace("\n", " ");
            return oneLine.Length <= 300 ? oneLine : oneLine.Substring(0, 300) + "…";
        }

        private sealed class AttemptCounter
        {
            public int Count;

            public AttemptCounter(DateTimeOffset deadline) => Deadline = deadline;

            /// <summary>When the key's time budget ends (<see cref="ProbeOptions.Budget"/>).</summary>
            public DateTimeOffset Deadline { get; }
        }
    }
}
