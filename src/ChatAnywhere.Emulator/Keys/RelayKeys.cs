using System;
using System.Security.Cryptography;

namespace ChatAnywhere.Emulator.Keys
{
    /// <summary>
    /// one-api / new-api token keys: 48 letters and digits, stored without the "sk-" the UI shows
    /// (relay-admin-api.md §2: GenerateKey, GenerateRandomCharsKey(48), MaskTokenKey).
    /// </summary>
    public static class RelayKeys
    {
        public const int Length = 48;

        private const string DisplayPrefix = "sk-";
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        /// <summary>The key as the relay stores it: one leading "sk-" removed.</summary>
        public static string? ToStoredForm(string? key) =>
            key is not null && key.StartsWith(DisplayPrefix, StringComparison.Ordinal) ? key[DisplayPrefix.Length..] : key;

        public static bool IsStoredForm(string? key) =>
            key is { Length: Length } && key.AsSpan().IndexOfAnyExcept(Alphabet) < 0;

        /// <summary>What TokenAuth looks up: without "sk-", and only the part before a '-' (the rest names a channel).</summary>
        public static string FromAuthorization(string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            string key = ToStoredForm(value)!;
            int dash = key.IndexOf('-', StringComparison.Ordinal);
            return dash < 0 ? key : key[..dash];
        }

        /// <summary>new-api's MaskTokenKey: first 4, ten '*', last 4.</summary>
        public static string Mask(string storedKey)
        {
            ArgumentNullException.ThrowIfNull(storedKey);
            return storedKey.Length > 8
                ? string.Concat(storedKey.AsSpan(0, 4), "**********", storedKey.AsSpan(storedKey.Length - 4))
                : new string('*', storedKey.Length);
        }

        /// <summary>The form clients send, and so the form the request log fingerprints.</summary>
        public static string ToDisplayForm(string storedKey) => DisplayPrefix + storedKey;

        public static string Generate() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));
    }
}
