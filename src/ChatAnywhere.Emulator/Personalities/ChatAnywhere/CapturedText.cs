using System;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>Swaps one sample value of a captured text (a masked key, a count, a model name) for the request's own.</summary>
    public static class CapturedText
    {
        public static string Swap(string text, string sample, string value)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentException.ThrowIfNullOrEmpty(sample);
            int at = text.IndexOf(sample, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(sample, at + sample.Length, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"The captured text must contain '{sample}' exactly once.");
            }

            return string.Concat(text.AsSpan(0, at), value, text.AsSpan(at + sample.Length));
        }
    }
}
