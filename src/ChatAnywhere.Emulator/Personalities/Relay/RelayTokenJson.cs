using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Keys;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// The success answers of the token API: the {"data","message","success"} envelope around a token,
    /// a page of tokens or a key, with each flavour's wire fields (relay-admin-api.md §2). The envelope is a
    /// gin.H, so Go writes its keys sorted; a token is a struct, written in field order (§7).
    /// </summary>
    public static class RelayTokenJson
    {
        // The relays send Chinese text and '+' unescaped, as Go's encoding/json does for non-HTML.
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>{"message":"","success":true}: new-api's create and every delete.</summary>
        public static CannedAnswer Done { get; } = Envelope(writeData: null);

        public static CannedAnswer Token(RelayFlavour flavour, RelayToken token, bool fullKey) =>
            Envelope(writer => WriteToken(writer, flavour, token, fullKey));

        public static CannedAnswer Key(RelayToken token) =>
            Envelope(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("key", token.Key);
                writer.WriteEndObject();
            });

        /// <summary>A plain array, or new-api's {page,page_size,total,items} when <paramref name="page"/> is given.</summary>
        public static CannedAnswer Tokens(RelayFlavour flavour, IReadOnlyList<RelayToken> items, (int Number, int Size, int Total)? page) =>
            Envelope(writer =>
            {
                if (page is { } shown)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("page", shown.Number);
                    writer.WriteNumber("page_size", shown.Size);
                    writer.WriteNumber("total", shown.Total);
                    writer.WritePropertyName("items");
                }

                writer.WriteStartArray();
                foreach (RelayToken token in items)
                {
                    WriteToken(writer, flavour, token, fullKey: !flavour.HidesKeys);
                }

                writer.WriteEndArray();
                if (page is not null)
                {
                    writer.WriteEndObject();
                }
            });

        private static CannedAnswer Envelope(Action<Utf8JsonWriter>? writeData)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                if (writeData is not null)
                {
                    writer.WritePropertyName("data");
                    writeData(writer);
                }

                writer.WriteString("message", string.Empty);
                writer.WriteBoolean("success", true);
                writer.WriteEndObject();
            }

            return new CannedAnswer(StatusCodes.Status200OK, RelayRefusal.GinJsonContentType, RelayRefusal.GoHtmlEscaped(buffer.WrittenSpan));
        }

        // Field names and order of one-api's and new-api's model.Token (relay-admin-api.md §7, "Key order").
        private static void WriteToken(Utf8JsonWriter writer, RelayFlavour flavour, RelayToken token, bool fullKey)
        {
            RelayTokenSettings settings = token.Settings;
            long created = token.CreatedAt.ToUnixTimeSeconds();
            writer.WriteStartObject();
            writer.WriteNumber("id", token.Id);
            writer.WriteNumber("user_id", token.UserId);
            writer.WriteString("key", fullKey ? token.Key : RelayKeys.Mask(token.Key));
            writer.WriteNumber("status", token.Status);
            writer.WriteString("name", settings.Name);
            writer.WriteNumber("created_time", created);
            // No data-plane use is recorded: last access is creation.
            writer.WriteNumber("accessed_time", created);
            writer.WriteNumber("expired_time", settings.ExpiredTime);
            writer.WriteNumber("remain_quota", settings.RemainQuota);
            writer.WriteBoolean("unlimited_quota", settings.UnlimitedQuota);
            if (flavour.Dialect == RelayDialect.OneApi)
            {
                writer.WriteNumber("used_quota", token.UsedQuota);
                WriteStringOrNull(writer, "models", settings.Models);
                WriteStringOrNull(writer, "subnet", settings.AllowIps);
            }
            else
            {
                writer.WriteBoolean("model_limits_enabled", settings.ModelLimitsEnabled);
                writer.WriteString("model_limits", settings.Models ?? string.Empty);
                writer.WriteString("allow_ips", settings.AllowIps ?? string.Empty);
                writer.WriteNumber("used_quota", token.UsedQuota);
                writer.WriteString("group", settings.Group ?? string.Empty);
                if (flavour.Era == RelayEra.NewApi2025)
                {
                    // gorm.DeletedAt has no json tag; a live token's is a null time.
                    writer.WriteNull("DeletedAt");
                }
            }

            writer.WriteEndObject();
        }

        private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }
    }
}
