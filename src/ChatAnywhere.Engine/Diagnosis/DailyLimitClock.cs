using System;
using System.Globalization;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// When ChatAnywhere's free daily limit resets: "请00:00后再试" (CA-429-free-200-per-day), taken
    /// as midnight China time. China has kept UTC+8 without daylight saving since 1991, so a fixed
    /// offset works on every platform without time-zone ids (Windows and Linux name it differently).
    /// </summary>
    internal static class DailyLimitClock
    {
        private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

        /// <summary>The next 00:00 Asia/Shanghai after <paramref name="now"/>.</summary>
        public static DateTimeOffset NextReset(DateTimeOffset now)
        {
            var local = now.ToOffset(ChinaOffset);
            var midnight = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, ChinaOffset).AddDays(1);
            return midnight.ToUniversalTime();
        }

        /// <summary>"00:00 Asia/Shanghai (16:00 UTC), in 5 h 12 min".</summary>
        public static string Describe(DateTimeOffset now)
        {
            var reset = NextReset(now);
            return string.Format(CultureInfo.InvariantCulture, "00:00 Asia/Shanghai ({0:HH:mm} UTC), in {1}", reset.UtcDateTime, Humanize(reset - now));
        }

        /// <summary>"5 h 12 min", "42 s".</summary>
        public static string Humanize(TimeSpan span)
        {
            if (span < TimeSpan.Zero)
            {
                span = TimeSpan.Zero;
            }

            if (span.TotalMinutes < 1)
            {
                return string.Format(CultureInfo.InvariantCulture, "{0} s", Math.Ceiling(span.TotalSeconds));
            }

            if (span.TotalHours < 1)
            {
                return string.Format(CultureInfo.InvariantCulture, "{0} min", (int)Math.Ceiling(span.TotalMinutes));
            }

            return string.Format(CultureInfo.InvariantCulture, "{0} h {1} min", (int)span.TotalHours, span.Minutes);
        }
    }
}
