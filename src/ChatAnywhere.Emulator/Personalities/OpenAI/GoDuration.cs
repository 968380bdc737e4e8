using System;
using System.Globalization;

namespace ChatAnywhere.Emulator.Personalities.OpenAI
{
    /// <summary>
    /// A wait written as OpenAI writes it in x-ratelimit-reset-* and its "try again in" text: Go's duration form
    /// to the millisecond ("20s", "1.574s", "6m0s", "250ms"; docs/reference/openai-rate-limits.md §1, §2).
    /// </summary>
    public static class GoDuration
    {
        public static string Format(TimeSpan value)
        {
            long milliseconds = (long)Math.Round(Math.Max(value.TotalMilliseconds, 0), MidpointRounding.AwayFromZero);
            if (milliseconds == 0)
            {
                return "0s";
            }

            if (milliseconds < 1000)
            {
                return milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
            }

            long hours = milliseconds / 3_600_000;
            long minutes = milliseconds / 60_000 % 60;
            decimal seconds = milliseconds % 60_000 / 1000m;
            string secondsText = seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
            return hours > 0
                ? FormattableString.Invariant($"{hours}h{minutes}m{secondsText}")
                : minutes > 0 ? FormattableString.Invariant($"{minutes}m{secondsText}") : secondsText;
        }
    }
}
