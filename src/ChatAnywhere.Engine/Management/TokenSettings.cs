using System;
using System.Collections.Generic;
using System.Globalization;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Management
{
    /// <summary>
    /// The settings a replacement token takes over from the old one, in the relay's own field
    /// names and values (relay-admin-api.md §2, "Request fields").
    /// </summary>
    internal static class TokenSettings
    {
        // Both backends' request fields. Response-only fields (id, key, status, used_quota, times)
        // are left out: the relay sets them. Fields a backend does not send are not sent back.
        private static readonly string[] CarriedOver =
        {
            "expired_time", "remain_quota", "unlimited_quota",
            "models", "subnet", // one-api
            "model_limits_enabled", "model_limits", "allow_ips", "group", "cross_group_retry", "auto_groups", // new-api
        };

        /// <summary>A create or update body: the old token's settings under <paramref name="name"/>.</summary>
        public static Dictionary<string, object?> Copy(RelayToken token, string name, long? id = null)
        {
            if (token is null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            var body = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (id is long known)
            {
                body["id"] = known;
            }

            body["name"] = name;
            foreach (var field in CarriedOver)
            {
                if (token.Fields.TryGetValue(field, out var value))
                {
                    body[field] = value;
                }
            }

            return body;
        }

        /// <summary>The settings in words, for -WhatIf and Verbose.</summary>
        public static string Describe(RelayToken token)
        {
            if (token is null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            var parts = new List<string>
            {
                JsonLite.Member(token.Fields, "unlimited_quota") is true
                    ? "unlimited quota"
                    : $"quota {JsonLite.Text(token.Fields, "remain_quota") ?? "unknown"}",
                JsonLite.Member(token.Fields, "expired_time") is double expires && expires > 0
                    ? "expires " + DateTimeOffset.FromUnixTimeSeconds((long)expires).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
                    : "never expires",
            };
            AddList(parts, "models", Text(token, "models") ?? (JsonLite.Member(token.Fields, "model_limits_enabled") is true ? Text(token, "model_limits") : null));
            AddList(parts, "allowed IPs", Text(token, "subnet") ?? Text(token, "allow_ips"));
            AddList(parts, "group", Text(token, "group"));
            return string.Join(", ", parts);
        }

        private static string? Text(RelayToken token, string field)
        {
            var text = JsonLite.Text(token.Fields, field);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        private static void AddList(List<string> parts, string label, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{label} {value.Replace("\n", ",").Replace("\r", string.Empty)}");
            }
        }
    }
}
