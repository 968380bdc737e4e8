using System;
using System.Collections.Generic;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Management
{
    /// <summary>
    /// A token as a relay's management API shows it (relay-admin-api.md §2, field tables), with its
    /// fields kept as they came so a replacement can carry them over unchanged.
    /// </summary>
    internal sealed class RelayToken
    {
        /// <summary>Status 1: the token works.</summary>
        public const int StatusEnabled = 1;

        /// <summary>Status 2: the token was disabled.</summary>
        public const int StatusDisabled = 2;

        // Masked keys look like "abcd**********wxyz" (new-api/current MaskTokenKey).
        private const char MaskCharacter = '*';

        private RelayToken(long id, string name, string? key, int status, IReadOnlyDictionary<string, object?> fields)
        {
            Id = id;
            Name = name;
            Key = key;
            Status = status;
            Fields = fields;
        }

        /// <summary>The relay's id.</summary>
        public long Id { get; }

        /// <summary>The token's name.</summary>
        public string Name { get; }

        /// <summary>The whole key with its sk- prefix, or null when the relay showed it masked or not at all.</summary>
        public string? Key { get; }

        /// <summary>1 enabled, 2 disabled, 3 expired, 4 exhausted.</summary>
        public int Status { get; }

        /// <summary>Every field as the relay sent it.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }

        /// <summary>True when the relay showed the key masked: it must be revealed (POST /api/token/{id}/key).</summary>
        public bool KeyIsMasked => Key is null;

        /// <summary>The key for display: masked by this module, or as the relay masked it.</summary>
        public string MaskedKey => Key is not null
            ? KeyMask.Mask(Key)
            : JsonLite.Text(Fields, "key") is string shown && shown.Length > 0 ? "sk-" + shown : KeyMask.Hidden;

        /// <summary>Reads one token object; null when it has no numeric id.</summary>
        public static RelayToken? FromJson(object? value)
        {
            if (value is not Dictionary<string, object?> fields || JsonLite.Member(fields, "id") is not double id)
            {
                return null;
            }

            var status = JsonLite.Member(fields, "status") is double s ? (int)s : 0;
            return new RelayToken((long)id, JsonLite.Text(fields, "name") ?? string.Empty, WholeKey(JsonLite.Text(fields, "key")), status, fields);
        }

        /// <summary>The key a relay stores (without sk-) in the form clients send, or null when masked.</summary>
        public static string? WholeKey(string? stored)
        {
            if (string.IsNullOrEmpty(stored) || stored!.IndexOf(MaskCharacter) >= 0)
            {
                return null;
            }

            // Keys are stored without sk- and shown with it (relay-admin-api.md §2, one-api GenerateKey).
            return stored.StartsWith("sk-", StringComparison.Ordinal) ? stored : "sk-" + stored;
        }

        /// <summary>True when this token's key, whole or masked, is <paramref name="key"/>.</summary>
        public bool HasKey(string key)
        {
            if (Key is not null)
            {
                return string.Equals(Key, key, StringComparison.Ordinal);
            }

            // A masked key keeps the first and last 4 characters of the stored key; the search that
            // returned it filtered on the whole key, so the ends are enough to confirm the match.
            var shown = JsonLite.Text(Fields, "key");
            var stored = key.StartsWith("sk-", StringComparison.Ordinal) ? key.Substring(3) : key;
            if (string.IsNullOrEmpty(shown) || stored.Length < 8)
            {
                return false;
            }

            var first = shown!.IndexOf(MaskCharacter);
            var last = shown.LastIndexOf(MaskCharacter);
            return first >= 0 &&
                stored.StartsWith(shown.Substring(0, first), StringComparison.Ordinal) &&
                stored.EndsWith(shown.Substring(last + 1), StringComparison.Ordinal);
        }

        /// <inheritdoc />
        public override string ToString() => $"'{Name}' (#{Id})";
    }
}
