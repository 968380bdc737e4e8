using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Activation;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Activation
{
    /// <summary>The waiting schedule and its stopping rules, on a fake clock.</summary>
    public sealed class KeyActivationWaiterTests
    {
        private const string Key = "sk-EmuActivating00000000000000000000000000000000009";
        private const string Models = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\"}]}";

        // CA-401-invalid-key-measured, shortened: the service's answer to a key it does not know (yet).
        private const string WrongKey = "{\"error\":{\"message\":\"ApiKey错误\",\"type\":\"chatanywhere_error\",\"param\":null,\"code\":\"401 UNAUTHORIZED\"}}";
        private const string DailyLimit = "{\"error\":{\"message\":\"免费API限制每日200次请求，请00:00后再试\",\"type\":\"chatanywhere_error\",\"param\":null,\"code\":\"429 TOO_MANY_REQUESTS\"}}";
        private const string Suspended = "{\"error\":{\"message\":\"api key has been suspended\",\"type\":\"chatanywhere_error\"}}";

        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

        public static TheoryData<double> JitterExtremes => new() { 0.0, 0.999 };

        [Fact]
        public void Pauses_double_from_the_initial_interval_up_to_the_longest()
        {
            var waiter = Waiter(new ActivationOptions(), jitter: 0);

            var pauses = Enumerable.Range(1, 7).Select(probes => waiter.PauseAfter(probes, null, 0).TotalSeconds);

            Assert.Equal(new[] { 5.0, 10, 20, 40, 60, 60, 60 }, pauses);
        }

        [Fact]
        public void Jitter_shortens_a_pause_by_at_most_a_quarter_but_never_below_a_second()
        {
            var waiter = Waiter(new ActivationOptions { InitialInterval = TimeSpan.FromSeconds(1) }, jitter: 0);

            Assert.Equal(45.0, waiter.PauseAfter(10, null, 1.0).TotalSeconds, 3);
            Assert.Equal(1.0, waiter.PauseAfter(1, null, 1.0).TotalSeconds, 3);
        }

        [Fact]
        public void A_retry_after_longer_than_the_pause_wins()
        {
            var waiter = Waiter(new ActivationOptions(), jitter: 0);

            Assert.Equal(TimeSpan.FromSeconds(30), waiter.PauseAfter(1, TimeSpan.FromSeconds(30), 0));
            Assert.Equal(TimeSpan.FromSeconds(5), waiter.PauseAfter(1, TimeSpan.FromSeconds(2), 0));
        }

        [Theory]
        [MemberData(nameof(JitterExtremes))]
        public async Task A_key_that_starts_working_after_five_minutes_costs_at_most_twelve_probes_with_the_defaults(double jitter)
        {
            var activatesAt = _time.GetUtcNow().AddMinutes(5);
            var handler = new KeyThatActivates(_time, activatesAt);

            var result = await RunAsync(handler, new ActivationOptions(), jitter, step: TimeSpan.FromSeconds(1));

            Assert.True(result.Activated);
            Assert.Equal(ActivationOutcome.Activated, result.Outcome);
            Assert.InRange(result.Probes, 2, 12);
            Assert.Equal(handler.RequestTimes.Count, result.Probes);

            // Seen within the interval in force when the key started working (60 s at most here).
            var lastUnanswered = handler.RequestTimes.Last(time => time < activatesAt);
            var interval = handler.RequestTimes.First(time => time >= activatesAt) - lastUnanswered;
            Assert.True(handler.RequestTimes.Last() - activatesAt <= interval);
            Assert.True(interval <= TimeSpan.FromSeconds(61));
        }

        [Fact]
        public async Task A_key_that_never_works_times_out_with_no_probe_after_the_timeout()
        {
            var handler = new KeyThatActivates(_time, DateTimeOffset.MaxValue);
            var options = new ActivationOptions { Timeout = TimeSpan.FromSeconds(60), InitialInterval = TimeSpan.FromSeconds(5), MaxInterval = TimeSpan.FromSeconds(20) };

            var result = await RunAsync(handler, options, jitter: 0);

            Assert.False(result.Activated);
            Assert.Equal(ActivationOutcome.TimedOut, result.Outcome);
            Assert.Equal(KeyVerdict.InvalidKey, result.Verdict);

            // 0, 5, 15, 35, 55; the next (75) is moved up to 59, a second before the deadline.
            var offsets = handler.Offsets();
            Assert.Equal(new[] { 0.0, 5, 15, 35, 55, 59 }, offsets.Select(o => Math.Round(o)));
            Assert.All(offsets, offset => Assert.True(offset < 60));
            Assert.InRange(result.WaitedFor.TotalSeconds, 60, 61);
        }

        [Fact]
        public async Task The_last_probe_is_moved_up_to_just_before_the_deadline()
        {
            var handler = new KeyThatActivates(_time, DateTimeOffset.MaxValue);
            var options = new ActivationOptions { Timeout = TimeSpan.FromSeconds(30), InitialInterval = TimeSpan.FromSeconds(5), MaxInterval = TimeSpan.FromSeconds(60) };

            await RunAsync(handler, options, jitter: 0);

            // 0, 5, 15; the next (35) would be after the deadline, so it is sent at 29.
            Assert.Equal(new[] { 0.0, 5, 15, 29 }, handler.Offsets().Select(o => Math.Round(o)));
        }

        [Fact]
        public async Task The_probe_budget_ends_waiting_without_a_pause()
        {
            var handler = new KeyThatActivates(_time, DateTimeOffset.MaxValue);

            var result = await RunAsync(handler, new ActivationOptions { MaxProbes = 3 }, jitter: 0);

            Assert.Equal(ActivationOutcome.ProbeBudgetSpent, result.Outcome);
            Assert.Equal(3, result.Probes);
            Assert.Equal(15.0, Math.Round(result.WaitedFor.TotalSeconds));
        }

        [Theory]
        [InlineData(429, DailyLimit, KeyVerdict.RateLimited, "resets at 00:00 Asia/Shanghai")]
        [InlineData(401, Suspended, KeyVerdict.Restricted, "restricted")]
        [InlineData(403, "", KeyVerdict.QuotaExhausted, "quota")]
        public async Task Answers_that_waiting_cannot_change_end_it_at_once(int status, string body, KeyVerdict verdict, string detail)
        {
            var handler = new KeyThatActivates(_time, DateTimeOffset.MaxValue, (HttpStatusCode)status, body);

            var result = await RunAsync(handler, new ActivationOptions(), jitter: 0);

            Assert.Equal(ActivationOutcome.CannotActivate, result.Outcome);
            Assert.Equal(verdict, result.Verdict);
            Assert.Equal(1, result.Probes);
            Assert.Equal(TimeSpan.Zero, result.WaitedFor);
            Assert.Contains(detail, result.Detail, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_short_retry_after_is_waited_out_and_a_longer_one_than_the_whole_wait_is_not()
        {
            var shortWait = new KeyThatActivates(_time, _time.GetUtcNow().AddSeconds(20), (HttpStatusCode)429, string.Empty, retryAfterSec: 12);
            var result = await RunAsync(shortWait, new ActivationOptions(), jitter: 0);

            Assert.True(result.Activated);
            Assert.Equal(new[] { 0.0, 12, 24 }, shortWait.Offsets().Select(o => Math.Round(o)));

            var longWait = new KeyThatActivates(_time, DateTimeOffset.MaxValue, (HttpStatusCode)429, string.Empty, retryAfterSec: 3600);
            result = await RunAsync(longWait, new ActivationOptions(), jitter: 0);

            Assert.Equal(ActivationOutcome.CannotActivate, result.Outcome);
            Assert.Single(longWait.RequestTimes);
        }

        [Fact]
        public async Task Cancellation_ends_the_wait_and_sends_nothing_more()
        {
            var handler = new KeyThatActivates(_time, DateTimeOffset.MaxValue);
            using var client = new HttpClient(handler);
            var waiter = Waiter(new ActivationOptions(), jitter: 0, client);
            var key = KeyInspector.Inspect(Key);
            using var cancel = new CancellationTokenSource();

            var waiting = waiter.WaitAsync(key, Endpoint(), waiter.Start(key), cancel.Token);
            await Task.Delay(20);
            cancel.Cancel();
            _time.Advance(TimeSpan.FromMinutes(5));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            Assert.Single(handler.RequestTimes);
        }

        [Fact]
        public async Task Progress_shows_probes_and_the_next_probe_time()
        {
            var handler = new KeyThatActivates(_time, DateTimeOffset.MaxValue);
            using var client = new HttpClient(handler);
            var waiter = Waiter(new ActivationOptions(), jitter: 0, client);
            var key = KeyInspector.Inspect(Key);
            var progress = waiter.Start(key);
            using var cancel = new CancellationTokenSource();

            var waiting = waiter.WaitAsync(key, Endpoint(), progress, cancel.Token);
            await Task.Delay(50);

            var now = progress.Current;
            Assert.Equal("sk-****0009", now.Key);
            Assert.Equal(1, now.Probes);
            Assert.Equal(KeyVerdict.InvalidKey, now.LastVerdict);
            Assert.Equal(_time.GetUtcNow().AddSeconds(5), now.NextProbeAt);
            Assert.False(now.IsDone);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        private KeyActivationWaiter Waiter(ActivationOptions options, double jitter, HttpClient? client = null)
        {
            var prober = new KeyProber(client ?? new HttpClient(), new ProbeOptions { MaxRetries = 0 }, new SecretRedactor(), timeProvider: _time, jitter: () => 0);
            return new KeyActivationWaiter(prober, options, timeProvider: _time, jitter: () => jitter);
        }

        private async Task<KeyActivationResult> RunAsync(KeyThatActivates handler, ActivationOptions options, double jitter, TimeSpan? step = null)
        {
            using var client = new HttpClient(handler);
            var waiter = Waiter(options, jitter, client);
            var key = KeyInspector.Inspect(Key);

            var waiting = waiter.WaitAsync(key, Endpoint(), waiter.Start(key), CancellationToken.None);
            // The fake clock moves in steps (250 ms unless told) while the waiter runs on real
            // threads, so a probe may land up to a step after its timer fell due; never before.
            for (var steps = 0; !waiting.IsCompleted && steps < 100_000; steps++)
            {
                await Task.Delay(1);
                _time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            }

            return await waiting;
        }

        private static ServiceEndpoint Endpoint() => ServiceEndpoint.TryParse(KnownHosts.DefaultBaseUri, false, out _)!;

        /// <summary>Refuses the key (or answers as told) until a moment, then lists the models.</summary>
        private sealed class KeyThatActivates : HttpMessageHandler
        {
            private readonly TimeProvider _time;
            private readonly DateTimeOffset _activatesAt;
            private readonly HttpStatusCode _status;
            private readonly string _body;
            private readonly int? _retryAfterSec;
            private readonly DateTimeOffset _start;

            public KeyThatActivates(TimeProvider time, DateTimeOffset activatesAt, HttpStatusCode status = HttpStatusCode.Unauthorized, string body = WrongKey, int? retryAfterSec = null)
            {
                _time = time;
                _activatesAt = activatesAt;
                _status = status;
                _body = body;
                _retryAfterSec = retryAfterSec;
                _start = time.GetUtcNow();
            }

            public List<DateTimeOffset> RequestTimes { get; } = new();

            public double[] Offsets() => RequestTimes.Select(time => (time - _start).TotalSeconds).ToArray();

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var now = _time.GetUtcNow();
                RequestTimes.Add(now);
                var active = now >= _activatesAt;
                var response = new HttpResponseMessage(active ? HttpStatusCode.OK : _status)
                {
                    Content = new StringContent(active ? Models : _body, Encoding.UTF8, "application/json"),
                };
                if (!active && _retryAfterSec is int seconds)
                {
                    response.Headers.Add("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return Task.FromResult(response);
            }
        }
    }
}
