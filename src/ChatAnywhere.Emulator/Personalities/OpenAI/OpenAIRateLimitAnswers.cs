using System;
using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Limits;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.OpenAI
{
    /// <summary>
    /// OpenAI's rate-limit headers on every chat answer, and its 429 rate_limit_exceeded refusals
    /// (docs/reference/openai-rate-limits.md; OA-429-rate-limit-rpm, OA-429-rate-limit-tpm, OA-429-request-too-large-tpm).
    /// </summary>
    public static class OpenAIRateLimitAnswers
    {
        /// <summary>The emulator's own organization id, where OpenAI names the key's organization.</summary>
        public const string Organization = "org-EmulatorOrganization00000";

        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The six documented x-ratelimit-* headers.</summary>
        public static void WriteHeaders(HttpResponse response, RateLimitHeaders headers)
        {
            ArgumentNullException.ThrowIfNull(response);
            ArgumentNullException.ThrowIfNull(headers);
            response.Headers["x-ratelimit-limit-requests"] = Number(headers.LimitRequests);
            response.Headers["x-ratelimit-limit-tokens"] = Number(headers.LimitTokens);
            response.Headers["x-ratelimit-remaining-requests"] = Number(headers.RemainingRequests);
            response.Headers["x-ratelimit-remaining-tokens"] = Number(headers.RemainingTokens);
            response.Headers["x-ratelimit-reset-requests"] = GoDuration.Format(headers.ResetRequests);
            response.Headers["x-ratelimit-reset-tokens"] = GoDuration.Format(headers.ResetTokens);
        }

        /// <summary>
        /// The refusal in the captures' words and field order (message, type, param, code), the figures filled in:
        /// type "requests" or "tokens", code rate_limit_exceeded.
        /// </summary>
        public static CannedAnswer Refusal(RateLimitDecision decision, string model)
        {
            ArgumentNullException.ThrowIfNull(decision);
            bool requests = decision.LimitedOn == RateLimitKind.Requests;
            string per = requests ? "requests per min (RPM)" : "tokens per min (TPM)";
            string message = decision.TooLarge
                ? FormattableString.Invariant(
                    $"Request too large for {model} in organization {Organization} on {per}: Limit {decision.Limit}, Requested {decision.Requested}. The input or output tokens must be reduced in order to run successfully. Visit https://platform.openai.com/account/rate-limits to learn more.")
                : FormattableString.Invariant(
                    $"Rate limit reached for {model} in organization {Organization} on {per}: Limit {decision.Limit}, Used {decision.Used}, Requested {decision.Requested}. Please try again in {GoDuration.Format(decision.RetryAfter)}. Visit https://platform.openai.com/account/rate-limits to learn more.");
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("message", message);
                writer.WriteString("type", requests ? "requests" : "tokens");
                writer.WriteNull("param");
                writer.WriteString("code", "rate_limit_exceeded");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return new CannedAnswer(StatusCodes.Status429TooManyRequests, "application/json", buffer.WrittenSpan.ToArray());
        }

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
