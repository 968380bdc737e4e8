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
                    ShouldHandle = args => new ValueTask<bool>(
                        args.Outcome.Result?.Classification.IsRetryable ?? args.Outcome.Exception is TimeoutRejectedException),
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

            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
            return builder.Build();
        }
    }
}
