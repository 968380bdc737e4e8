using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Shared
{
    /// <summary>Reads an OpenAI-style completion request body, capped, and keeps only what is needed.</summary>
    public static class ChatRequestReader
    {
        /// <summary>Far above any prompt the free tier's 4096 tokens allow, small enough to hold in memory.</summary>
        public const int MaxBodyBytes = 8 * 1024 * 1024;

        private static readonly ChatRequestSummary NotJson = new(IsJson: false, TooLarge: false, null, 0, null);
        private static readonly ChatRequestSummary OverCap = new(IsJson: false, TooLarge: true, null, 0, null);

        public static async Task<ChatRequestSummary> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            using BoundedBody body = await BoundedBodyReader.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            if (body.TooLarge)
            {
                return OverCap;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(body.Content);
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return NotJson;
                }

                string? model = root.TryGetProperty("model", out JsonElement modelElement) && modelElement.ValueKind == JsonValueKind.String
                    ? modelElement.GetString()
                    : null;
                long characters = 0;
                if (root.TryGetProperty("messages", out JsonElement messages) && messages.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement message in messages.EnumerateArray())
                    {
                        if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out JsonElement content))
                        {
                            characters += TextLength(content);
                        }
                    }
                }

                if (root.TryGetProperty("prompt", out JsonElement prompt))
                {
                    characters += TextLength(prompt);
                }

                bool stream = root.TryGetProperty("stream", out JsonElement streamElement) && streamElement.ValueKind == JsonValueKind.True;
                bool includeUsage = stream
                    && root.TryGetProperty("stream_options", out JsonElement options) && options.ValueKind == JsonValueKind.Object
                    && options.TryGetProperty("include_usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.True;
                return new ChatRequestSummary(IsJson: true, TooLarge: false, model, characters, ReadMaxTokens(root), stream, includeUsage);
            }
            catch (JsonException)
            {
                return NotJson;
            }
        }

        /// <summary>A string, or an array of strings or content parts ({"type":"text","text":...}).</summary>
        private static long TextLength(JsonElement content)
        {
            switch (content.ValueKind)
            {
                case JsonValueKind.String:
                    return content.GetString()!.Length;
                case JsonValueKind.Array:
                    long total = 0;
                    foreach (JsonElement part in content.EnumerateArray())
                    {
                        if (part.ValueKind == JsonValueKind.String)
                        {
                            total += part.GetString()!.Length;
                        }
                        else if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
                        {
                            total += text.GetString()!.Length;
                        }
                    }

                    return total;
                default:
                    return 0;
            }
        }

        private static int? ReadMaxTokens(JsonElement root)
        {
            foreach (string name in (ReadOnlySpan<string>)["max_tokens", "max_completion_tokens"])
            {
                if (root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int tokens))
                {
                    return tokens;
                }
            }

            return null;
        }
    }
}
