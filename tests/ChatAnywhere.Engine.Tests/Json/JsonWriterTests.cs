using System;
using System.Collections.Generic;
using ChatAnywhere.Engine.Json;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Json
{
    /// <summary>Token bodies go back to the relay as they came: Go parses ids, quotas and times as integers.</summary>
    public sealed class JsonWriterTests
    {
        // A one-api token as GET /api/token/:id shows it (relay-admin-api.md §2, field tables), with a name that needs escaping.
        private const string TokenBody =
            "{\"id\":12,\"name\":\"team \\\"A\\\"\\\\ci\\n密钥\\t\\u0001\",\"remain_quota\":500000,\"expired_time\":-1," +
            "\"unlimited_quota\":false,\"models\":null,\"used_quota\":0.5,\"groups\":[[\"default\",\"vip\"],[]],\"limits\":{}}";

        [Fact]
        public void A_token_body_round_trips_unchanged()
        {
            Assert.True(JsonLite.TryParse(TokenBody, out var token));

            Assert.Equal(TokenBody, JsonWriter.Write(token));
        }

        [Fact]
        public void Whole_numbers_go_out_as_integers_and_fractions_keep_their_digits()
        {
            Assert.True(JsonLite.TryParse("[500000,-1,0,1700000000,9007199254740991,0.1,-2.5,1e300]", out var numbers));

            Assert.Equal("[500000,-1,0,1700000000,9007199254740991,0.1,-2.5,1E+300]", JsonWriter.Write(numbers));
        }

        [Fact]
        public void Ints_longs_and_booleans_are_written_as_json()
        {
            var body = new Dictionary<string, object?> { ["id"] = 42L, ["status"] = 2, ["unlimited_quota"] = true, ["subnet"] = null };

            Assert.Equal("{\"id\":42,\"status\":2,\"unlimited_quota\":true,\"subnet\":null}", JsonWriter.Write(body));
        }

        [Fact]
        public void Control_characters_are_escaped_so_the_relay_can_parse_the_name()
        {
            var written = JsonWriter.Write("a\u001fb\rc");

            Assert.Equal("\"a\\u001fb\\rc\"", written);
            Assert.True(JsonLite.TryParse(written, out var back));
            Assert.Equal("a\u001fb\rc", back);
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void Numbers_json_cannot_carry_are_refused(double number)
        {
            Assert.Throws<ArgumentException>(() => JsonWriter.Write(number));
        }

        [Fact]
        public void A_type_json_cannot_carry_is_refused_by_name()
        {
            var error = Assert.Throws<ArgumentException>(() => JsonWriter.Write(DateTime.UnixEpoch));

            Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
        }
    }
}
