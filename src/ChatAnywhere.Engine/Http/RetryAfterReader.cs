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
        /// <summary>The wait the server asked for, or null when it named none.</summary>
        public static TimeSpan? Read(ProbeResponse response, DateTimeOffset now)
        {
            if (response is null)
            {
                return null;
            }

            var milliseconds = response.Header("retry-after-ms");
            if (milliseconds is not null &&
                double.TryParse(milliseconds.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }

            var retryAfter = response.Header("Retry-After")?.Trim();
            if (string.IsNullOrEmpty(retryAfter))
            {
                return null;
            }

            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
