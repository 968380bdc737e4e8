using System;

namespace ChatAnywhere.Emulator.Personalities.OpenAI
{
    /// <summary>
    /// The key as OpenAI echoes it in "Incorrect API key provided": first 8 characters, '*' up to the
    /// key's length minus 12, last 4 (OA-401-incorrect-key-ca-key-2023: 8 + 39 + 4 for a 51-character key).
    /// </summary>
    public static class OpenAIKeyMask
    {
        public static string Mask(string key) =>
            key.Length >= 12
                ? string.Concat(key.AsSpan(0, 8), new string('*', key.Length - 12), key.AsSpan(key.Length - 4))
                // Shorter keys were not captured; the emulator hides them entirely.
                : new string('*', key.Length);
    }
}
