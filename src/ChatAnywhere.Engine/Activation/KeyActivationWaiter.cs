using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Resilience;

namespace ChatAnywhere.Engine.Activation
{
    /// <summary>
    /// Probes a key until it works, with exponential backoff and jitter between probes, within a
    /// time and probe budget, stopping at once when an answer says waiting cannot help. Its own
    /// loop rather than a retry policy: Polly's docs warn against retry as a polling loop, and each
    /// probe here is a single attempt (STYLE.md, Resilience).
    /// </summary>
    internal sealed class KeyActivationWaiter : IDisposable
    {
        /// <summary>Never probe more often than this.</summary>
        public static readonly TimeSpan ShortestPause = TimeSpan.FromSeconds(1);

        /// <summary>The last probe starts at least this long before the deadline, so its answer can arrive in time.</summary>
        public static readonly TimeSpan LastProbeLead = TimeSpan.FromSeconds(1);

        // One probe is one GET (and one chat completion with a model); never longer than this.
        private static readonly TimeSpan LongestProbe = TimeSpan.FromSeconds(10);

        private readonly KeyProber _prober;
        private readonly ActivationOptions _options;
        private readonly TimeProvider _time;
        private readonly Func<double> _jitter;
        private readonly IProbeLog _log;
        private KeyProber? _ownedProber;

        /// <summary>Creates a waiter; <paramref name="prober"/> should make single attempts (no retries of its own).</summary>
        public KeyActivationWaiter(KeyProber prober, ActivationOptions options, IProbeLog? log = null, TimeProvider? timeProvider = null, Func<double>? jitter = null)
        {
            _prober = prober ?? throw new ArgumentNullException(nameof(prober));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _log = log ?? NullProbeLog.Instance;
            _time = timeProvider ?? TimeProvider.System;
            _jitter = jitter ?? JitterSource.Next;
        }

        /// <summary>
        /// Wait-KeyActivation's entry point: a waiter whose probes are single attempts, none longer
        /// than the whole wait, over its own HttpClient, released by <see cref="Dispose"/>. A
        /// <paramref name="model"/>, when given, gets one chat completion per probe.
        /// </summary>
        public static KeyActivationWaiter Create(HttpClientSettings settings, ActivationOptions options, string? model, SecretRedactor redactor, IProbeLog? log = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var attemptTimeout = options.Timeout < LongestProbe ? options.Timeout : LongestProbe;
            var prober = KeyProber.Create(settings, new ProbeOptions { AttemptTimeout = attemptTimeout, MaxRetries = 0, Model = model }, redactor, log);
            return new KeyActivationWaiter(prober, options, log) { _ownedProber = prober };
        }

        /// <summary>Releases the prober of a waiter made by <see cref="Create"/>.</summary>
        public void Dispose() => _ownedProber?.Dispose();

        /// <summary>The pause before probe number <paramref name="probesSent"/> + 1, before the deadline is considered.</summary>
        /// <param name="probesSent">Probes sent so far (1 after the first).</param>
        /// <param name="retryAfter">What the last answer asked for, if anything: a pause is never shorter.</param>
        /// <param name="jitterSample">A number in [0, 1): 0 means no jitter.</param>
        public TimeSpan PauseAfter(int probesSent, TimeSpan? retryAfter, double jitterSample)
        {
            var pause = BackoffSchedule.Exponential(probesSent - 1, _options.InitialInterval, _options.MaxInterval, jitterSample);
            if (pause < ShortestPause)
            {
                pause = ShortestPause;
            }

            return retryAfter is TimeSpan asked && asked > pause ? asked : pause;
        }

