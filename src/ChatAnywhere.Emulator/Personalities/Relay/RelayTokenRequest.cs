using System;
using System.Text.Json;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// Reads the JSON body of POST and PUT /api/token/ the way Go's binding does: missing or null
    /// members are zero values, unknown members ignored, a member of the wrong type fails the request.
    /// </summary>
    public sealed class RelayTokenRequest
    {
        private readonly JsonElement _root;

        private RelayTokenRequest(JsonElement root)
        {
            _root = root;
        }

        /// <summary>Null when the body is not a JSON object.</summary>
        public static RelayTokenRequest? Parse(ReadOnlyMemory<byte> body)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                return document.RootElement.ValueKind == JsonValueKind.Object ? new RelayTokenRequest(document.RootElement.Clone()) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The settings a create or full update sets; null when a member has the wrong type.</summary>
        public RelayTokenSettings? Settings(RelayDialect dialect)
        {
            bool read = TryString("name", out string? name)
                & TryLong("expired_time", out long expiredTime)
                & TryLong("remain_quota", out long remainQuota)
                & TryBool("unlimited_quota", out bool unlimited);
            if (dialect == RelayDialect.OneApi)
            {
                // models and subnet are *string in one-api: null stays null.
                read &= TryString("models", out string? models) & TryString("subnet", out string? subnet);
                return read
                    ? new RelayTokenSettings(name ?? string.Empty, expiredTime, remainQuota, unlimited, models, !string.IsNullOrEmpty(models), subnet, Group: null)
                    : null;
            }

            read &= TryBool("model_limits_enabled", out bool limitsEnabled)
                & TryString("model_limits", out string? limits)
                & TryString("allow_ips", out string? allowIps)
                & TryString("group", out string? group);
            return read
                ? new RelayTokenSettings(name ?? string.Empty, expiredTime, remainQuota, unlimited, limits ?? string.Empty, limitsEnabled, allowIps, group ?? string.Empty)
                : null;
        }

        /// <summary>An integer member ("id", "status"): 0 when absent or null; false when of another type.</summary>
        public bool TryInteger(string name, out int value)
        {
            value = 0;
            return !_root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null
                || (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value));
        }

        private bool TryString(string name, out string? value)
        {
            value = null;
            if (!_root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
            return value is not null;
        }

        private bool TryLong(string name, out long value)
        {
            value = 0;
            return !_root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null
                || (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value));
        }

        private bool TryBool(string name, out bool value)
        {
            value = false;
            if (!_root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            value = element.ValueKind == JsonValueKind.True;
            return element.ValueKind is JsonValueKind.True or JsonValueKind.False;
        }
    }
}
