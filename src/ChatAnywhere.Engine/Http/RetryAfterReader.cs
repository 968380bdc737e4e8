using System;
using System.Globalization;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>
    /// Reads how long the server asks us to wait: retry-after-ms first, then Retry-After in
    /// seconds or as an HTTP date, as the official OpenAI SDKs do (toolchain notes, retry figures).
    /// </summary>
    internal static class RetryAfterReader
    {
        /// <summary>
        /// The longest wait reported: a year. Anything longer (10^12 s, a date in 9999) says only
        /// "not soon", and would overflow TimeSpan (issue 16, "Module faults instead of verdicts").
        /// </summary>
        public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

        /// <summary>The wait the server asked for, or null when it named none.</summary>
        public static TimeSpan? Read(ProbeResponse response, DateTimeOffset now)
        {
            if (response is null)
            {
                return null;
            }

            var milliseconds = response.Header("retry-after-ms");
            if (milliseconds is not null &&
                double.TryParse(milliseconds.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && !double.IsNaN(ms))
            {
                return ms >= Longest.TotalMilliseconds ? Longest : TimeSpan.FromMilliseconds(ms);
            }

            var retryAfter = response.Header("Retry-After")?.Trim();
            if (string.IsNullOrEmpty(retryAfter))
            {
                return null;
            }

            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                // Negative, NaN: no usable wait. Infinity and the huge: the longest.
                return seconds >= 0 && !double.IsNaN(seconds) ? (seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds)) : (TimeSpan?)null;
            }

            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                // Ticks, not DateTimeOffset arithmetic: year 1 minus year 9999 must not throw.
                var ticks = (double)date.UtcTicks - now.UtcTicks;
                return ticks <= 0 ? TimeSpan.Zero : ticks >= Longest.Ticks ? Longest : TimeSpan.FromTicks((long)ticks);
            }

            return null;
        }
    }
}
