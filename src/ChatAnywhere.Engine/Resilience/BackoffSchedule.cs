using System;

namespace ChatAnywhere.Engine.Resilience
{
    /// <summary>
    /// How long to wait before retry number n: 0.5 s doubling to at most 8 s, shortened by up to
    /// 25 % of jitter, as the official OpenAI SDKs do (toolchain notes, retry figures). A
    /// Retry-After the server sent wins, capped at 60 s: Polly's MaxDelay does not cap a delay
    /// generator's result (STYLE.md, Resilience).
    /// </summary>
    internal static class BackoffSchedule
    {
        /// <summary>The first delay.</summary>
        public static readonly TimeSpan Initial = TimeSpan.FromSeconds(0.5);

        /// <summary>The longest backoff delay.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromSeconds(8);

        /// <summary>The largest share of a delay that jitter removes.</summary>
        public const double JitterShare = 0.25;

        /// <summary>The delay before retry <paramref name="retryIndex"/> (0 for the first retry).</summary>
        /// <param name="retryIndex">0 for the first retry, 1 for the second...</param>
        /// <param name="retryAfter">What the server asked for, if anything.</param>
        /// <param name="jitterSample">A number in [0, 1): 0 means no jitter.</param>
        public static TimeSpan DelayFor(int retryIndex, TimeSpan? retryAfter, double jitterSample)
        {
            if (retryAfter is not null)
            {
                var asked = retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
                return asked > Diagnosis.ResponseClassifier.LongestRetryAfterToWait ? Diagnosis.ResponseClassifier.LongestRetryAfterToWait : asked;
            }

            return Exponential(retryIndex, Initial, Longest, jitterSample);
        }

        /// <summary>
        /// <paramref name="initial"/> doubling per step up to <paramref name="longest"/>, shortened by
        /// up to 25 % of jitter so that many waiting clients do not probe in step.
        /// </summary>
        /// <param name="step">0 for the first delay.</param>
        /// <param name="initial">The first delay before jitter.</param>
        /// <param name="longest">The longest delay before jitter.</param>
        /// <param name="jitterSample">A number in [0, 1): 0 means no jitter.</param>
        public static TimeSpan Exponential(int step, TimeSpan initial, TimeSpan longest, double jitterSample)
        {
            // 2^30 overflows nothing and is far past any sensible cap.
            var exponent = Math.Min(Math.Max(step, 0), 30);
            var seconds = Math.Min(initial.TotalSeconds * Math.Pow(2, exponent), longest.TotalSeconds);
            var sample = Math.Min(Math.Max(jitterSample, 0), 1);
            return TimeSpan.FromSeconds(seconds * (1 - (JitterShare * sample)));
        }
    }
}
