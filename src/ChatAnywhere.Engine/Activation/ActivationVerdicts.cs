using System;
using ChatAnywhere.Engine.Diagnosis;

namespace ChatAnywhere.Engine.Activation
{
    /// <summary>Which answers are worth waiting out and which mean waiting cannot help.</summary>
    internal static class ActivationVerdicts
    {
        /// <summary>
        /// Null when another probe may find the key working; otherwise why it cannot, in plain words.
        /// </summary>
        /// <param name="result">The last probe's result (not Valid).</param>
        /// <param name="budget">The whole time allowed for waiting (a Retry-After beyond it cannot be waited out).</param>
        /// <param name="now">The current time, for the daily limit's reset.</param>
        public static string? WhyWaitingCannotHelp(ApiKeyTestResult result, TimeSpan budget, DateTimeOffset now)
        {
            if (result is null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            switch (result.Verdict)
            {
                // A new key unknown to some nodes (docs/reference/chatanywhere.md, cause 6) or still
                // cached as unknown by a relay (one-api up to 600 s, new-api 60 s:
                // docs/reference/relay-admin-api.md) answers exactly like a wrong key.
                case KeyVerdict.InvalidKey:
                // Outages, resets and timeouts pass (CA-503-no-response, CF-502-bad-gateway).
                case KeyVerdict.ServiceUnavailable:
                case KeyVerdict.NetworkError:
                case KeyVerdict.Unknown:
                    return null;

                case KeyVerdict.RateLimited:
                    return WhyRateLimitCannotBeWaitedOut(result, budget, now);

                case KeyVerdict.MalformedKey:
                    return "the key text cannot be a key; nothing was sent. Fix the stored key.";
                case KeyVerdict.WrongEndpoint:
                    return "the request does not reach the service the key belongs to; fix -BaseUri.";
                case KeyVerdict.MalformedRequest:
                    return "the key never reached the service's key check (a proxy or client dropped it).";
                case KeyVerdict.QuotaExhausted:
                    return "the balance or quota is used up; a new key will not come to life by waiting.";
                case KeyVerdict.ModelNotAllowed:
                    return $"the key works but may not use model '{result.Model}'.";
                case KeyVerdict.Restricted:
                    return "the key is restricted (suspended, IP allow-list, region or plan).";
                case KeyVerdict.BlockedByWaf:
                    return "a web application firewall blocks this client; it will keep doing so.";
                default:
                    return $"the last answer was {result.Verdict}.";
            }
        }

        private static string? WhyRateLimitCannotBeWaitedOut(ApiKeyTestResult result, TimeSpan budget, DateTimeOffset now)
        {
            if (result.Reason == VerdictReason.DailyLimit || result.Reason == VerdictReason.DailyLimitPerModel)
            {
                // Every further probe would be refused until midnight (CA-429-free-200-per-day) and may count.
                return $"the free daily limit is reached; it resets at {DailyLimitClock.Describe(now)}.";
            }

            if (result.RetryAfter is TimeSpan retryAfter && retryAfter > budget)
            {
                return $"the service asks to wait {DailyLimitClock.Humanize(retryAfter)}, longer than the whole wait ({DailyLimitClock.Humanize(budget)}).";
            }

            // A short-term limit (OA-429-rate-limit-tpm, ONE-429-group-saturated-upstream) passes.
            return null;
        }
    }
}
