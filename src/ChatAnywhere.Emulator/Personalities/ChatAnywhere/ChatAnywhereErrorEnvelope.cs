using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatAnywhere.Emulator.Fixtures;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// ChatAnywhere's error envelope {"error":{"message","type":"chatanywhere_error","param":null,"code"}},
    /// with a Spring-style code ("401 UNAUTHORIZED"), as in CA-429-free-200-per-day and CA-503-no-response.
    /// Used only to put a captured message under another status.
    /// </summary>
    public static class ChatAnywhereErrorEnvelope
    {
        // The captures carry Chinese text unescaped.
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string CodeFor(int status) =>
            $"{status} {ReasonPhrases.GetReasonPhrase(status).ToUpperInvariant().Replace(' ', '_')}";

        /// <summary>The error.message of a wire body in this envelope.</summary>
        public static string MessageOf(string wireBody)
        {
            using JsonDocument document = JsonDocument.Parse(wireBody);
            return document.RootElement.GetProperty("error").GetProperty("message").GetString()
                ?? throw new InvalidOperationException("The envelope has no error.message.");
        }

        public static CannedAnswer Answer(string message, int status)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("message", message);
                writer.WriteString("type", "chatanywhere_error");
                writer.WriteNull("param");
                writer.WriteString("code", CodeFor(status));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return new CannedAnswer(status, "application/json", buffer.WrittenSpan.ToArray());
        }
    }
}
