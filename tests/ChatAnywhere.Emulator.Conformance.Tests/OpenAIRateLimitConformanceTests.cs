using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Threading.Tasks;
using OpenAI.Chat;
using Xunit;

namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>
    /// OpenAI's per-minute limits as the official client meets them: the x-ratelimit-* headers on every chat,
    /// then the 429 rate_limit_exceeded refusal in the captures' words (docs/reference/openai-rate-limits.md).
    /// </summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class OpenAIRateLimitConformanceTests(EmulatorProcess emulator)
    {
        private const string TwoPerMinuteKey = "sk-proj-ConfOpenAIRpm00000000000000000000000000000000012";
        private const string RetryAfterKey = "sk-proj-ConfOpenAIRetryAfter0000000000000000000000000013";
        private const string HundredTokensKey = "sk-proj-ConfOpenAITpm00000000000000000000000000000000014";
        private const string TooLargeKey = "sk-proj-ConfOpenAITooLarge000000000000000000000000000018";

        [Fact]
        public async Task The_request_limit_counts_down_in_the_headers_then_refuses_as_OpenAI_does()
        {
            ChatClient client = Chat(TwoPerMinuteKey);
            PipelineResponse first = (await client.CompleteChatAsync([new UserChatMessage("Say hello.")])).GetRawResponse();
            PipelineResponse second = (await client.CompleteChatAsync([new UserChatMessage("Say hello.")])).GetRawResponse();
            Assert.Equal("2", Header(first, "x-ratelimit-limit-requests"));
            Assert.Equal("1", Header(first, "x-ratelimit-remaining-requests"));
            Assert.Equal("0", Header(second, "x-ratelimit-remaining-requests"));
            Assert.Matches("^[0-9.]+(ms|s)$|^[0-9]+m[0-9.]+s$", Header(second, "x-ratelimit-reset-requests"));
            Assert.Equal("150000", Header(second, "x-ratelimit-limit-tokens"));

            ClientResultException refusal = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("Say hello.")]));
            Assert.Equal(429, refusal.Status);
            Assert.StartsWith("HTTP 429 (requests: rate_limit_exceeded)", refusal.Message, StringComparison.Ordinal);
            string message = refusal.Message[(refusal.Message.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
            // The capture's sentence with its figures, model and organization free (OA-429-rate-limit-rpm).
            Assert.Matches(CapturedMessage.PatternOf("OA-429-rate-limit-rpm"), message);
            Assert.Contains("Limit 2, Used 2, Requested 1.", message, StringComparison.Ordinal);
            PipelineResponse refused = refusal.GetRawResponse()!;
            Assert.Equal("0", Header(refused, "x-ratelimit-remaining-requests"));
            Assert.StartsWith("req_", Header(refused, "x-request-id"), StringComparison.Ordinal);
            // No capture shows retry-after on this refusal: not sent unless the key asks for it.
            Assert.False(refused.Headers.TryGetValue("retry-after", out _));
        }

        [Fact]
        public async Task A_key_that_asks_for_it_gets_retry_after_with_the_refusal()
        {
            ChatClient client = Chat(RetryAfterKey);
            await client.CompleteChatAsync([new UserChatMessage("Say hello.")]);
            ClientResultException refusal = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("Say hello.")]));
            // One request a minute: a whole request comes back within 60 s.
            Assert.True(refusal.GetRawResponse()!.Headers.TryGetValue("retry-after", out string? retryAfter));
            Assert.InRange(int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        }

        [Fact]
        public async Task The_token_limit_refuses_a_chat_that_asks_for_more_than_is_left()
        {
            ChatClient client = Chat(HundredTokensKey);
            var options = new ChatCompletionOptions { MaxOutputTokenCount = 60 };
            await client.CompleteChatAsync([new UserChatMessage("Say hello.")], options);
            ClientResultException refusal = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("Say hello.")], options));
            Assert.Equal(429, refusal.Status);
            // OA-429-rate-limit-tpm: type "tokens", the TPM sentence.
            Assert.StartsWith("HTTP 429 (tokens: rate_limit_exceeded)", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("on tokens per min (TPM): Limit 100, Used ", refusal.Message, StringComparison.Ordinal);
            Assert.Contains(". Please try again in ", refusal.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_request_over_the_whole_token_limit_is_too_large_takes_nothing_and_gets_no_retry_after()
        {
            ChatClient client = Chat(TooLargeKey);
            ClientResultException refusal = await Assert.ThrowsAsync<ClientResultException>(
                () => client.CompleteChatAsync([new UserChatMessage("Say hello.")], new ChatCompletionOptions { MaxOutputTokenCount = 500 }));
            Assert.Equal(429, refusal.Status);
            Assert.StartsWith("HTTP 429 (tokens: rate_limit_exceeded)", refusal.Message, StringComparison.Ordinal);
            string message = refusal.Message[(refusal.Message.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
            // The capture's sentence (OA-429-request-too-large-tpm); no wait is named, so none is sent even when asked for.
            Assert.Matches(CapturedMessage.PatternOf("OA-429-request-too-large-tpm"), message);
            Assert.Contains("Limit 100, Requested 503.", message, StringComparison.Ordinal);
            PipelineResponse refused = refusal.GetRawResponse()!;
            Assert.False(refused.Headers.TryGetValue("retry-after", out _));
            // OA-429-request-too-large-headers: the refused request took nothing.
            Assert.Equal("100", Header(refused, "x-ratelimit-remaining-tokens"));
            await client.CompleteChatAsync([new UserChatMessage("Say hello.")]);
        }

        private ChatClient Chat(string key) => new("gpt-4o-mini", new ApiKeyCredential(key), emulator.ClientOptions("openai/v1"));

        private static string Header(PipelineResponse response, string name) => ResponseHeaders.Get(response, name);
    }
}
