using System;
using System.Collections.Generic;
using System.Globalization;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Resilience;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>Turns one answer into a verdict by the first matching row of <see cref="DiagnosisRules"/>.</summary>
    public static class ResponseClassifier
    {
        /// <summary>The longest Retry-After worth waiting for inside one probe (the OpenAI Node SDK's cap).</summary>
        public static readonly TimeSpan LongestRetryAfterToWait = TimeSpan.FromSeconds(60);

        private static readonly DiagnosisRule Unrecognised = new DiagnosisRule(
            "Unrecognised answer", _ => true, KeyVerdict.Unknown, VerdictReason.UnrecognisedAnswer,
            new string[0],
            new[] { "The server answered {Status} in a way this module does not recognise." },
            new[] { "Read the Message; run again with -Debug to see the answer." });

        /// <summary>Classifies an HTTP answer.</summary>
        public static Classification Classify(ProbeResponse response, ProbeContext context, DateTimeOffset now)
        {
            var facts = new ResponseFacts(response, context);
            var rule = Match(facts);
            var retryAfter = RetryAfterReader.Read(response, now);
            if (rule.Reason == VerdictReason.DailyLimit || rule.Reason == VerdictReason.DailyLimitPerModel)
            {
                retryAfter = DailyLimitClock.NextReset(now) - now;
            }

            // Most keys are valid, and the valid rows have no text to fill in.
            var values = rule.Diagnosis.Count + rule.Recommendation.Count == 0 ? null : Placeholders(facts, now, retryAfter);
            return new Classification
            {
                Verdict = rule.Verdict,
                Reason = rule.Reason,
                Backend = facts.Backend,
                StatusCode = response.StatusCode,
                ErrorType = facts.Envelope.Type,
                ErrorCode = facts.Envelope.Code,
                Message = facts.Envelope.Message,
                Diagnosis = Fill(rule.Diagnosis, values),
                Recommendation = Fill(rule.Recommendation, values),
                RetryAfter = retryAfter,
                IsRetryable = IsRetryable(response, rule, retryAfter),
                RuleName = rule.Name,
            };
        }

        /// <summary>The row that decides for these facts.</summary>
        public static DiagnosisRule Match(ResponseFacts facts)
        {
            foreach (var rule in DiagnosisRules.All)
            {
                if (rule.Matches(facts))
                {
                    return rule;
                }
            }

            return Unrecognised;
        }

        /// <summary>
        /// Retry 408, 429 (unless a daily limit or a Retry-After over 60 s), 5xx; never 400, 401,
        /// 403, 404 or exhausted quota; x-should-retry decides in between (toolchain notes, retry figures).
        /// </summary>
        public static bool IsRetryable(ProbeResponse response, DiagnosisRule rule, TimeSpan? retryAfter)
        {
            if (response is null || rule is null)
            {
                return false;
            }

            var status = response.StatusCode;
            if (status == 400 || status == 401 || status == 403 || status == 404 ||
                rule.Verdict == KeyVerdict.QuotaExhausted ||
                rule.Reason == VerdictReason.DailyLimit || rule.Reason == VerdictReason.DailyLimitPerModel)
            {
                return false;
            }

            var shouldRetry = response.Header("x-should-retry")?.Trim();
            if (string.Equals(shouldRetry, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (string.Equals(shouldRetry, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (status == 429)
            {
                return retryAfter is null || retryAfter <= LongestRetryAfterToWait;
            }

            return status == 408 || status >= 500;
        }

        private static Dictionary<string, string> Placeholders(ResponseFacts facts, DateTimeOffset now, TimeSpan? retryAfter) => new Dictionary<string, string>
        {
            ["{BaseUri}"] = facts.Context.BaseUri,
            ["{DefaultBaseUri}"] = KnownHosts.DefaultBaseUri,
            ["{OverseasBaseUri}"] = KnownHosts.OverseasBaseUri,
            ["{StatusPage}"] = KnownHosts.StatusPageUri,
            ["{Location}"] = facts.Response.Header("Location") ?? "(no Location header)",
            ["{DailyReset}"] = DailyLimitClock.Describe(now),
            ["{RetryAfter}"] = retryAfter is null ? "a minute" : DailyLimitClock.Humanize(retryAfter.Value),
            ["{Model}"] = facts.Context.Model ?? "the model asked for",
            ["{Status}"] = facts.Status.ToString(CultureInfo.InvariantCulture),
        };

        private static string[] Fill(IReadOnlyList<string> lines, Dictionary<string, string>? values)
        {
            if (values is null)
            {
                return Array.Empty<string>();
            }

            var result = new string[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                foreach (var pair in values)
                {
                    line = line.Replace(pair.Key, pair.Value);
                }

                result[i] = line;
            }

            return result;
        }
    }
}
