using System;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Management;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Management
{
    /// <summary>Tokens as the relays show them: keys stored without sk-, and new-api/current's masked keys.</summary>
    public sealed class RelayTokenTests
    {
        private const string Stored = "abcdEFGH0123456789ijklmnopqrstuvwxyzABCDEFGHwxyz";

        [Fact]
        public void A_whole_stored_key_gets_its_sk_prefix()
        {
            var token = Parse($"{{\"id\":3,\"name\":\"ci\",\"key\":\"{Stored}\",\"status\":1}}");

            Assert.Equal(3, token.Id);
            Assert.Equal("ci", token.Name);
            Assert.Equal("sk-" + Stored, token.Key);
            Assert.Equal(RelayToken.StatusEnabled, token.Status);
            Assert.False(token.KeyIsMasked);
            Assert.Equal("sk-****wxyz", token.MaskedKey);
            Assert.Equal("'ci' (#3)", token.ToString());
        }

        [Theory]
        [InlineData("sk-abc123", "sk-abc123")]
        [InlineData("abc123", "sk-abc123")]
        [InlineData("abcd**********wxyz", null)]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void Whole_key_adds_sk_once_and_gives_nothing_for_a_masked_key(string? stored, string? expected)
        {
            Assert.Equal(expected, RelayToken.WholeKey(stored));
        }

        [Fact]
        public void A_masked_key_leaves_key_null_and_shows_the_relays_mask()
        {
            var token = Parse("{\"id\":4,\"name\":\"ci\",\"key\":\"abcd**********wxyz\",\"status\":2}");

            Assert.Null(token.Key);
            Assert.True(token.KeyIsMasked);
            Assert.Equal("sk-abcd**********wxyz", token.MaskedKey);
            Assert.Equal(RelayToken.StatusDisabled, token.Status);
        }

        [Theory]
        [InlineData("sk-" + Stored, true)]
        [InlineData(Stored, true)]
        [InlineData("sk-abcdXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXwxyz", true)]
        [InlineData("sk-abceEFGH0123456789ijklmnopqrstuvwxyzABCDEFGHwxyz", false)]
        [InlineData("sk-abcdEFGH0123456789ijklmnopqrstuvwxyzABCDEFGHwxyZ", false)]
        [InlineData("sk-abcd", false)]
        public void Has_key_matches_a_masked_key_by_its_ends(string key, bool expected)
        {
            var token = Parse("{\"id\":4,\"name\":\"ci\",\"key\":\"abcd**********wxyz\"}");

            Assert.Equal(expected, token.HasKey(key));
        }

        [Fact]
        public void Has_key_matches_a_whole_key_exactly()
        {
            var token = Parse($"{{\"id\":5,\"name\":\"ci\",\"key\":\"{Stored}\"}}");

            Assert.True(token.HasKey("sk-" + Stored));
            Assert.False(token.HasKey("sk-" + Stored.ToUpperInvariant()));
        }

        [Theory]
        [InlineData("{\"name\":\"no id\"}")]
        [InlineData("{\"id\":\"5\"}")]
        [InlineData("[1,2]")]
        [InlineData("null")]
        public void Objects_without_a_numeric_id_are_not_tokens(string json)
        {
            Assert.True(JsonLite.TryParse(json, out var value));

            Assert.Null(RelayToken.FromJson(value));
        }

        [Fact]
        public void Copy_carries_over_settings_only_under_the_new_name()
        {
            var old = Parse(
                $"{{\"id\":9,\"user_id\":7,\"name\":\"old\",\"key\":\"{Stored}\",\"status\":1,\"created_time\":1700000000,\"accessed_time\":1700000100," +
                "\"used_quota\":1234,\"expired_time\":-1,\"remain_quota\":500000,\"unlimited_quota\":false,\"model_limits_enabled\":true," +
                "\"model_limits\":\"gpt-4o-mini,gpt-4o\",\"allow_ips\":\"10.0.0.1\\n10.0.0.2\",\"group\":\"vip\",\"cross_group_retry\":true}");

            var body = TokenSettings.Copy(old, "reset-1", 10);

            Assert.Equal(
                "{\"id\":10,\"name\":\"reset-1\",\"expired_time\":-1,\"remain_quota\":500000,\"unlimited_quota\":false,\"model_limits_enabled\":true," +
                "\"model_limits\":\"gpt-4o-mini,gpt-4o\",\"allow_ips\":\"10.0.0.1\\n10.0.0.2\",\"group\":\"vip\",\"cross_group_retry\":true}",
                JsonWriter.Write(body));
        }

        [Fact]
        public void Copy_without_an_id_is_a_create_body_and_leaves_out_fields_the_relay_did_not_send()
        {
            var old = Parse("{\"id\":9,\"name\":\"old\",\"remain_quota\":0,\"unlimited_quota\":true,\"models\":\"gpt-4o\",\"subnet\":null}");

            var body = TokenSettings.Copy(old, "old");

            Assert.Equal("{\"name\":\"old\",\"remain_quota\":0,\"unlimited_quota\":true,\"models\":\"gpt-4o\",\"subnet\":null}", JsonWriter.Write(body));
        }

        [Fact]
        public void Describe_names_quota_expiry_models_ips_and_group()
        {
            var newApi = Parse(
                "{\"id\":9,\"name\":\"old\",\"remain_quota\":500000,\"unlimited_quota\":false,\"expired_time\":1767225600," +
                "\"model_limits_enabled\":true,\"model_limits\":\"gpt-4o-mini,gpt-4o\",\"allow_ips\":\"10.0.0.1\\n10.0.0.2\",\"group\":\"vip\"}");
            var oneApi = Parse("{\"id\":9,\"name\":\"old\",\"unlimited_quota\":true,\"expired_time\":-1,\"models\":\"\",\"subnet\":\"192.168.0.0/24\"}");

            Assert.Equal(
                "quota 500000, expires 2026-01-01 00:00 UTC, models gpt-4o-mini,gpt-4o, allowed IPs 10.0.0.1,10.0.0.2, group vip",
                TokenSettings.Describe(newApi));
            Assert.Equal("unlimited quota, never expires, allowed IPs 192.168.0.0/24", TokenSettings.Describe(oneApi));
        }

        [Fact]
        public void Describe_ignores_model_limits_that_are_switched_off()
        {
            var token = Parse("{\"id\":9,\"name\":\"old\",\"remain_quota\":10,\"model_limits_enabled\":false,\"model_limits\":\"gpt-4o\"}");

            Assert.Equal("quota 10, never expires", TokenSettings.Describe(token));
        }

        private static RelayToken Parse(string json)
        {
            Assert.True(JsonLite.TryParse(json, out var value));
            return RelayToken.FromJson(value) ?? throw new InvalidOperationException("not a token");
        }
    }
}