        /// <summary>Starts the clock of one key; pass the result to <see cref="WaitAsync"/>.</summary>
        public ActivationProgress Start(KeyInspection key)
        {
            if (key is null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            var now = _time.GetUtcNow();
            return new ActivationProgress(key.Masked, now, now + _options.Timeout);
        }

        /// <summary>Waits until the key works or waiting ends; an inactive key is a result, not an exception.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<KeyActivationResult> WaitAsync(KeyInspection key, ServiceEndpoint endpoint, ActivationProgress progress, CancellationToken cancellationToken)
        {
            if (key is null || endpoint is null || progress is null)
            {
                throw new ArgumentNullException(key is null ? nameof(key) : endpoint is null ? nameof(endpoint) : nameof(progress));
            }

            var started = _time.GetTimestamp();
            var lastProbeAt = _options.Timeout - LastProbeLead;
            var probes = 0;
            ApiKeyTestResult? last = null;
            while (true)
            {
                var left = _options.Timeout - _time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    return Finish(ActivationOutcome.TimedOut, null);
                }

                probes++;
                progress.Probing(probes);
                try
                {
                    // The deadline cancels a probe in flight: no probe outlives -TimeoutSec.
                    using var deadline = _time.CreateCancellationTokenSource(left);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
                    last = await _prober.TestAsync(key, endpoint, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    _log.Verbose($"{key.Masked}: probe {probes} still unanswered at the deadline; cancelled.");
                    return Finish(ActivationOutcome.TimedOut, null);
                }

                if (last.Attempts == 0)
                {
                    probes--;
                }

                progress.Probed(last);
                if (last.IsValid)
                {
                    return Finish(ActivationOutcome.Activated, null);
                }

                var elapsed = _time.GetElapsedTime(started);
                var why = ActivationVerdicts.WhyWaitingCannotHelp(last, _options.Timeout, _time.GetUtcNow());
                if (why is not null)
                {
                    return Finish(ActivationOutcome.CannotActivate, why);
                }

                if (_options.MaxProbes is int budget && probes >= budget)
                {
                    return Finish(ActivationOutcome.ProbeBudgetSpent, null);
                }

                var pause = PauseAfter(probes, last.RetryAfter, _jitter());
                var latestPause = lastProbeAt - elapsed;
                if (pause > latestPause)
                {
                    // Probe once more just before the deadline, unless that is too soon or the
                    // server asked for longer; otherwise sit out the rest of the time.
                    var fits = latestPause >= ShortestPause && (last.RetryAfter is null || last.RetryAfter <= latestPause);
                    if (!fits)
                    {
                        _log.Verbose($"{key.Masked}: probe {probes}: {last.Verdict} ({last.Reason}); no further probe fits before the deadline.");
                        await DelayAsync(_options.Timeout - elapsed, cancellationToken).ConfigureAwait(false);
                        return Finish(ActivationOutcome.TimedOut, null);
                    }

                    pause = latestPause;
                }

                progress.Sleeping(_time.GetUtcNow() + pause);
                _log.Verbose(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: probe {1}: {2} ({3}); next probe in {4:0.#} s.",
                    key.Masked,
                    probes,
                    last.Verdict,
                    last.Reason,
                    pause.TotalSeconds));
                await DelayAsync(pause, cancellationToken).ConfigureAwait(false);
            }

            KeyActivationResult Finish(ActivationOutcome outcome, string? why)
            {
                progress.Finished();
                var waited = _time.GetElapsedTime(started);
                var result = new KeyActivationResult
                {
                    Key = key.Masked,
                    KeyFingerprint = key.Fingerprint,
                    BaseUri = endpoint.ToString(),
                    Activated = outcome == ActivationOutcome.Activated,
                    Outcome = outcome,
                    Verdict = last?.Verdict ?? KeyVerdict.Unknown,
                    Reason = last?.Reason ?? VerdictReason.None,
                    WaitedFor = waited,
                    Probes = probes,
                    LastResult = last,
                    CompletedAt = _time.GetUtcNow().UtcDateTime,
                };
                result.Detail = Describe(result, why);
                _log.Verbose($"{key.Masked}: {result.Detail}");
                return result;
            }
        }

        private Task DelayAsync(TimeSpan pause, CancellationToken cancellationToken) =>
            pause > TimeSpan.Zero ? _time.Delay(pause, cancellationToken) : Task.CompletedTask;

        private string Describe(KeyActivationResult result, string? why)
        {
            // Rounded, not rounded up as a time still to wait is.
            var waited = result.WaitedFor < TimeSpan.FromMinutes(1)
                ? $"{Math.Round(result.WaitedFor.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s"
                : DailyLimitClock.Humanize(result.WaitedFor);
            var lastAnswer = result.LastResult is null
                ? "No probe was answered."
                : $"Last answer: {result.Verdict}{(result.Reason == VerdictReason.None ? string.Empty : $" ({result.Reason})")}.";
            switch (result.Outcome)
            {
                case ActivationOutcome.Activated:
                    return $"The key works, after {waited} and {Probes(result.Probes)}.";
                case ActivationOutcome.TimedOut:
                    return $"The key did not work within {DailyLimitClock.Humanize(_options.Timeout)} ({Probes(result.Probes)}). {lastAnswer}";
                case ActivationOutcome.ProbeBudgetSpent:
                    return $"The key did not work within {Probes(result.Probes)} (-MaxProbes), after {waited}. {lastAnswer}";
                default:
                    return $"Waiting cannot help after {Probes(result.Probes)}: {why} {lastAnswer}";
            }
        }

        private static string Probes(int count) => count == 1 ? "1 probe" : $"{count.ToString(CultureInfo.InvariantCulture)} probes";
    }
}
