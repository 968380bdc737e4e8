using System;
using System.Collections.Generic;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Personalities.OpenAI;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Faults
{
    /// <summary>
    /// How one personality words a service fault: its captured body for each status, its rate-limit refusal, and
    /// the headers it puts on every answer. A status no capture of that service shows is sent alone (no body),
    /// never another service's words.
    /// </summary>
    public sealed class PersonalityFaultAnswers
    {
        private readonly IReadOnlyDictionary<int, CannedAnswer> _byStatus;

        private PersonalityFaultAnswers(IReadOnlyDictionary<int, CannedAnswer> byStatus, CannedAnswer? rateLimited, Action<HttpResponse>? everyAnswer)
        {
            _byStatus = byStatus;
            RateLimited = rateLimited;
            EveryAnswer = everyAnswer;
        }

        /// <summary>A service no capture words a fault for (Uptime Kuma, GitHub): every status alone.</summary>
        public static PersonalityFaultAnswers StatusAlone { get; } = new(new Dictionary<int, CannedAnswer>(), null, null);

        /// <summary>The body of a rate-limit fault; null: the status and Retry-After alone.</summary>
        public CannedAnswer? RateLimited { get; }

        /// <summary>Headers the service puts on every answer, faults included (OpenAI's x-request-id).</summary>
        public Action<HttpResponse>? EveryAnswer { get; }

        public CannedAnswer ForStatus(int status) =>
            _byStatus.TryGetValue(status, out CannedAnswer? answer) ? answer : CannedAnswer.Empty(status);

        /// <summary>The fault answers of the personality of that name (IPersonality.Name).</summary>
        public static IReadOnlyDictionary<string, PersonalityFaultAnswers> Build(FixtureCatalog fixtures, CannedAnswer cloudflareBadGateway)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            var newApi = new PersonalityFaultAnswers(
                new Dictionary<int, CannedAnswer>(),
                // Both new-api eras word an upstream 429 alike (NEW-429-group-saturated).
                fixtures.Answer("NEW-429-group-saturated"),
                null);
            return new Dictionary<string, PersonalityFaultAnswers>(StringComparer.Ordinal)
            {
                ["chatanywhere"] = new(
                    new Dictionary<int, CannedAnswer>
                    {
                        [StatusCodes.Status500InternalServerError] = fixtures.Answer("CA-500-null-message-2024"),
                        [StatusCodes.Status502BadGateway] = fixtures.Answer("CA-502-cf-bad-gateway-2023"),
                        [StatusCodes.Status503ServiceUnavailable] = fixtures.Answer("CA-503-no-response"),
                    },
                    // No ChatAnywhere 429 with Retry-After was captured (CA-429-readme-rate-limited-2023 has no body).
                    null,
                    null),
                ["openai"] = new(
                    new Dictionary<int, CannedAnswer>
                    {
                        [StatusCodes.Status500InternalServerError] = fixtures.Answer("OA-500-server-error"),
                        // api.openai.com answers through Cloudflare (OA-429-billing-not-active's headers): its gateway page.
                        [StatusCodes.Status502BadGateway] = cloudflareBadGateway,
                    },
                    fixtures.Answer("OA-429-rate-limit-rpm"),
                    OpenAIPersonality.StampRequestId),
                // one-api's captured 503s are about one model (ONE-503-no-channel-gpt5), not the service: a 503 fault
                // comes alone. Its global rate limiter answers 429 without a body (ONE-429-global-rate-limit-empty).
                ["one-api"] = StatusAlone,
                ["new-api"] = newApi,
                ["new-api-2025"] = newApi,
            };
        }
    }
}
