using System;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Diagnosis
{
    /// <summary>Every corpus answer with a status must classify to its verdict (or its accepted alternative).</summary>
    public sealed class FixtureClassificationTests
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 48, 0, TimeSpan.Zero);

        // The fixtures' sub_verdict names and the module's Reason values that stand for them.
        private static readonly Dictionary<string, VerdictReason> ReasonFor = new()
        {
            ["FreeTierModel"] = VerdictReason.FreeTierModel,
            ["FreeTierPromptTokenLimit"] = VerdictReason.PromptTokenLimit,
            ["DailyLimit"] = VerdictReason.DailyLimit,
            ["DailyLimitPerModel"] = VerdictReason.DailyLimitPerModel,
            ["BalanceTooLow"] = VerdictReason.BalanceTooLow,
            ["BalanceTooLowForMaxTokens"] = VerdictReason.BalanceTooLow,
            ["Suspended"] = VerdictReason.Suspended,
            ["UpstreamAccountExhausted"] = VerdictReason.UpstreamAccountExhausted,
            ["NoUpstreamResponse"] = VerdictReason.NoUpstreamResponse,
            ["ContentPolicy"] = VerdictReason.ContentPolicy,
            ["RelayKeySentToOpenAI"] = VerdictReason.RelayKeySentToOpenAI,
            ["NoKeyProvided"] = VerdictReason.NoKeyReceived,
            ["Terminated"] = VerdictReason.Terminated,
            ["AccountDeactivated"] = VerdictReason.AccountDeactivated,
            ["UpstreamSaturated"] = VerdictReason.UpstreamSaturated,
            ["UpstreamAccountProblem"] = VerdictReason.UpstreamAccountProblem,
            ["UpstreamRegionBlocked"] = VerdictReason.Region,
            ["ManagementAuthFailed"] = VerdictReason.ManagementAuthFailed,
            ["NoChannelForModel"] = VerdictReason.NoChannelForModel,
            ["ManagementAuthHeader"] = VerdictReason.ManagementAuthHeader,
            ["AuthHeaderMalformed"] = VerdictReason.AuthHeaderMalformed,
        };

        public static IEnumerable<object[]> FixturesWithStatus() =>
            CapturedFixture.All.Where(f => f.Status is not null).Select(f => new object[] { f.Id });

        public static IEnumerable<object[]> FixturesWithExpectedReason() =>
            CapturedFixture.All.Where(f => f.Status is not null && f.ExpectedReason is not null).Select(f => new object[] { f.Id });

        public static IEnumerable<object[]> FixturesWithStatusAndMappedReason() =>
            CapturedFixture.All.Where(f => f.Status is not null && f.SubVerdict is not null && ReasonFor.ContainsKey(f.SubVerdict.Split(' ')[0]))
                .Select(f => new object[] { f.Id });

        [Theory]
        [MemberData(nameof(FixturesWithStatus))]
        public void Fixture_classifies_to_its_expected_verdict(string fixtureId)
        {
            var fixture = CapturedFixture.ById(fixtureId);

            var classification = fixture.ClassifyWithStatus(fixture.Status!.Value);

            Assert.Contains(classification.Verdict.ToString(), fixture.AcceptedVerdicts);
        }

        [Theory]
        [MemberData(nameof(FixturesWithExpectedReason))]
        public void Fixture_gets_its_expected_reason(string fixtureId)
        {
            var fixture = CapturedFixture.ById(fixtureId);

            var classification = fixture.ClassifyWithStatus(fixture.Status!.Value);

            // The reason belongs to the expected verdict; a row answered with its alternative verdict is not held to it.
            if (classification.Verdict.ToString() == fixture.ExpectedVerdict)
            {
                Assert.Equal(fixture.ExpectedReason, classification.Reason.ToString());
            }
        }

        [Theory]
        [MemberData(nameof(FixturesWithStatusAndMappedReason))]
        public void Fixture_gets_the_reason_its_capture_suggests(string fixtureId)
        {
            var fixture = CapturedFixture.ById(fixtureId);

            var classification = fixture.ClassifyWithStatus(fixture.Status!.Value);

            Assert.Equal(ReasonFor[fixture.SubVerdict!.Split(' ')[0]], classification.Reason);
        }

        [Fact]
        public void At_least_forty_fixtures_have_a_status()
        {
            Assert.True(FixturesWithStatus().Count() >= 40, "the fixture file lost entries");
        }

        [Theory]
        [InlineData("CA-503-no-response", BackendKind.ChatAnywhere)]
        [InlineData("CA-429-free-200-per-day", BackendKind.ChatAnywhere)]
        [InlineData("CA-502-cf-bad-gateway-2023", BackendKind.ChatAnywhere)]
        [InlineData("OA-401-incorrect-key-ca-key-2023", BackendKind.OpenAI)]
        [InlineData("ONE-403-insufficient-user-quota-observed", BackendKind.OneApi)]
        [InlineData("NEW-429-group-saturated", BackendKind.NewApi)]
        [InlineData("NEW-403-insufficient-user-quota", BackendKind.NewApi)]
        [InlineData("CF-502-bad-gateway", BackendKind.Cloudflare)]
        [InlineData("CF-403-challenge-measured", BackendKind.Cloudflare)]
        public void Fixture_backend_is_recognised_from_the_answer(string fixtureId, BackendKind expected)
        {
            var fixture = CapturedFixture.ById(fixtureId);

            var classification = fixture.ClassifyWithStatus(fixture.Status!.Value);

            Assert.Equal(expected, classification.Backend);
        }

        [Theory]
        [InlineData("ANT-401-invalid-x-api-key", BackendKind.Anthropic, null)]
        [InlineData("GEM-400-api-key-invalid-openai-compat-list", BackendKind.Google, null)]
        [InlineData("AZ-401-invalid-subscription-key-openai-key", BackendKind.AzureOpenAI, null)]
        [InlineData("DS-401-authentication-fails-key-suffix", BackendKind.DeepSeek, null)]
        [InlineData("MOON-403-exceeded-current-quota", BackendKind.Moonshot, null)]
        [InlineData("GLM-400-1211-model-not-exist-anthropic-shape", BackendKind.Zhipu, null)]
        [InlineData("QWEN-401-invalid-api-key-native", BackendKind.DashScope, null)]
        [InlineData("SF-400-20012-model-does-not-exist", BackendKind.SiliconFlow, null)]
        [InlineData("GROQ-401-invalid-api-key-with-cf-headers", BackendKind.Groq, null)]
        [InlineData("XAI-404-no-handler-found-on-route", BackendKind.XAI, null)]
        [InlineData("MIS-429-rate-limited-code-1300", BackendKind.Mistral, null)]
        [InlineData("OR-400-provider-returned-error-raw-openai", BackendKind.OpenRouter, BackendKind.OpenAI)]
        [InlineData("ONE-401-upstream-invalid-key-passthrough", BackendKind.OneApi, BackendKind.OpenAI)]
        [InlineData("GROQ-400-organization-restricted-via-one-api", BackendKind.OneApi, BackendKind.Groq)]
        [InlineData("GW-401-kong-no-api-key", BackendKind.ApiGateway, null)]
        [InlineData("GW-401-litellm-valid-token-none", BackendKind.ApiGateway, null)]
        [InlineData("PROXY-403-akamai-access-denied-reference", BackendKind.Waf, null)]
        [InlineData("PROXY-403-aws-waf-json-forbidden-exception", BackendKind.Waf, null)]
        [InlineData("PROXY-403-zscaler-block-page", BackendKind.FilteringProxy, null)]
        [InlineData("WEB-403-apache-forbidden-rendered", BackendKind.WebServer, null)]
        [InlineData("WEB-404-nginx-chatanywhere-wrong-path", BackendKind.ChatAnywhere, null)]
        [InlineData("CF-403-1010-plain-text", BackendKind.Cloudflare, null)]
        [InlineData("CF-522-json-problem-details", BackendKind.Cloudflare, null)]
        public void Who_answered_is_named_and_the_provider_a_relay_passed_on(string fixtureId, BackendKind backend, BackendKind? upstream)
        {
            var fixture = CapturedFixture.ById(fixtureId);

            var classification = fixture.ClassifyWithStatus(fixture.Status!.Value);

            Assert.Equal(backend, classification.Backend);
            Assert.Equal(upstream, classification.Upstream);
        }

        [Fact]
        public void Nine_answers_in_ten_name_who_answered()
        {
            var rows = CapturedFixture.All.Where(f => f.Status is not null).ToList();

            var named = rows.Count(f => f.ClassifyWithStatus(f.Status!.Value).Backend != BackendKind.Unknown);

            Assert.True(named >= rows.Count * 9 / 10, $"{named} of {rows.Count} named");
        }

        [Fact]
        public void Relay_key_at_OpenAI_is_wrong_endpoint_but_OpenAI_key_is_invalid_for_the_same_answer()
        {
            // OA-401-incorrect-key-ca-key-2023: the verdict depends on the key that was sent.
            var fixture = CapturedFixture.ById("OA-401-incorrect-key-ca-key-2023");
            var response = new ProbeResponse(401, fixture.WireBody, contentType: "application/json");

            var relay = ResponseClassifier.Classify(response, new ProbeContext(KeyShape.Relay, EndpointKind.OpenAI, "https://api.openai.com"), Now);
            var openAI = ResponseClassifier.Classify(response, new ProbeContext(KeyShape.OpenAIProject, EndpointKind.OpenAI, "https://api.openai.com"), Now);

            Assert.Equal(KeyVerdict.WrongEndpoint, relay.Verdict);
            Assert.Contains(relay.Recommendation, line => line.Contains(KnownHosts.DefaultBaseUri, StringComparison.Ordinal));
            Assert.Equal(KeyVerdict.InvalidKey, openAI.Verdict);
        }

        [Fact]
        public void Daily_limit_is_not_retried_and_says_when_it_resets()
        {
            // CA-429-free-200-per-day at 10:48 UTC (18:48 in Shanghai): resets at 16:00 UTC, 5 h 12 min later.
            var classification = CapturedFixture.ById("CA-429-free-200-per-day").ClassifyWithStatus(429);

            Assert.False(classification.IsRetryable);
            Assert.Equal(TimeSpan.FromMinutes(5 * 60 + 12), classification.RetryAfter);
            Assert.Contains(classification.Recommendation, line => line.Contains("00:00 Asia/Shanghai (16:00 UTC), in 5 h 12 min", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("CA-503-no-response")]
        [InlineData("CF-502-bad-gateway")]
        [InlineData("CA-502-cf-bad-gateway-2023")]
        public void Transient_faults_are_retryable_and_never_invalid_key(string fixtureId)
        {
            var fixture = CapturedFixture.ById(fixtureId);

            var classification = fixture.ClassifyWithStatus(fixture.Status!.Value);

            Assert.True(classification.IsRetryable);
            Assert.NotEqual(KeyVerdict.InvalidKey, classification.Verdict);
        }

        [Fact]
        public void A_403_with_the_invalid_key_words_is_still_not_an_invalid_key()
        {
            var response = new ProbeResponse(403, CapturedFixture.ById("CA-401-invalid-key-fixture").WireBody, contentType: "application/json");

            var classification = ResponseClassifier.Classify(response, new ProbeContext(KeyShape.Relay, EndpointKind.Other, "https://relay.example.test"), Now);

            Assert.NotEqual(KeyVerdict.InvalidKey, classification.Verdict);
        }

        [Fact]
        public void Error_type_alone_proves_nothing()
        {
            // Operators rename error.type (anchors-keycheck.md): a chatanywhere_error type with a 503 is still a service fault.
            var response = new ProbeResponse(503, "{\"error\":{\"message\":\"busy\",\"type\":\"chatanywhere_error\",\"code\":\"503 SERVICE_UNAVAILABLE\"}}");

            var classification = ResponseClassifier.Classify(response, new ProbeContext(KeyShape.Relay, EndpointKind.ChatAnywhere, KnownHosts.DefaultBaseUri), Now);

            Assert.Equal(KeyVerdict.ServiceUnavailable, classification.Verdict);
        }

        [Fact]
        public void Redirect_is_reported_with_its_location_and_not_retried()
        {
            var response = new ProbeResponse(301, string.Empty, new Dictionary<string, string> { ["Location"] = "https://example.test/login" });

            var classification = ResponseClassifier.Classify(response, new ProbeContext(KeyShape.Relay, EndpointKind.Other, "https://relay.example.test"), Now);

            Assert.Equal(KeyVerdict.WrongEndpoint, classification.Verdict);
            Assert.Equal(VerdictReason.Redirected, classification.Reason);
            Assert.Contains(classification.Diagnosis, line => line.Contains("https://example.test/login", StringComparison.Ordinal));
            Assert.False(classification.IsRetryable);
        }

        [Fact]
        public void Every_rule_cites_evidence()
        {
            Assert.All(DiagnosisRules.All, rule => Assert.NotEmpty(rule.Evidence));
        }
    }
}
