using System;
using System.Buffers;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Http;
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

        public static CannedAnswer ModelList { get; } = BuildModelList(only: null);

        /// <summary>True for a model the emulator lists (GET /v1/models).</summary>
        public static bool IsListed(string model) => Array.Exists(Models, m => string.Equals(m.Id, model, StringComparison.Ordinal));

        /// <summary>The model list cut to a comma list (a relay token's model limit); null: all of them.</summary>
        public static CannedAnswer ModelListLimitedTo(string? commaList) =>
            commaList is null ? ModelList : BuildModelList([.. commaList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]);

        /// <summary>A served completion: streamed when the request asked for "stream": true, else one JSON body.</summary>
        public static IAnswer Served(DataPlaneRequest request, ChatRequestSummary summary, bool chat, StreamDialect dialect, byte[]? okErrorFrame = null)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(summary);
            return summary.Stream
                ? new StreamedCompletion(request, summary, chat, dialect, okErrorFrame)
                : Completion(summary, request.ReceivedAt, chat);
        }

        private static CannedAnswer Completion(ChatRequestSummary summary, DateTimeOffset now, bool chat)
        {
            CompletionReply reply = CompletionReply.For(summary, now, chat);
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("id", reply.Id);
                writer.WriteString("object", chat ? "chat.completion" : "text_completion");
                writer.WriteNumber("created", reply.Created);
                writer.WriteString("model", reply.Model);
                writer.WriteStartArray("choices");
                writer.WriteStartObject();
                writer.WriteNumber("index", 0);
                if (chat)
                {
                    writer.WriteStartObject("message");
                    writer.WriteString("role", "assistant");
                    writer.WriteString("content", reply.Text);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteString("text", reply.Text);
                }

                writer.WriteNull("logprobs");
                writer.WriteString("finish_reason", reply.FinishReason);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteStartObject("usage");
                writer.WriteNumber("prompt_tokens", reply.PromptTokens);
                writer.WriteNumber("completion_tokens", reply.CompletionTokens);
                writer.WriteNumber("total_tokens", reply.TotalTokens);
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
