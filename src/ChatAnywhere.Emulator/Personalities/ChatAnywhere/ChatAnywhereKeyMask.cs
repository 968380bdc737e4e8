using System;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// The key as ChatAnywhere echoes it since 2025: "(当前请求使用的ApiKey: sk-XXX****XXXX)",
    /// the first 6 characters, four asterisks, the last 4 (docs/reference/chatanywhere.md).
    /// </summary>
    public static class ChatAnywhereKeyMask
    {
        public static string Mask(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            return key.Length > 10
                ? string.Concat(key.AsSpan(0, 6), "****", key.AsSpan(key.Length - 4))
                // Short keys were not captured; never echo more than the "sk-" part.
                : string.Concat(key.AsSpan(0, Math.Min(3, key.Length)), "****");
        }
    }
}
