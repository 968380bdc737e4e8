using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Rotation;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Rotation
{
    /// <summary>What -WhatIf relies on: refusing unsupported services, telling relays apart and finding the token, all by reading only.</summary>
    public sealed class KeyRotatorPlanTests
    {
        [Theory]
        [InlineData("https://api.chatanywhere.tech")]
        [InlineData("https://api.chatanywhere.org/v1")]
        [InlineData("https://api.chatanywhere.com.cn")]
        [InlineData("https://api.chatanywhere.cn")]
        public async Task ChatAnywhere_hosts_are_refused_naming_issue_330_before_anything_is_sent(string baseUri)
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            var relay = ServiceEndpoint.TryParse(baseUri, false, out _)!;
            var request = new RotationRequest(relay, RotationHarness.ByOldKey(), FakeRelay.AccessToken, null, RelayBackend.Auto);

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.Rotator().PlanAsync(request, harness.Progress, CancellationToken.None));

            Assert.Equal(RotationFailure.NotSupported, error.Failure);
            Assert.Contains("https://github.com/chatanywhere/GPT_API_free/issues/330", error.Message, StringComparison.Ordinal);
            Assert.Contains("Wait-KeyActivation", error.Advice, StringComparison.Ordinal);
            Assert.Empty(harness.Relay.Requests);
        }

        [Fact]
        public void The_chat_anywhere_backend_is_refused_whatever_the_host()
        {
            var error = Assert.Throws<KeyRotationException>(() => RotationSupport.RefuseUnsupported(RotationHarness.Endpoint, RelayBackend.ChatAnywhere));

            Assert.Equal(RotationFailure.NotSupported, error.Failure);
            Assert.Contains("issues/330", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void OpenAI_is_refused_with_where_to_rotate_its_keys()
        {
            var error = Assert.Throws<KeyRotationException>(() => RotationSupport.RefuseUnsupported(ServiceEndpoint.TryParse("https://api.openai.com/v1", false, out _)!, RelayBackend.Auto));

            Assert.Equal(RotationFailure.NotSupported, error.Failure);
            Assert.Contains("platform.openai.com", error.Advice, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(RelayBackend.OneApi)]
        [InlineData(RelayBackend.NewApi)]
        [InlineData(RelayBackend.Auto)]
        public void Relays_are_not_refused(RelayBackend backend)
        {
            RotationSupport.RefuseUnsupported(RotationHarness.Endpoint, backend);
        }

        [Theory]
        [InlineData(RelayFlavour.OneApi, RelayBackend.OneApi)]
        [InlineData(RelayFlavour.NewApi2025, RelayBackend.NewApi)]
        [InlineData(RelayFlavour.NewApiCurrent, RelayBackend.NewApi)]
        public async Task Auto_tells_one_api_from_new_api_by_their_status(RelayFlavour flavour, RelayBackend expected)
        {
            var harness = new RotationHarness(flavour);

            var plan = await harness.PlanAsync(TokenSelector.ById(harness.OldId), RelayBackend.Auto);

            Assert.Equal(expected, plan.Backend);
            Assert.Equal("/api/status", harness.Relay.Requests[0].Path);
        }

        [Theory]
        [InlineData(200, "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>", "text/html")]
        [InlineData(404, "404 page not found", "text/plain")]
        [InlineData(200, "{\"status\":\"ok\"}", "application/json")]
        public async Task Auto_refuses_a_site_that_is_not_a_relay(int status, string body, string contentType)
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.Intercept = r => r.Path == "/api/status" ? FakeRelay.Answer((HttpStatusCode)status, body, contentType) : null;

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.PlanAsync(TokenSelector.ById(harness.OldId), RelayBackend.Auto));

            Assert.Equal(RotationFailure.UnknownBackend, error.Failure);
            Assert.Contains("-Backend", error.Advice, StringComparison.Ordinal);
            Assert.Single(harness.Relay.Requests);
        }

        [Fact]
        public async Task An_unknown_id_is_token_not_found()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.PlanAsync(TokenSelector.ById(99), RelayBackend.OneApi));

            Assert.Equal(RotationFailure.TokenNotFound, error.Failure);
            Assert.Equal("The relay shows this user no token with id 99.", error.Message);
            Assert.IsType<RelayManagementException>(error.InnerException);
        }

        [Fact]
        public async Task A_name_is_matched_exactly_and_two_tokens_with_it_are_listed_by_id()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.Add(RotationHarness.OldName + "-staging", "Stag3333333333333333333333333333333333333333stag");
            var unique = await harness.PlanAsync(TokenSelector.ByName(RotationHarness.OldName), RelayBackend.OneApi);
            var twin = harness.Relay.Add(RotationHarness.OldName, "Twin4444444444444444444444444444444444444444twin");

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.PlanAsync(TokenSelector.ByName(RotationHarness.OldName), RelayBackend.OneApi));

            Assert.Equal(harness.OldId, unique.OldToken.Id);
            Assert.Equal(RotationFailure.AmbiguousName, error.Failure);
            Assert.Equal($"2 tokens are named '{RotationHarness.OldName}': #{harness.OldId}, #{twin}.", error.Message);
            Assert.Contains("-TokenId", error.Advice, StringComparison.Ordinal);
        }

        [Fact]
        public async Task One_api_is_searched_by_key_through_its_list_pages()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            MoveOldTokenToPage(harness, 2);

            var plan = await harness.PlanAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi);

            Assert.Equal(RotationHarness.OldName, plan.OldToken.Name);
            Assert.Equal(new[] { "0", "1", "2" }, ListedPages(harness));
        }

        [Fact]
        public async Task One_api_list_walking_stops_at_an_empty_page()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            MoveOldTokenToPage(harness, 2);
            var unknown = TokenSelector.ByKey(KeyInspector.Inspect("sk-Unkn5555555555555555555555555555555555555555unkn"));

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.PlanAsync(unknown, RelayBackend.OneApi));

            Assert.Equal(RotationFailure.TokenNotFound, error.Failure);
            Assert.Equal(new[] { "0", "1", "2", "3" }, ListedPages(harness));
        }

        [Fact]
        public async Task One_api_list_walking_ends_on_a_relay_that_ignores_the_page_number()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            MoveOldTokenToPage(harness, 2);
            harness.Relay.IgnoresPage = true;

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.PlanAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi));

            Assert.Equal(RotationFailure.TokenNotFound, error.Failure);
            Assert.InRange(ListedPages(harness).Length, 2, 11);
        }

        [Fact]
        public async Task One_api_list_walking_stops_at_the_first_repeated_page_when_the_relay_ignores_the_page_number()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            MoveOldTokenToPage(harness, 2);
            harness.Relay.IgnoresPage = true;

            await Assert.ThrowsAsync<KeyRotationException>(() => harness.PlanAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi));

            Assert.Equal(new[] { "0", "1" }, ListedPages(harness));
        }

        [Theory]
        [InlineData(RelayFlavour.NewApi2025)]
        [InlineData(RelayFlavour.NewApiCurrent)]
        public async Task New_api_is_found_by_key_through_its_list_never_with_the_key_in_a_url(RelayFlavour flavour)
        {
            // Issue 16: search?token= put the key in the relay's access log.
            var harness = new RotationHarness(flavour);
            MoveOldTokenToPage(harness, 2);

            var plan = await harness.PlanAsync(RotationHarness.ByOldKey(), RelayBackend.NewApi);

            Assert.Equal(harness.OldId, plan.OldToken.Id);
            Assert.Equal(flavour == RelayFlavour.NewApiCurrent, plan.OldToken.KeyIsMasked);
            Assert.DoesNotContain(harness.Relay.Requests, r => r.Path == "/api/token/search");
            Assert.DoesNotContain(harness.Relay.Requests, r => r.PathAndQuery.Contains(RotationHarness.OldStored.Substring(4, 20), StringComparison.Ordinal));
            Assert.Equal("sk-****wxyz", plan.OldKeyMasked);
        }

        [Theory]
        [InlineData(RelayFlavour.OneApi)]
        [InlineData(RelayFlavour.NewApi2025)]
        [InlineData(RelayFlavour.NewApiCurrent)]
        public async Task Planning_only_reads(RelayFlavour flavour)
        {
            var harness = new RotationHarness(flavour);

            await harness.PlanAsync(RotationHarness.ByOldKey(), RelayBackend.Auto);
            await harness.PlanAsync(TokenSelector.ById(harness.OldId), RelayBackend.Auto);
            await harness.PlanAsync(TokenSelector.ByName(RotationHarness.OldName), RelayBackend.Auto);

            Assert.NotEmpty(harness.Relay.Requests);
            Assert.Empty(harness.Relay.Changes);
            Assert.Equal(2, harness.Relay.Tokens.Count);
        }

        [Theory]
        [InlineData(RevokeMode.Disable, true, "check that the relay accepts its key, then disable token #2, then check that the relay refuses the old key")]
        [InlineData(RevokeMode.Delete, true, "check that the relay accepts its key, then delete token #2, then check that the relay refuses the old key")]
        [InlineData(RevokeMode.Keep, true, "check that the relay accepts its key, then leave token #2 working (-RevokeMode Keep)")]
        [InlineData(RevokeMode.Disable, false, "disable token #2")]
        public async Task The_plan_names_the_token_its_settings_and_every_step(RevokeMode mode, bool verify, string steps)
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Options.RevokeMode = mode;
            harness.Options.Verify = verify;

            var plan = await harness.PlanAsync(TokenSelector.ById(harness.OldId), RelayBackend.OneApi);

            Assert.Equal(
                "Rotate key sk-****wxyz: create a token named 'ci-deploy' with the settings of #2 " +
                "(quota 500000, never expires, models gpt-4o-mini,gpt-4o, allowed IPs 10.0.0.0/8), then " + steps,
                plan.Action);
            Assert.Equal("token 'ci-deploy' (#2) on https://relay.example.test", plan.Target);
        }

        [Fact]
        public async Task A_wrong_access_token_stops_the_plan_with_the_relays_refusal()
        {
            // ONE-mgmt-200-access-token-invalid is what the fake relay answers to an unknown access token.
            var harness = new RotationHarness(RelayFlavour.OneApi);
            var request = harness.Request(TokenSelector.ById(harness.OldId), RelayBackend.OneApi, accessToken: "ffffffffffffffffffffffffffffffff");

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => harness.Rotator().PlanAsync(request, harness.Progress, CancellationToken.None));

            Assert.Equal(ManagementFailure.AccessTokenInvalid, error.Failure);
            Assert.Equal(CapturedFixtureMessage("ONE-mgmt-200-access-token-invalid"), error.ServerMessage);
        }

        private static string? CapturedFixtureMessage(string id) =>
            JsonLite.TryParse(CapturedFixture.ById(id).WireBody, out var body) ? JsonLite.Text(body, "message") : null;

        // one-api lists ten tokens a page from page 0: fill the pages before it, then move the old token behind them.
        private static void MoveOldTokenToPage(RotationHarness harness, int page)
        {
            for (var i = harness.Relay.Tokens.Count; i < page * 10 + 1; i++)
            {
                harness.Relay.Add($"filler-{i}", $"Fill{i:D4}" + new string('f', 40));
            }

            harness.Relay.MoveToEnd(harness.OldId);
        }

        private static string?[] ListedPages(RotationHarness harness) =>
            harness.Relay.Requests.Where(r => r.Path == "/api/token/" && r.Method == "GET").Select(r => r.Parameter("p")).ToArray();
    }
}
