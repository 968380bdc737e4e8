using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Probing
{
    /// <summary>The retry schedule, on a fake clock: which answers are retried, when, and how often.</summary>
    public sealed class KeyProberRetryTests
    {
        private const string Key = "sk-EmuValidPaid000000000000000000000000000000000001";
        private const string Models = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\"}]}";
        private const string ServiceBusy = "{\"error\":{\"message\":\"模型无返回结果，可能是内容违规、输入过长、输入格式有误或负载较高，请检查后再试。No response, please try again.\",\"type\":\"chatanywhere_error\",\"param\":null,\"code\":\"503 SERVICE_UNAVAILABLE\"}}";
        private const string WrongKey = "{\"error\":{\"type\":\"chatanywhere_error\",\"message\":\"ApiKey错误\"}}";
        private const string DailyLimit = "{\"error\":{\"message\":\"免费API限制每日200次请求，请00:00后再试\",\"type\":\"chatanywhere_error\",\"param\":null,\"code\":\"429 TOO_MANY_REQUESTS\"}}";

        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 48, 0, TimeSpan.Zero));

        [Fact]
        public async Task Service_faults_are_retried_after_half_a_second_then_one_second()
        {
            // CA-503-no-response twice, then the model list.
            var handler = new ScriptedHandler(_time).Then(HttpStatusCode.ServiceUnavailable, ServiceBusy).Then(HttpStatusCode.ServiceUnavailable, ServiceBusy).Then(HttpStatusCode.OK, Models);

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(KeyVerdict.Valid, result.Verdict);
            Assert.Equal(3, result.Attempts);
            AssertGaps(handler, 0.5, 1.0);
        }

        [Fact]
        public async Task Retries_stop_at_max_retries_and_report_the_last_answer()
        {
            var handler = new ScriptedHandler(_time).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway);

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(KeyVerdict.ServiceUnavailable, result.Verdict);
            Assert.Equal(3, result.Attempts);
        }

        [Theory]
        [InlineData(HttpStatusCode.Unauthorized, WrongKey, KeyVerdict.InvalidKey)]
        [InlineData(HttpStatusCode.Forbidden, "{\"error\":{\"message\":\"forbidden\"}}", KeyVerdict.Restricted)]
        [InlineData(HttpStatusCode.Forbidden, "", KeyVerdict.QuotaExhausted)]
        [InlineData(HttpStatusCode.NotFound, "", KeyVerdict.WrongEndpoint)]
        [InlineData(HttpStatusCode.BadRequest, "", KeyVerdict.MalformedRequest)]
        [InlineData((HttpStatusCode)429, DailyLimit, KeyVerdict.RateLimited)]
        public async Task Refusals_and_daily_limits_are_never_retried(HttpStatusCode status, string body, KeyVerdict expected)
        {
            var handler = new ScriptedHandler(_time).Then(status, body);

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(expected, result.Verdict);
            Assert.Equal(1, result.Attempts);
        }

        [Fact]
        public async Task A_short_retry_after_is_honoured()
        {
            var handler = new ScriptedHandler(_time)
                .Then((HttpStatusCode)429, string.Empty, r => r.Headers.Add("Retry-After", "3"))
                .Then(HttpStatusCode.OK, Models);

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(KeyVerdict.Valid, result.Verdict);
            AssertGaps(handler, 3.0);
        }

        [Fact]
        public async Task A_long_retry_after_is_reported_instead_of_waited_for()
        {
            var handler = new ScriptedHandler(_time).Then((HttpStatusCode)429, string.Empty, r => r.Headers.Add("Retry-After", "3600"));

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(KeyVerdict.RateLimited, result.Verdict);
            Assert.Equal(TimeSpan.FromHours(1), result.RetryAfter);
            Assert.Equal(1, result.Attempts);
        }

        [Fact]
        public async Task A_service_fault_with_a_long_retry_after_ends_within_the_time_budget()
        {
            // Issue 16: 503 + Retry-After: 3600 waited 60 s per retry whatever -TimeoutSec said.
            var handler = new ScriptedHandler(_time)
                .Then(HttpStatusCode.ServiceUnavailable, ServiceBusy, r => r.Headers.Add("Retry-After", "3600"))
                .Then(HttpStatusCode.ServiceUnavailable, ServiceBusy, r => r.Headers.Add("Retry-After", "3600"))
                .Then(HttpStatusCode.ServiceUnavailable, ServiceBusy, r => r.Headers.Add("Retry-After", "3600"));
            var started = _time.GetUtcNow();

            var result = await RunAsync(handler, maxRetries: 2, timeout: TimeSpan.FromSeconds(3));

            Assert.Equal(KeyVerdict.ServiceUnavailable, result.Verdict);
            Assert.Equal(TimeSpan.FromHours(1), result.RetryAfter);
            Assert.Equal(1, result.Attempts);
            Assert.True(_time.GetUtcNow() - started < TimeSpan.FromSeconds(9), $"took {(_time.GetUtcNow() - started).TotalSeconds} s of a 9 s budget");
        }

        [Fact]
        public async Task Retries_whose_waits_fit_the_budget_go_on_and_the_last_attempt_gets_only_what_is_left()
        {
            // Budget 3 × 3 s = 9 s: a 3 s timeout, a 0.5 s backoff and a 4 s Retry-After leave 1.5 s for the third attempt.
            var handler = new ScriptedHandler(_time)
                .ThenHang()
                .Then((HttpStatusCode)429, string.Empty, r => r.Headers.Add("Retry-After", "4"))
                .ThenHang();
            var started = _time.GetUtcNow();

            var result = await RunAsync(handler, maxRetries: 2, timeout: TimeSpan.FromSeconds(3));

            Assert.Equal(3, result.Attempts);
            Assert.Equal(VerdictReason.Timeout, result.Reason);
            Assert.InRange((_time.GetUtcNow() - started).TotalSeconds, 8.9, 9.6);
        }

        [Fact]
        public async Task X_should_retry_false_stops_a_retry()
        {
            var handler = new ScriptedHandler(_time).Then(HttpStatusCode.ServiceUnavailable, ServiceBusy, r => r.Headers.Add("x-should-retry", "false"));

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(1, result.Attempts);
        }

        [Fact]
        public async Task A_daily_limit_names_the_reset_time()
        {
            var handler = new ScriptedHandler(_time).Then((HttpStatusCode)429, DailyLimit);

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(VerdictReason.DailyLimit, result.Reason);
            Assert.Equal(TimeSpan.FromMinutes(312), result.RetryAfter);
        }

        [Fact]
        public async Task Attempts_that_hang_time_out_and_are_retried()
        {
            var handler = new ScriptedHandler(_time).ThenHang().ThenHang().ThenHang();

            var result = await RunAsync(handler, maxRetries: 2, timeout: TimeSpan.FromSeconds(10));

            Assert.Equal(KeyVerdict.NetworkError, result.Verdict);
            Assert.Equal(VerdictReason.Timeout, result.Reason);
            Assert.Equal(3, result.Attempts);
            AssertGaps(handler, 10.5, 11.0);
        }

        [Fact]
        public async Task Connection_failures_are_retried_then_reported_as_network_errors()
        {
            var handler = new ScriptedHandler(_time)
                .ThenFail(new HttpRequestException("Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)))
                .Then(HttpStatusCode.OK, Models);

            var result = await RunAsync(handler, maxRetries: 1);

            Assert.Equal(KeyVerdict.Valid, result.Verdict);
            Assert.Equal(2, result.Attempts);
        }

        [Fact]
        public async Task Redirects_are_not_followed_with_the_key()
        {
            var handler = new ScriptedHandler(_time).Then(HttpStatusCode.MovedPermanently, string.Empty, r => r.Headers.Location = new Uri("https://elsewhere.example.test/v1/models"));

            var result = await RunAsync(handler, maxRetries: 2);

            Assert.Equal(KeyVerdict.WrongEndpoint, result.Verdict);
            Assert.Equal(VerdictReason.Redirected, result.Reason);
            Assert.Single(handler.RequestTimes);
            Assert.Contains(result.Diagnosis, line => line.Contains("elsewhere.example.test", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Nothing_is_sent_for_a_relay_key_aimed_at_openai()
        {
            var handler = new ScriptedHandler(_time);

            var result = await RunAsync(handler, maxRetries: 2, baseUri: "https://api.openai.com/v1");

            Assert.Equal(KeyVerdict.WrongEndpoint, result.Verdict);
            Assert.Equal(VerdictReason.RelayKeySentToOpenAI, result.Reason);
            Assert.Empty(handler.RequestTimes);
            Assert.Equal(0, result.Attempts);
        }

        [Fact]
        public async Task The_cleaned_key_is_sent_and_the_result_says_it_was_cleaned()
        {
            var handler = new ScriptedHandler(_time).Then(HttpStatusCode.OK, Models);

            var result = await RunAsync(handler, maxRetries: 0, key: Key + "\r\n");

            Assert.Equal(KeyVerdict.Valid, result.Verdict);
            Assert.Equal(VerdictReason.InputHadWhitespace, result.Reason);
            Assert.Equal("Bearer " + Key, handler.AuthorizationHeaders.Single());
            Assert.Contains(result.Diagnosis, line => line.Contains("trailing line break", StringComparison.Ordinal));
        }

        [Fact]
        public async Task The_result_never_holds_the_key()
        {
            var echo = "{\"error\":{\"message\":\"wrong api key " + Key + "\",\"type\":\"x\"}}";
            var handler = new ScriptedHandler(_time).Then(HttpStatusCode.Unauthorized, echo);

            var result = await RunAsync(handler, maxRetries: 0);

            var everything = string.Join("|", result.Key, result.Message, string.Join("|", result.Diagnosis), string.Join("|", result.Recommendation), result.ToString());
            Assert.DoesNotContain(Key, everything, StringComparison.Ordinal);
            Assert.Equal("sk-****0001", result.Key);
        }

        [Fact]
        public async Task A_key_echoed_without_sk_json_escaped_or_in_a_location_header_is_masked_everywhere()
        {
            // Issue 16: relays store keys without sk-; a Location header is quoted in Diagnosis.
            var stored = Key.Substring(3);
            var escaped = string.Concat(stored.Select(c => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
            var log = new CapturingProbeLog();
            var handler = new ScriptedHandler(_time)
                .Then(HttpStatusCode.Found, "{\"error\":{\"message\":\"token " + stored + " moved, see " + escaped + "\"}}", r => r.Headers.Location = new Uri("https://elsewhere.example.test/login?token=" + stored));

            var result = await RunAsync(handler, maxRetries: 0, log: log);

            Assert.Equal(VerdictReason.Redirected, result.Reason);
            var everything = string.Join("|", result.Message, string.Join("|", result.Diagnosis), string.Join("|", result.Recommendation), string.Join("|", log.Lines));
            Assert.Contains("elsewhere.example.test", everything, StringComparison.Ordinal);
            Assert.DoesNotContain(stored.Substring(0, 20), everything, StringComparison.Ordinal);
            Assert.DoesNotContain(escaped.Substring(0, 30), everything, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Cancellation_stops_a_probe_at_once()
        {
            var handler = new ScriptedHandler(_time).ThenHang();
            using var client = new HttpClient(handler);
            var prober = new KeyProber(client, new ProbeOptions { MaxRetries = 2 }, new SecretRedactor(), timeProvider: _time, jitter: () => 0);
            using var cancel = new CancellationTokenSource();

            var probe = prober.TestAsync(KeyInspector.Inspect(Key), Endpoint(KnownHosts.DefaultBaseUri), cancel.Token);
            await Task.Delay(20);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe);
            Assert.Single(handler.RequestTimes);
        }

        private async Task<ApiKeyTestResult> RunAsync(ScriptedHandler handler, int maxRetries, TimeSpan? timeout = null, string key = Key, string baseUri = KnownHosts.DefaultBaseUri, CapturingProbeLog? log = null)
        {
            using var client = new HttpClient(handler);
            var options = new ProbeOptions { MaxRetries = maxRetries, AttemptTimeout = timeout ?? TimeSpan.FromSeconds(10) };
            var prober = new KeyProber(client, options, new SecretRedactor(), log, _time, () => 0);

            var probe = prober.TestAsync(KeyInspector.Inspect(key), Endpoint(baseUri), CancellationToken.None);
            for (var step = 0; !probe.IsCompleted && step < 10_000; step++)
            {
                await Task.Delay(1);
                _time.Advance(TimeSpan.FromMilliseconds(50));
            }

            return await probe;
        }

        private static ServiceEndpoint Endpoint(string baseUri) => ServiceEndpoint.TryParse(baseUri, false, out _)!;

        // The fake clock moves in 50 ms steps while the probe runs on real threads, so a request
        // may land one or two steps after its timer fell due; never before.
        private static void AssertGaps(ScriptedHandler handler, params double[] expectedSeconds)
        {
            var gaps = handler.RequestTimes.Zip(handler.RequestTimes.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
            Assert.Equal(expectedSeconds.Length, gaps.Length);
            for (var i = 0; i < gaps.Length; i++)
            {
                Assert.InRange(gaps[i], expectedSeconds[i] - 0.001, expectedSeconds[i] + 0.15);
            }
        }
    }
}
