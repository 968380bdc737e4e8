using System;
using System.Buffers;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using ChatAnywhere.Emulator.Fixtures;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Shared
{
    /// <summary>
    /// Success bodies in OpenAI's documented shapes (model list, chat.completion, text_completion).
    /// No ChatAnywhere success body was captured; the service is OpenAI-compatible, so these follow
    /// OpenAI's API reference. Values (ids, timestamps, reply text) are the emulator's own.
    /// </summary>
    public static class OpenAICompatibleAnswers
    {
        public const string DefaultModel = "gpt-3.5-turbo";

        private const string ReplyText = "Hello from the ChatAnywhere emulator.";

        /// <summary>A placeholder creation time: the real values were not captured.</summary>
        private const long ModelCreated = 1_700_000_000;

        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly (string Id, string Owner)[] Models =
        [
            ("gpt-3.5-turbo", "openai"),
            ("gpt-4", "openai"),
            ("gpt-4o", "openai"),
            ("gpt-4o-mini", "openai"),
            ("deepseek-v3", "deepseek"),
            ("deepseek-r1", "deepseek"),
        ];

        private static long _completionCounter;

        public static CannedAnswer ModelList { get; } = BuildModelList(only: null);

        /// <summary>True for a model the emulator lists (GET /v1/models).</summary>
        public static bool IsListed(string model) => Array.Exists(Models, m => string.Equals(m.Id, model, StringComparison.Ordinal));

        /// <summary>The model list cut to a comma list (a relay token's model limit); null: all of them.</summary>
        public static CannedAnswer ModelListLimitedTo(string? commaList) =>
            commaList is null ? ModelList : BuildModelList([.. commaList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]);

        public static CannedAnswer ChatCompletion(string? model, ChatRequestSummary summary, DateTimeOffset now) =>
            Completion(model, summary, now, chat: true);

        public static CannedAnswer TextCompletion(string? model, ChatRequestSummary summary, DateTimeOffset now) =>
            Completion(model, summary, now, chat: false);

        private static CannedAnswer Completion(string? model, ChatRequestSummary summary, DateTimeOffset now, bool chat)
        {
            // max_tokens cuts the reply (4 characters a token) and makes finish_reason "length", as OpenAI does.
            string text = ReplyText;
            int completionTokens = (text.Length + 3) / 4;
            string finishReason = "stop";
            if (summary.MaxTokens is int maxTokens && maxTokens < completionTokens)
            {
                completionTokens = Math.Max(maxTokens, 0);
                text = text[..Math.Min(text.Length, completionTokens * 4)];
                finishReason = "length";
            }

            long promptTokens = Math.Max(summary.EstimatedPromptTokens, 1);
            long sequence = Interlocked.Increment(ref _completionCounter);
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("id", (chat ? "chatcmpl-emu" : "cmpl-emu") + sequence.ToString("D12", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("object", chat ? "chat.completion" : "text_completion");
                writer.WriteNumber("created", now.ToUnixTimeSeconds());
                writer.WriteString("model", model ?? DefaultModel);
                writer.WriteStartArray("choices");
                writer.WriteStartObject();
                writer.WriteNumber("index", 0);
                if (chat)
                {
                    writer.WriteStartObject("message");
                    writer.WriteString("role", "assistant");
                    writer.WriteString("content", text);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteString("text", text);
                }

                writer.WriteNull("logprobs");
                writer.WriteString("finish_reason", finishReason);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteStartObject("usage");
                writer.WriteNumber("prompt_tokens", promptTokens);
                writer.WriteNumber("completion_tokens", completionTokens);
                writer.WriteNumber("total_tokens", promptTokens + completionTokens);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return new CannedAnswer(StatusCodes.Status200OK, "application/json", buffer.WrittenSpan.ToArray());
        }

        private static CannedAnswer BuildModelList(string[]? only)
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("object", "list");
                writer.WriteStartArray("data");
                foreach ((string id, string owner) in Models)
                {
                    if (only is not null && !only.Contains(id, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("object", "model");
                    writer.WriteNumber("created", ModelCreated);
                    writer.WriteString("owned_by", owner);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return new CannedAnswer(StatusCodes.Status200OK, "application/json", buffer.WrittenSpan.ToArray());
        }
    }
}
