using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Management
{
    /// <summary>The token API client over a fake relay: headers, the envelope, and every way an answer can go wrong.</summary>
    public sealed class RelayManagementClientTests
    {
        private const string StoredA = "aaaa1111111111111111111111111111111111111111aaaa";
        private const string StoredB = "bbbb2222222222222222222222222222222222222222bbbb";

        private readonly SecretRedactor _redactor = new();
        private readonly CapturingProbeLog _log = new();

        [Fact]
        public async Task Sends_the_access_token_as_bearer_and_the_user_id_as_new_api_user()
        {
            var relay = new FakeRelay(RelayFlavour.NewApi2025);

            await Client(relay).ListAsync(0, CancellationToken.None);

            var request = Assert.Single(relay.Requests);
            Assert.Equal("Bearer " + FakeRelay.AccessToken, request.Authorization);
            Assert.Equal("7", request.NewApiUser);
            Assert.Equal("/api/token/?p=0&page_size=100&size=100", request.PathAndQuery);
        }

        [Fact]
        public async Task Without_a_user_id_no_new_api_user_header_is_sent()
        {
            var relay = new FakeRelay(RelayFlavour.OneApi);

            await Client(relay, userId: null).ListAsync(0, CancellationToken.None);

            Assert.Null(Assert.Single(relay.Requests).NewApiUser);
        }

        [Fact]
        public async Task An_http_200_with_success_false_is_a_refusal_quoting_the_relay()
        {
            // ONE-mgmt-200-access-token-invalid: one-api refuses an unknown access token with HTTP 200.
            var fixture = CapturedFixture.ById("ONE-mgmt-200-access-token-invalid");
            var handler = new RoutedHandler().On("/api/token/", HttpStatusCode.OK, fixture.WireBody);

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(handler).ListAsync(0, CancellationToken.None));

            Assert.Equal(ManagementFailure.AccessTokenInvalid, error.Failure);
            Assert.Equal(200, error.StatusCode);
            Assert.Equal("无权进行此操作，access token 无效", error.ServerMessage);
            Assert.Equal("Could not list the relay's tokens: the relay answered HTTP 200 with '无权进行此操作，access token 无效'.", error.Message);
            Assert.Contains("-AccessToken", error.Advice, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_missing_new_api_user_asks_for_the_user_id()
        {
            // NEW-mgmt-401-missing-new-api-user.
            var fixture = CapturedFixture.ById("NEW-mgmt-401-missing-new-api-user");
            var handler = new RoutedHandler().On("/api/token/search", HttpStatusCode.Unauthorized, fixture.WireBody);

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(handler, userId: null).SearchAsync("ci", null, CancellationToken.None));

            Assert.Equal(ManagementFailure.UserIdMissing, error.Failure);
            Assert.Equal(401, error.StatusCode);
            Assert.Contains("未提供 New-Api-User", error.Message, StringComparison.Ordinal);
            Assert.Contains("-UserId", error.Advice, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_recent_new_api_code_is_read_when_the_message_is_empty()
        {
            var handler = new RoutedHandler().On("/api/token/5", HttpStatusCode.Unauthorized, "{\"success\":false,\"code\":\"AUTH_TOKEN_EXPIRED\",\"message\":\"\"}");

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(handler).GetAsync(5, CancellationToken.None));

            Assert.Equal(ManagementFailure.AccessTokenInvalid, error.Failure);
            Assert.Contains("AUTH_TOKEN_EXPIRED", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(200, "<!DOCTYPE html><html><body>One API</body></html>", "text/html", "an HTML page")]
        [InlineData(502, "", "text/plain", "an empty answer")]
        [InlineData(200, "{\"success\":true,\"data\":[{\"id\":1,\"name\":\"c", "application/json", "not the relay's JSON")]
        [InlineData(404, "{\"error\":{\"message\":\"Invalid URL (GET /api/token/)\",\"type\":\"invalid_request_error\"}}", "application/json", "not the relay's JSON")]
        public async Task Answers_without_the_envelope_are_unexpected(int status, string body, string contentType, string described)
        {
            var handler = new RoutedHandler().On("/api/token/", (HttpStatusCode)status, body, contentType);

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(handler).ListAsync(0, CancellationToken.None));

            Assert.Equal(ManagementFailure.UnexpectedAnswer, error.Failure);
            Assert.Equal(status, error.StatusCode);
            Assert.Contains(described, error.Message, StringComparison.Ordinal);
            Assert.Contains("-BaseUri", error.Advice, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_answer_larger_than_the_limit_is_unexpected_not_parsed()
        {
            var huge = "{\"success\":true,\"data\":[\"" + new string('x', 1_100_000) + "\"]}";
            var handler = new RoutedHandler().On("/api/token/", HttpStatusCode.OK, huge);

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(handler).ListAsync(0, CancellationToken.None));

            Assert.Equal(ManagementFailure.UnexpectedAnswer, error.Failure);
            Assert.Contains("larger than the module reads", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_refused_connection_is_no_answer()
        {
            var handler = new RoutedHandler().Failing("/api/token/", new HttpRequestException("Connection refused (relay.example.test:443)", new SocketException((int)SocketError.ConnectionRefused)));

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(handler).ListAsync(0, CancellationToken.None));

            Assert.Equal(ManagementFailure.NoAnswer, error.Failure);
            Assert.Null(error.StatusCode);
            Assert.IsType<HttpRequestException>(error.InnerException);
            Assert.Contains("Get-ServiceStatus", error.Advice, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_relay_that_does_not_answer_in_time_is_no_answer()
        {
            var handler = new ScriptedHandler(TimeProvider.System).ThenHang();

            var error = await Assert.ThrowsAsync<RelayManagementException>(
                () => Client(handler, timeout: TimeSpan.FromMilliseconds(300)).DeleteAsync(5, "delete the old token #5", CancellationToken.None));

            Assert.Equal(ManagementFailure.NoAnswer, error.Failure);
            Assert.StartsWith("Could not delete the old token #5: no answer within", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_callers_cancellation_is_not_turned_into_a_failure()
        {
            var handler = new ScriptedHandler(TimeProvider.System).ThenHang();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(handler).ListAsync(0, cancel.Token));
        }

        [Fact]
        public async Task A_plain_array_is_an_unpaged_list_with_whole_keys()
        {
            var relay = new FakeRelay(RelayFlavour.OneApi);
            relay.Add("a", StoredA);
            relay.Add("b", StoredB, status: 2);

            var page = await Client(relay).ListAsync(0, CancellationToken.None);

            Assert.False(page.IsPaged);
            Assert.Null(page.Total);
            Assert.Equal(new[] { "sk-" + StoredA, "sk-" + StoredB }, page.Tokens.Select(t => t.Key));
            Assert.Equal(new[] { 1, 2 }, page.Tokens.Select(t => t.Status));
        }

        [Fact]
        public async Task A_paged_answer_gives_the_total_and_masked_keys()
        {
            var relay = new FakeRelay(RelayFlavour.NewApiCurrent);
            relay.Add("a", StoredA);
            relay.Add("b", StoredB);

            var page = await Client(relay).ListAsync(1, CancellationToken.None);

            Assert.True(page.IsPaged);
            Assert.Equal(2, page.Total);
            Assert.All(page.Tokens, token => Assert.True(token.KeyIsMasked));
            Assert.Equal("sk-aaaa**********aaaa", page.Tokens[0].MaskedKey);
            Assert.True(page.Tokens[1].HasKey("sk-" + StoredB));
        }

        [Fact]
        public async Task Search_sends_the_name_and_only_when_given_the_key_fragment()
        {
            var relay = new FakeRelay(RelayFlavour.NewApi2025);
            relay.Add("team a&b", StoredA);
            var client = Client(relay);

            var byName = await client.SearchAsync("team a&b", null, CancellationToken.None);
            var byKey = await client.SearchAsync(string.Empty, StoredA, CancellationToken.None);

            Assert.Equal("team a&b", Assert.Single(byName).Name);
            Assert.Equal("sk-" + StoredA, Assert.Single(byKey).Key);
            Assert.Equal("team a&b", relay.Requests[0].Parameter("keyword"));
            Assert.Null(relay.Requests[0].Parameter("token"));
            Assert.Equal(StoredA, relay.Requests[1].Parameter("token"));
        }

        [Fact]
        public async Task Create_returns_the_token_on_one_api_and_nothing_on_new_api()
        {
            var settings = new Dictionary<string, object?> { ["name"] = "ci", ["remain_quota"] = 500000d, ["expired_time"] = -1d };
            var oneApi = new FakeRelay(RelayFlavour.OneApi);
            var newApi = new FakeRelay(RelayFlavour.NewApi2025);

            var created = await Client(oneApi).CreateAsync(settings, CancellationToken.None);
            var nothing = await Client(newApi).CreateAsync(settings, CancellationToken.None);

            Assert.NotNull(created);
            Assert.Equal("ci", created!.Name);
            Assert.StartsWith("sk-New0001", created.Key, StringComparison.Ordinal);
            Assert.Null(nothing);
            Assert.Equal("{\"name\":\"ci\",\"remain_quota\":500000,\"expired_time\":-1}", newApi.Requests.Single().Body);
            Assert.Single(newApi.Tokens);
        }

        [Fact]
        public async Task Reveal_gives_the_whole_key_with_sk_and_registers_it_as_a_secret()
        {
            var relay = new FakeRelay(RelayFlavour.NewApiCurrent);
            var id = relay.Add("ci", StoredA);

            var key = await Client(relay).RevealKeyAsync(id, CancellationToken.None);

            Assert.Equal("sk-" + StoredA, key);
            Assert.Equal($"POST /api/token/{id}/key", relay.Requests.Select(r => r.Method + " " + r.PathAndQuery).Single());
            Assert.DoesNotContain(StoredA, _redactor.Redact("the key is sk-" + StoredA), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Reveal_gives_null_on_a_relay_without_the_route()
        {
            // one-api and new-api/2025-04 answer an unknown route with a bare 404 page.
            var relay = new FakeRelay(RelayFlavour.OneApi);
            var id = relay.Add("ci", StoredA);

            Assert.Null(await Client(relay).RevealKeyAsync(id, CancellationToken.None));
        }

        [Fact]
        public async Task Status_only_and_full_updates_go_to_the_routes_the_relays_know()
        {
            var relay = new FakeRelay(RelayFlavour.OneApi);
            var id = relay.Add("ci", StoredA);
            var client = Client(relay);

            await client.SetStatusAsync(id, RelayToken.StatusDisabled, "disable the old token", CancellationToken.None);
            await client.UpdateAsync(new Dictionary<string, object?> { ["id"] = id, ["name"] = "renamed" }, "rename", CancellationToken.None);
            await client.DeleteAsync(id, "delete", CancellationToken.None);

            Assert.Equal(
                new[] { "PUT /api/token/?status_only=true {\"id\":1,\"status\":2}", "PUT /api/token/ {\"id\":1,\"name\":\"renamed\"}", "DELETE /api/token/1 " },
                relay.Requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.Body}"));
            Assert.Empty(relay.Tokens);
        }

        [Fact]
        public async Task An_unknown_token_id_is_token_not_found()
        {
            var relay = new FakeRelay(RelayFlavour.OneApi);

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(relay).GetAsync(99, CancellationToken.None));

            Assert.Equal(ManagementFailure.TokenNotFound, error.Failure);
            Assert.Contains("read token #99", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_access_token_never_appears_in_a_message_or_log_line_even_when_the_relay_echoes_it()
        {
            var echo = $"{{\"success\":false,\"message\":\"无权进行此操作，access token 无效: {FakeRelay.AccessToken}\"}}";
            var handler = new RoutedHandler().On("/api/token/", HttpStatusCode.OK, echo);

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => Client(handler).ListAsync(0, CancellationToken.None));

            Assert.Equal(ManagementFailure.AccessTokenInvalid, error.Failure);
            Assert.DoesNotContain(FakeRelay.AccessToken, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeRelay.AccessToken, error.ServerMessage!, StringComparison.Ordinal);
            Assert.NotEmpty(_log.Lines);
            Assert.All(_log.Lines, line => Assert.DoesNotContain(FakeRelay.AccessToken, line, StringComparison.Ordinal));
        }

        private RelayManagementClient Client(HttpMessageHandler handler, int? userId = FakeRelay.UserId, TimeSpan? timeout = null) =>
            new(new HttpClient(handler), new Uri(FakeRelay.BaseUri), FakeRelay.AccessToken, userId, timeout ?? TimeSpan.FromSeconds(5), _redactor, _log);
    }
}
