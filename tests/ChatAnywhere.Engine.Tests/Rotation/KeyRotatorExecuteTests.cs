using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Rotation;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Rotation
{
    /// <summary>Whole rotations over a fake relay: what the user ends up with in the relay and in the outcome.</summary>
    public sealed class KeyRotatorExecuteTests
    {
        // Request fields the replacement must take over (relay-admin-api.md §2, "Request fields").
        private static readonly string[] OneApiSettingFields = { "remain_quota", "expired_time", "unlimited_quota", "models", "subnet" };
        private static readonly string[] NewApiSettingFields = { "remain_quota", "expired_time", "unlimited_quota", "model_limits_enabled", "model_limits", "allow_ips", "group" };

        [Fact]
        public async Task One_api_rotation_gives_a_new_key_with_the_old_settings_and_disables_the_old_token()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi);

            var created = harness.Relay.Token(outcome.NewTokenId)!;
            Assert.NotEqual(harness.OldId, outcome.NewTokenId);
            Assert.Equal("sk-" + (string)created["key"]!, outcome.NewKey);
            Assert.Equal(RotationHarness.OldName, (string)created["name"]!);
            AssertSameSettings(harness, created, OneApiSettingFields);
            Assert.Equal(RelayToken.StatusDisabled, harness.OldStatus);
            Assert.True(outcome.Verified);
            Assert.Equal(OldKeyState.Disabled, outcome.OldKeyState);
            Assert.True(outcome.OldKeyRefused);
            Assert.Null(outcome.RevokeFailure);
            Assert.Empty(outcome.Warnings);

            // one-api's create answers with the key: no search, no rename.
            Assert.Equal(new[] { "POST /api/token/", "PUT /api/token/?status_only=true" }, Changes(harness));
        }

        [Fact]
        public async Task New_api_2025_rotation_finds_the_new_token_by_its_temporary_name_then_gives_it_the_old_name()
        {
            var harness = new RotationHarness(RelayFlavour.NewApi2025);

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.NewApi);

            var created = harness.Relay.Token(outcome.NewTokenId)!;
            Assert.Equal(RotationHarness.OldName, (string)created["name"]!);
            Assert.Equal("sk-" + (string)created["key"]!, outcome.NewKey);
            AssertSameSettings(harness, created, NewApiSettingFields);
            Assert.True(outcome.Verified);
            Assert.True(outcome.OldKeyRefused);

            var create = harness.Relay.Requests.Single(r => r.Method == "POST");
            var temporary = (string)JsonNode.Parse(create.Body!)!["name"]!;
            Assert.StartsWith("reset-", temporary, StringComparison.Ordinal);
            Assert.InRange(temporary.Length, 1, 30);
            Assert.Contains(harness.Relay.Requests, r => r.Path == "/api/token/search" && r.Parameter("keyword") == temporary);

            // The search showed the whole key: nothing to reveal. The rename is a full update carrying every setting.
            Assert.Equal(new[] { "POST /api/token/", "PUT /api/token/", "PUT /api/token/?status_only=true" }, Changes(harness));
            var rename = JsonNode.Parse(harness.Relay.Requests.Single(r => r.Method == "PUT" && r.PathAndQuery == "/api/token/").Body!)!.AsObject();
            Assert.Equal(outcome.NewTokenId, (long)rename["id"]!);
            Assert.All(NewApiSettingFields, field => Assert.True(rename.ContainsKey(field), field));
        }

        [Fact]
        public async Task Recent_new_api_rotation_reveals_the_masked_keys_of_both_tokens()
        {
            var harness = new RotationHarness(RelayFlavour.NewApiCurrent);

            var outcome = await harness.RotateAsync(TokenSelector.ById(harness.OldId), RelayBackend.NewApi);

            var created = harness.Relay.Token(outcome.NewTokenId)!;
            Assert.Equal("sk-" + (string)created["key"]!, outcome.NewKey);
            Assert.Equal(RotationHarness.OldName, (string)created["name"]!);
            AssertSameSettings(harness, created, NewApiSettingFields);
            Assert.True(outcome.Verified);
            Assert.Equal(OldKeyState.Disabled, outcome.OldKeyState);

            // Chosen by id, the old key was known only masked: it is revealed before the token is disabled, to check it is refused.
            Assert.True(outcome.OldKeyRefused);
            Assert.Equal(
                new[] { "POST /api/token/", $"POST /api/token/{outcome.NewTokenId}/key", "PUT /api/token/", $"POST /api/token/{harness.OldId}/key", "PUT /api/token/?status_only=true" },
                Changes(harness));
        }

        [Fact]
        public async Task Revoke_mode_delete_removes_the_old_token()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Options.RevokeMode = RevokeMode.Delete;

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi);

            Assert.Null(harness.Relay.Token(harness.OldId));
            Assert.NotNull(harness.Relay.Token(outcome.NewTokenId));
            Assert.Equal(OldKeyState.Deleted, outcome.OldKeyState);
            Assert.True(outcome.OldKeyRefused);
        }

        [Fact]
        public async Task Revoke_mode_keep_leaves_the_old_token_working()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Options.RevokeMode = RevokeMode.Keep;

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi);

            Assert.Equal(RelayToken.StatusEnabled, harness.OldStatus);
            Assert.Equal(OldKeyState.StillActive, outcome.OldKeyState);
            Assert.Null(outcome.OldKeyRefused);
            Assert.True(outcome.Verified);
            Assert.Equal(new[] { "POST /api/token/" }, Changes(harness));
        }

        [Fact]
        public async Task A_new_key_the_data_plane_never_accepts_is_deleted_again_and_the_old_token_is_untouched()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.RefuseNewKeys();
            var before = harness.Relay.Tokens.Select(t => t.ToJsonString()).ToList();

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi));

            Assert.Equal(RotationFailure.VerificationFailed, error.Failure);
            Assert.Null(error.LeftoverTokenId);
            Assert.NotNull(error.Verification);
            Assert.False(error.Verification!.Activated);
            Assert.Contains("was deleted again", error.Message, StringComparison.Ordinal);
            Assert.Contains("the old token is unchanged and still works", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, harness.Relay.Tokens.Select(t => t.ToJsonString()));
            Assert.Equal(new[] { "POST /api/token/", "DELETE /api/token/3" }, Changes(harness));
        }

        [Fact]
        public async Task A_replacement_that_cannot_be_deleted_again_is_named_as_left_over()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.RefuseNewKeys();
            harness.Relay.Intercept = r => r.Method == "DELETE" ? FakeRelay.Answer(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html") : null;

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi));

            Assert.Equal(RotationFailure.VerificationFailed, error.Failure);
            Assert.Equal(3, error.LeftoverTokenId);
            Assert.NotNull(harness.Relay.Token(3));
            Assert.Contains("#3 could not be deleted again", error.Message, StringComparison.Ordinal);
            Assert.Equal(RelayToken.StatusEnabled, harness.OldStatus);
        }

        [Fact]
        public async Task A_failed_rename_on_new_api_deletes_the_replacement_again()
        {
            var harness = new RotationHarness(RelayFlavour.NewApi2025);
            harness.Relay.Refuse("PUT", "/api/token/", "令牌名称过长");

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.NewApi));

            Assert.Equal(RotationFailure.ReplacementFailed, error.Failure);
            Assert.Contains("令牌名称过长", error.Message, StringComparison.Ordinal);
            Assert.Null(error.LeftoverTokenId);
            Assert.Equal(2, harness.Relay.Tokens.Count);
            Assert.Equal(RelayToken.StatusEnabled, harness.OldStatus);
        }

        [Fact]
        public async Task A_token_limit_on_create_changes_nothing_and_says_how_to_make_room()
        {
            var harness = new RotationHarness(RelayFlavour.NewApiCurrent);
            harness.Relay.Refuse("POST", "/api/token/", "已达到最大令牌数量限制 (5)");

            var error = await Assert.ThrowsAsync<RelayManagementException>(() => harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.NewApi));

            Assert.Equal(ManagementFailure.TokenLimitReached, error.Failure);
            Assert.Equal(2, harness.Relay.Tokens.Count);
            Assert.Equal(new[] { "POST /api/token/" }, Changes(harness));
        }

        [Fact]
        public async Task A_disable_whose_answer_is_lost_is_read_back_and_reported_as_done()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.LoseAnswer = r => r.Parameter("status_only") == "true";

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi);

            Assert.Equal(RelayToken.StatusDisabled, harness.OldStatus);
            Assert.Equal(OldKeyState.Disabled, outcome.OldKeyState);
            Assert.Null(outcome.RevokeFailure);
            Assert.True(outcome.OldKeyRefused);
            Assert.Empty(outcome.ToResult("new").LeftoverTokenIds);
        }

        [Fact]
        public async Task A_delete_whose_answer_is_lost_is_read_back_and_reported_as_done()
        {
            var harness = new RotationHarness(RelayFlavour.NewApiCurrent);
            harness.Options.RevokeMode = RevokeMode.Delete;
            harness.Relay.LoseAnswer = r => r.Method == "DELETE";

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.NewApi);

            Assert.Null(harness.Relay.Token(harness.OldId));
            Assert.Equal(OldKeyState.Deleted, outcome.OldKeyState);
            Assert.Null(outcome.RevokeFailure);
        }

        [Fact]
        public async Task A_rollback_delete_whose_answer_is_lost_names_no_leftover()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.RefuseNewKeys();
            harness.Relay.LoseAnswer = r => r.Method == "DELETE";
            var before = harness.Relay.Tokens.Count;

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi));

            Assert.Null(error.LeftoverTokenId);
            Assert.Empty(error.LeftoverTokenIds);
            Assert.Contains("was deleted again", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, harness.Relay.Tokens.Count);
        }

        [Fact]
        public async Task A_create_whose_answer_is_lost_is_found_by_name_and_deleted_again_leaving_older_namesakes_alone()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            var namesake = harness.Relay.Add(RotationHarness.OldName, "Namesake0000000000000000000000000000000000000000");
            harness.Relay.LoseAnswer = r => r.Method == "POST";
            var before = harness.Relay.Tokens.Count;

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi));

            Assert.Equal(RotationFailure.ReplacementFailed, error.Failure);
            Assert.Empty(error.LeftoverTokenIds);
            Assert.Contains("all the same; it was deleted again", error.Message, StringComparison.Ordinal);
            Assert.NotNull(harness.Relay.Token(namesake));
            Assert.Equal(before, harness.Relay.Tokens.Count);
            Assert.Equal(RelayToken.StatusEnabled, harness.OldStatus);
        }

        [Fact]
        public async Task A_create_whose_answer_is_lost_and_whose_token_cannot_be_deleted_names_it_as_left_over()
        {
            var harness = new RotationHarness(RelayFlavour.NewApi2025);
            harness.Relay.LoseAnswer = r => r.Method == "POST";
            harness.Relay.Intercept = r => r.Method == "DELETE" ? FakeRelay.Answer(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html") : null;

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.NewApi));

            var left = Assert.Single(error.LeftoverTokenIds);
            Assert.Equal(left, error.LeftoverTokenId);
            Assert.NotNull(harness.Relay.Token(left));
            Assert.Contains($"#{left} could not be deleted again", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_failed_revoke_keeps_the_new_key_and_reports_the_old_token_still_active()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.Intercept = r => r.Parameter("status_only") == "true" ? FakeRelay.Answer(HttpStatusCode.InternalServerError, string.Empty, "text/plain") : null;

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi);

            Assert.Equal(OldKeyState.StillActive, outcome.OldKeyState);
            Assert.NotNull(outcome.RevokeFailure);
            Assert.Equal(500, outcome.RevokeFailure!.StatusCode);
            Assert.Contains("disable the old token", outcome.RevokeFailure.Message, StringComparison.Ordinal);
            Assert.True(outcome.Verified);
            Assert.Null(outcome.OldKeyRefused);
            Assert.Equal("sk-" + (string)harness.Relay.Token(outcome.NewTokenId)!["key"]!, outcome.NewKey);
            Assert.Equal(RelayToken.StatusEnabled, harness.OldStatus);
        }

        [Fact]
        public async Task An_old_key_a_cache_keeps_alive_is_reported_with_a_warning_within_the_check_time()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Relay.CachedKeys.Add(RotationHarness.OldKey);
            var started = harness.Time.GetUtcNow();

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi);

            Assert.Equal(OldKeyState.Disabled, outcome.OldKeyState);
            Assert.False(outcome.OldKeyRefused);
            var warning = Assert.Single(outcome.Warnings);
            Assert.Contains("cache", warning, StringComparison.Ordinal);
            Assert.Contains("sk-****wxyz", warning, StringComparison.Ordinal);
            Assert.InRange((outcome.CompletedAt - started).TotalSeconds, 0, harness.Options.RevokeCheckTimeout.TotalSeconds + 1);
            Assert.True(OldKeyProbes(harness) >= 2);
        }

        [Fact]
        public async Task Cancelling_while_the_old_key_is_checked_keeps_the_new_token()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            harness.Options.RevokeCheckTimeout = TimeSpan.FromMinutes(10);
            harness.Relay.CachedKeys.Add(RotationHarness.OldKey);
            using var cancel = new CancellationTokenSource();
            harness.Relay.Intercept = r =>
            {
                // Ctrl+C while Reset-ApiKey watches a cached old key die (one-api: up to 600 s, §5).
                if (r.Path == "/v1/models" && r.Authorization == "Bearer " + RotationHarness.OldKey)
                {
                    cancel.Cancel();
                }

                return null;
            };

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi, cancel.Token);

            // The new key is the caller's: the outcome comes back, the watch ends at once, and says so.
            Assert.Equal(RelayToken.StatusDisabled, harness.OldStatus);
            Assert.Equal(OldKeyState.Disabled, outcome.OldKeyState);
            Assert.Null(outcome.OldKeyRefused);
            Assert.Contains(outcome.Warnings, w => w.Contains("Ctrl+C", StringComparison.Ordinal) && w.Contains("refuses the old key", StringComparison.Ordinal));
            var survivors = harness.Relay.Tokens.Where(t => (long)t["id"]! != harness.OldId && (string)t["name"]! == RotationHarness.OldName);
            Assert.Equal(outcome.NewTokenId, (long)Assert.Single(survivors)["id"]!);
        }

        [Fact]
        public async Task Cancelling_while_the_old_token_is_disabled_lets_the_disable_finish_and_returns_the_new_key()
        {
            var harness = new RotationHarness(RelayFlavour.OneApi);
            using var cancel = new CancellationTokenSource();
            harness.Relay.Intercept = r =>
            {
                // Ctrl+C just as the disable is sent: the call must not be cut off, leaving its effect unknown.
                if (r.Method == "PUT" && r.PathAndQuery == "/api/token/?status_only=true")
                {
                    cancel.Cancel();
                }

                return null;
            };

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.OneApi, cancel.Token);

            Assert.True(outcome.Verified);
            Assert.Equal(RelayToken.StatusDisabled, harness.OldStatus);
            Assert.Equal(OldKeyState.Disabled, outcome.OldKeyState);
            Assert.Null(outcome.OldKeyRefused);
            Assert.Contains(outcome.Warnings, w => w.Contains("Ctrl+C", StringComparison.Ordinal) && w.Contains("before checking", StringComparison.Ordinal));
            Assert.DoesNotContain(harness.Relay.Requests, r => r.Path == "/v1/models" && r.Authorization == "Bearer " + RotationHarness.OldKey);
        }

        private static string[] Changes(RotationHarness harness) =>
            harness.Relay.Changes.Select(r => $"{r.Method} {r.PathAndQuery}").ToArray();

        private static int OldKeyProbes(RotationHarness harness) =>
            harness.Relay.Requests.Count(r => r.Path == "/v1/models" && r.Authorization == "Bearer " + RotationHarness.OldKey);

        private static void AssertSameSettings(RotationHarness harness, JsonObject created, string[] fields)
        {
            var old = harness.Relay.Token(harness.OldId) ?? (harness.Relay.Flavour == RelayFlavour.OneApi ? RotationHarness.OneApiSettings() : RotationHarness.NewApiSettings());
            Assert.All(fields, field => Assert.Equal(old[field]?.ToJsonString(), created[field]?.ToJsonString()));
            Assert.False(created.ContainsKey("used_quota"), "used_quota is the relay's, not a setting");
        }
    }
}
