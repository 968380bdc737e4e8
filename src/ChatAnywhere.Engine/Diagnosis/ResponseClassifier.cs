using System;
using System.Collections.Generic;
using System.Globalization;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>Turns one answer into a verdict by the first matching row of <see cref="DiagnosisRules"/>.</summary>
    public static class ResponseClassifier
    {
        /// <summary>The longest Retry-After worth waiting for inside one probe (the OpenAI Node SDK's cap).</summary>
        public static readonly TimeSpan LongestRetryAfterToWait = TimeSpan.FromSeconds(60);

        // An answer no table knows stays Unknown, with the facts that were read.
        private static readonly DiagnosisRule Unrecognised = new DiagnosisRule(
            "Unrecognised answer", _ => true, KeyVerdict.Unknown, VerdictReason.UnrecognisedAnswer,
            new string[0],
            new[] { "The server answered {Status} in a way this module does not recognise.", "Facts read: {Facts}." },
            new[] { "Read the Message; run again with -Debug to see the answer." });

        /// <summary>Classifies an HTTP answer.</summary>
        public static Classification Classify(ProbeResponse response, ProbeContext context, DateTimeOffset now)
        {
            var facts = new ResponseFacts(response, context);
            var rule = Match(facts);
            var retryAfter = RetryAfterReader.Read(response, now);
            // ChatAnywhere's free tier resets at 00:00 Asia/Shanghai; other providers' daily caps say when, if at all.
            if (IsChatAnywhereDailyLimit(rule, facts))
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
                Upstream = BackendFingerprinter.IdentifyUpstream(facts, facts.Backend),
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

        private static bool IsChatAnywhereDailyLimit(DiagnosisRule rule, ResponseFacts facts) =>
            (rule.Reason == VerdictReason.DailyLimit || rule.Reason == VerdictReason.DailyLimitPerModel) &&
            (facts.Backend == BackendKind.ChatAnywhere || facts.Says("00:00"));

        /// <summary>
        /// The row that decides for these facts. A row that would call the key invalid is passed over
        /// when the status cannot prove that (a 402, 403, 429 or 5xx never does: docs/verdicts.md).
        /// </summary>
        internal static DiagnosisRule Match(ResponseFacts facts)
        {
            if (facts is null)
            {
                throw new ArgumentNullException(nameof(facts));
            }

            foreach (var rule in DiagnosisRules.All)
            {
                if ((rule.Verdict != KeyVerdict.InvalidKey || facts.MayProveKeyInvalid) && rule.Matches(facts))
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
        internal static bool IsRetryable(ProbeResponse response, DiagnosisRule rule, TimeSpan? retryAfter)
        {
            if (response is null || rule is null)
            {
                return false;
            }

            var status = response.StatusCode;
            // A refusal about the key, the model, the request or the network path is the same next time,
            // whatever its status (a filtering proxy's block page comes as 503: PROXY-503-paloalto-web-page-blocked).
            if (status == 400 || status == 401 || status == 403 || status == 404 ||
                rule.Verdict == KeyVerdict.QuotaExhausted || rule.Verdict == KeyVerdict.InvalidKey ||
                rule.Verdict == KeyVerdict.BlockedByWaf || rule.Verdict == KeyVerdict.Restricted ||
                rule.Verdict == KeyVerdict.ModelNotAllowed || rule.Verdict == KeyVerdict.MalformedRequest ||
                rule.Verdict == KeyVerdict.WrongEndpoint ||
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

        // Each value is worked out only when a line names it: most lines name none or one.
        private static Dictionary<string, Func<string>> Placeholders(ResponseFacts facts, DateTimeOffset now, TimeSpan? retryAfter) => new Dictionary<string, Func<string>>
        {
            ["{BaseUri}"] = () => facts.Context.BaseUri,
            ["{DefaultBaseUri}"] = () => KnownHosts.DefaultBaseUri,
            ["{OverseasBaseUri}"] = () => KnownHosts.OverseasBaseUri,
            ["{StatusPage}"] = () => KnownHosts.StatusPageUri,
            ["{Location}"] = () => facts.Response.Header("Location") ?? "(no Location header)",
            ["{DailyReset}"] = () => DailyLimitClock.Describe(now),
            ["{RetryAfter}"] = () => retryAfter is null ? "a minute" : DailyLimitClock.Humanize(retryAfter.Value),
            ["{Model}"] = () => facts.Context.Model ?? "the model asked for",
            ["{Status}"] = () => facts.Status.ToString(CultureInfo.InvariantCulture),
            ["{Backend}"] = () => facts.Backend == BackendKind.Unknown ? "The server" : facts.Backend.ToString(),
            ["{Upstream}"] = () => BackendFingerprinter.IdentifyUpstream(facts, facts.Backend)?.ToString() ?? "its upstream",
            ["{Facts}"] = () => DescribeFacts(facts),
        };

        private static string DescribeFacts(ResponseFacts facts)
        {
            var codes = facts.Fields.Codes.Count == 0 ? "no codes" : "codes " + string.Join(", ", facts.Fields.Codes);
            var shape = facts.IsJson ? "JSON" : facts.IsHtml ? "an HTML page" : facts.BodyIsEmpty ? "no body" : "plain text";
            return "status " + facts.Status.ToString(CultureInfo.InvariantCulture) + ", " + shape + ", " + codes;
        }

        private static string[] Fill(IReadOnlyList<string> lines, Dictionary<string, Func<string>>? values)
        {
            if (values is null)
            {
                return Array.Empty<string>();
            }

            var result = new string[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.IndexOf('{') >= 0)
                {
                    foreach (var pair in values)
                    {
                        if (line.IndexOf(pair.Key, StringComparison.Ordinal) >= 0)
                        {
                            line = line.Replace(pair.Key, pair.Value());
                        }
                    }
                }

                result[i] = line;
            }

            return result;
        }
    }
}
