using System;
using System.Collections.Generic;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Resilience;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Resilience
{
    public sealed class BackoffScheduleTests
    {
        [Theory]
        [InlineData(0, 0.5)]
        [InlineData(1, 1.0)]
        [InlineData(2, 2.0)]
        [InlineData(3, 4.0)]
        [InlineData(4, 8.0)]
        [InlineData(5, 8.0)]
        [InlineData(30, 8.0)]
        public void Doubles_from_half_a_second_to_eight(int retry, double seconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), BackoffSchedule.DelayFor(retry, null, jitterSample: 0));
        }

        [Fact]
        public void Jitter_shortens_by_at_most_a_quarter()
        {
            var delay = BackoffSchedule.DelayFor(2, null, jitterSample: 0.999);

            Assert.InRange(delay.TotalSeconds, 1.5, 2.0);
        }

        [Fact]
        public void Retry_after_wins_and_is_capped_at_sixty_seconds()
        {
            Assert.Equal(TimeSpan.FromSeconds(3), BackoffSchedule.DelayFor(0, TimeSpan.FromSeconds(3), 0.5));
            Assert.Equal(TimeSpan.FromSeconds(60), BackoffSchedule.DelayFor(0, TimeSpan.FromHours(1), 0.5));
        }

        [Fact]
        public void Retry_after_ms_comes_before_retry_after()
        {
            var response = new ProbeResponse(429, string.Empty, new Dictionary<string, string> { ["retry-after-ms"] = "1500", ["Retry-After"] = "9" });

            Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfterReader.Read(response, DateTimeOffset.UtcNow));
        }

        [Fact]
        public void Retry_after_is_read_in_seconds_or_as_a_date()
        {
            var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

            Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterReader.Read(new ProbeResponse(429, string.Empty, new Dictionary<string, string> { ["Retry-After"] = "7" }), now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterReader.Read(new ProbeResponse(429, string.Empty, new Dictionary<string, string> { ["Retry-After"] = "Fri, 27 Nov 2026 10:00:30 GMT" }), now));
            Assert.Null(RetryAfterReader.Read(new ProbeResponse(429, string.Empty), now));
        }

        [Theory]
        [InlineData("2026-11-27T10:48:00Z", "2026-11-27T16:00:00Z")]
        [InlineData("2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z")]
        [InlineData("2026-11-27T16:00:00Z", "2026-11-28T16:00:00Z")]
        [InlineData("2026-11-27T23:30:00Z", "2026-11-28T16:00:00Z")]
        public void Daily_limit_resets_at_midnight_in_shanghai(string now, string expected)
        {
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
                DailyLimitClock.NextReset(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
