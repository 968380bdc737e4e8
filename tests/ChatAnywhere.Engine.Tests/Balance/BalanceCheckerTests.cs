using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Balance;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Balance
{
    /// <summary>Which routes the checker asks, how it presents the key, and what a refusal becomes.</summary>
    public sealed class BalanceCheckerTests
    {
        private const string Key = "sk-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKl";
        private const string NewApiStatus = "{\"success\":true,\"message\":\"\",\"data\":{\"version\":\"v0.9.0\",\"system_name\":\"New API\",\"setup\":true,\"quota_per_unit\":500000,\"quota_display_type\":\"CNY\",\"usd_exchange_rate\":7}}";
        private const string OneApiStatus = "{\"success\":true,\"message\":\"\",\"data\":{\"version\":\"v0.6.10\",\"system_name\":\"One API\",\"quota_per_unit\":500000,\"display_in_currency\":true}}";

        [Fact]
        public async Task ChatAnywhere_is_asked_by_post_with_the_bare_key_and_no_body()
        {
            var server = new BalanceServer().On("POST /v1/query/balance", HttpStatusCode.OK, "{\"balanceTotal\":10,\"balanceUsed\":2.5}");

            var balance = await Check(server, "https://api.chatanywhere.tech");

            var request = Assert.Single(server.Requests);
            Assert.Equal(Key, request.Authorization);
            Assert.Equal(0, request.BodyLength);
            Assert.Equal(7.5m, balance.Remaining);
            Assert.Equal(BalanceUnit.Unknown, balance.Unit);
            Assert.Equal(BalanceState.Active, balance.State);
            Assert.Equal(BackendKind.ChatAnywhere, balance.Backend);
            Assert.Equal("POST /v1/query/balance", balance.Source);
            Assert.Null(balance.Verdict);
        }

        [Fact]
        public async Task ChatAnywhere_usage_details_ask_for_the_pattern_and_hours()
        {
            var server = new BalanceServer()
                .On("POST /v1/query/balance", HttpStatusCode.OK, "{\"balanceTotal\":10,\"balanceUsed\":2.5}")
                .On("POST /v1/query/usage_details", HttpStatusCode.OK, "[{\"time\":\"2024-04-17 00:00:00\",\"totalTokens\":52,\"count\":1,\"cost\":0.01}]");

            var balance = await Check(server, "https://api.chatanywhere.tech", new BalanceOptions { MaxRetries = 0, UsageHours = 24, UsageModel = "gpt-4o%" });

            Assert.Equal("{\"model\":\"gpt-4o%\",\"hours\":24}", server.Requests[1].Body);
            Assert.Equal(Key, server.Requests[1].Authorization);
            Assert.Equal(52, Assert.Single(balance.Usage).TotalTokens);
        }

        [Fact]
        public async Task A_refused_key_is_a_result_with_the_classifier_verdict_and_no_full_key()
        {
            var server = new BalanceServer().On("POST /v1/query/balance", HttpStatusCode.Unauthorized, "{\"error\":{\"message\":\"ApiKey错误: " + Key + "\",\"type\":\"chatanywhere_error\"}}");

            var balance = await Check(server, "https://api.chatanywhere.tech");

            Assert.Equal(BalanceState.Invalid, balance.State);
            Assert.Equal(KeyVerdict.InvalidKey, balance.Verdict);
            Assert.Equal(401, balance.StatusCode);
            Assert.DoesNotContain(Key, balance.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, string.Join(" ", balance.Diagnosis), StringComparison.Ordinal);
        }

        [Fact]
        public async Task New_api_is_asked_with_bearer_and_its_raw_quota_converted_to_the_site_unit()
        {
            var server = new BalanceServer()
                .On("GET /api/status", HttpStatusCode.OK, NewApiStatus)
                .On("GET /api/usage/token/", HttpStatusCode.OK, "{\"code\":true,\"message\":\"ok\",\"data\":{\"total_granted\":1000000,\"total_used\":250000,\"total_available\":750000,\"unlimited_quota\":false,\"expires_at\":0}}");

            var balance = await Check(server, "https://relay.example");

            Assert.Null(server.Requests[0].Authorization);
            Assert.Equal("Bearer " + Key, server.Requests[1].Authorization);
            Assert.Equal(BackendKind.NewApi, balance.Backend);
            Assert.Equal(10.5m, balance.Remaining);
            Assert.Equal(BalanceUnit.CNY, balance.Unit);
            Assert.Null(balance.ExpiresAt);
        }

        [Fact]
        public async Task Older_new_api_without_the_token_usage_route_falls_back_to_the_billing_routes()
        {
            var server = new BalanceServer()
                .On("GET /api/status", HttpStatusCode.OK, NewApiStatus)
                .On("GET /api/usage/token/", HttpStatusCode.NotFound, "404 page not found", "text/plain")
                .On("GET /v1/dashboard/billing/subscription", HttpStatusCode.OK, "{\"hard_limit_usd\":70,\"access_until\":0}")
                .On("GET /v1/dashboard/billing/usage", HttpStatusCode.OK, "{\"total_usage\":700}");

            var balance = await Check(server, "https://relay.example");

            Assert.Equal(63m, balance.Remaining);
            Assert.Equal(BalanceUnit.CNY, balance.Unit);
            Assert.Equal("GET /v1/dashboard/billing/subscription", balance.Source);
        }

        [Fact]
        public async Task One_api_expired_token_is_expired_from_the_classifier()
        {
            var server = new BalanceServer()
                .On("GET /api/status", HttpStatusCode.OK, OneApiStatus)
                .On("GET /v1/dashboard/billing/subscription", HttpStatusCode.Unauthorized, "{\"error\":{\"message\":\"该令牌已过期 (request id: 2025)\",\"type\":\"one_api_error\"}}");

            var balance = await Check(server, "https://relay.example");

            Assert.Equal(BackendKind.OneApi, balance.Backend);
            Assert.Equal(BalanceState.Expired, balance.State);
            Assert.Equal(KeyVerdict.InvalidKey, balance.Verdict);
        }

        [Fact]
        public async Task An_unknown_relay_with_billing_routes_is_read_in_an_unknown_unit_and_can_be_low()
        {
            var server = new BalanceServer()
                .On("GET /api/status", HttpStatusCode.NotFound, "{\"error\":\"not found\"}")
                .On("GET /v1/dashboard/billing/subscription", HttpStatusCode.OK, "{\"hard_limit_usd\":5}")
                .On("GET /v1/dashboard/billing/usage", HttpStatusCode.OK, "{\"total_usage\":450}");

            var balance = await Check(server, "https://relay.example", new BalanceOptions { MaxRetries = 0, MinimumRemaining = 1m });

            Assert.Equal(0.5m, balance.Remaining);
            Assert.Equal(BalanceUnit.Unknown, balance.Unit);
            Assert.True(balance.IsLow);
        }

        [Fact]
        public async Task No_call_spends_quota()
        {
            var server = new BalanceServer()
                .On("GET /api/status", HttpStatusCode.NotFound, "{}")
                .On("GET /v1/dashboard/billing/subscription", HttpStatusCode.NotFound, "{}")
                .On("POST /v1/query/balance", HttpStatusCode.OK, "{\"balanceTotal\":1,\"balanceUsed\":0}");

            var balance = await Check(server, "https://mirror.example");

            Assert.Equal(1m, balance.Remaining);
            Assert.DoesNotContain(server.Requests, request => request.Path.Contains("/models", StringComparison.Ordinal) || request.Path.Contains("/chat", StringComparison.Ordinal));
        }

        private static async Task<ApiKeyBalance> Check(BalanceServer server, string baseUri, BalanceOptions? options = null)
        {
            using var client = new HttpClient(server);
            using var checker = new BalanceChecker(client, options ?? new BalanceOptions { MaxRetries = 0 }, new SecretRedactor());
            var endpoint = ServiceEndpoint.TryParse(baseUri, allowUnencrypted: false, out _)!;
            return await checker.CheckAsync(KeyInspector.Inspect(Key), endpoint, CancellationToken.None);
        }

        private sealed record SeenRequest(string Method, string Path, string? Authorization, string Body, int BodyLength);

        /// <summary>Answers by "METHOD path"; an unrouted request gets a 404, as a server without the route would.</summary>
        private sealed class BalanceServer : HttpMessageHandler
        {
            private readonly ConcurrentDictionary<string, (HttpStatusCode Status, string Body, string ContentType)> _routes = new(StringComparer.Ordinal);

            public List<SeenRequest> Requests { get; } = new();

            public BalanceServer On(string route, HttpStatusCode status, string body, string contentType = "application/json")
            {
                _routes[route] = (status, body, contentType);
                return this;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
                var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.First() : null;
                lock (Requests)
                {
                    Requests.Add(new SeenRequest(request.Method.Method, request.RequestUri!.AbsolutePath, authorization, body, Encoding.UTF8.GetByteCount(body)));
                }

                var (status, text, type) = _routes.TryGetValue($"{request.Method.Method} {request.RequestUri!.AbsolutePath}", out var answer)
                    ? answer
                    : (HttpStatusCode.NotFound, "404 page not found", "text/plain");
                return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, type) };
            }
        }
    }
}
