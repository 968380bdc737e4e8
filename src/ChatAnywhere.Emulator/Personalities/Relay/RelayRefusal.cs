using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatAnywhere.Emulator.Fixtures;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// A data-plane refusal before it is written: status, message and (new-api now) the error code.
    /// <see cref="Answer"/> writes it as the relays' abortWithMessage / abortWithOpenAiMessage do
    /// (relay-admin-api.md §7): gin.H maps, so keys sorted (code, message, type); the message followed by
    /// " (request id: …)"; gin's JSON content type.
    /// </summary>
    public sealed record RelayRefusal(int Status, string Message, string Code = "")
    {
        /// <summary>What gin's c.JSON sends as Content-Type.</summary>
        public const string GinJsonContentType = "application/json; charset=utf-8";

        private const string RequestIdSuffix = " (request id: ";

        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The refusal a fixture holds: its status and error.message, without a sample request id.</summary>
        public static RelayRefusal FromFixture(CannedAnswer fixture)
        {
            ArgumentNullException.ThrowIfNull(fixture);
            using JsonDocument document = JsonDocument.Parse(fixture.Body);
            string message = document.RootElement.GetProperty("error").GetProperty("message").GetString() ?? string.Empty;
            int suffix = message.IndexOf(RequestIdSuffix, StringComparison.Ordinal);
            return new RelayRefusal(fixture.Status, suffix < 0 ? message : message[..suffix]);
        }

        public CannedAnswer Answer(RelayFlavour flavour, string requestId)
        {
            ArgumentNullException.ThrowIfNull(flavour);
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                if (flavour.Era == RelayEra.NewApiNow)
                {
                    writer.WriteString("code", Code);
                }

                writer.WriteString("message", Message + RequestIdSuffix + requestId + ")");
                writer.WriteString("type", flavour.Dialect == RelayDialect.OneApi ? "one_api_error" : "new_api_error");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return new CannedAnswer(Status, GinJsonContentType, GoHtmlEscaped(buffer.WrittenSpan));
        }

        /// <summary>
        /// Go's encoding/json escapes &lt;, &gt; and &amp; (HTML-safe by default) but not other non-ASCII text;
        /// outside strings JSON has none of the three, so replacing them everywhere is exact.
        /// </summary>
        public static byte[] GoHtmlEscaped(ReadOnlySpan<byte> json) =>
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json)
                .Replace("<", "\\u003c", StringComparison.Ordinal)
                .Replace(">", "\\u003e", StringComparison.Ordinal)
                .Replace("&", "\\u0026", StringComparison.Ordinal));
    }
}
