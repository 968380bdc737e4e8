using System;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChatAnywhere.Engine.Probing
{
    /// <summary>
    /// The Polly pipeline around one probe request: a per-attempt timeout inside a retry for
    /// transient answers. Built once per invocation and shared by every key (Polly pipelines are
    /// thread-safe). Which answers are transient is the classifier's call
    /// (<see cref="Diagnosis.Classification.IsRetryable"/>).
    /// </summary>
    internal static class ProbeRetryPipeline
    {
        /// <summary>
        /// When the probe's time budget (<see cref="ProbeOptions.Budget"/>) runs out: no retry whose
        /// wait would pass it, no attempt longer than what is left (issue 16: a 503 with
        /// Retry-After: 3600 made -TimeoutSec 3 take 120 s).
        /// </summary>
        public static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new ResiliencePropertyKey<DateTimeOffset>("ChatAnywhere.Deadline");

        // Polly takes a zero or negative timeout as none at all: an attempt gets at least this.
        private static readonly TimeSpan ShortestAttempt = TimeSpan.FromMilliseconds(1);

        /// <summary>Builds the pipeline.</summary>
        /// <param name="options">Timeout and retry count.</param>
        /// <param name="timeProvider">The clock (a fake one in tests).</param>
        /// <param name="jitter">Returns numbers in [0, 1) for backoff jitter.</param>
        /// <param name="log">Where retries are reported.</param>
        public static ResiliencePipeline<ProbeAttempt> Build(ProbeOptions options, TimeProvider timeProvider, Func<double> jitter, IProbeLog log)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var builder = new ResiliencePipelineBuilder<ProbeAttempt> { TimeProvider = timeProvider };
            if (options.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<ProbeAttempt>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    // Failed connections are results already; a per-attempt timeout is the one exception to retry.
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args, timeProvider, log)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(
                        BackoffSchedule.DelayFor(args.AttemptNumber, args.Outcome.Result?.Classification.RetryAfter, jitter())),
                    OnRetry = args =>
                    {
                        var why = args.Outcome.Result is { } attempt
                            ? $"{attempt.Classification.Verdict} ({attempt.Classification.Reason}, status {attempt.Classification.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})"
                            : "no answer in time";
                        log.Verbose($"Retry {args.AttemptNumber + 1} of {options.MaxRetries} in {args.RetryDelay.TotalSeconds:0.##} s after {why}.");
                        return default;
                    },
                });
            }

            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => new ValueTask<TimeSpan>(AttemptTimeout(args.Context, options.AttemptTimeout, timeProvider)),
            });
            return builder.Build();
        }

        private static bool ShouldRetry(RetryPredicateArguments<ProbeAttempt> args, TimeProvider time, IProbeLog log)
        {
            var transient = args.Outcome.Result?.Classification.IsRetryable ?? args.Outcome.Exception is TimeoutRejectedException;
            if (!transient || !args.Context.Properties.TryGetValue(Deadline, out var deadline))
            {
                return transient;
            }

            // The longest the wait can be (no jitter): a retry that may not fit is not started.
            var wait = BackoffSchedule.DelayFor(args.AttemptNumber, args.Outcome.Result?.Classification.RetryAfter, 0);
            var left = deadline - time.GetUtcNow();
            if (wait < left)
            {
                return true;
            }

            log.Verbose($"No retry: a wait of {wait.TotalSeconds:0.##} s does not fit in the {Math.Max(left.TotalSeconds, 0):0.##} s left of the time budget.");
            return false;
        }

        private static TimeSpan AttemptTimeout(ResilienceContext context, TimeSpan longest, TimeProvider time)
        {
            if (!context.Properties.TryGetValue(Deadline, out var deadline))
            {
                return longest;
            }

            var left = deadline - time.GetUtcNow();
            return left >= longest ? longest : left > ShortestAttempt ? left : ShortestAttempt;
        }
    }
}
