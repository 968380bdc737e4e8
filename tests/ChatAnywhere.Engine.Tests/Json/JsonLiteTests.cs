using System.Collections.Generic;
using ChatAnywhere.Engine.Json;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Json
{
    public sealed class JsonLiteTests
    {
        [Fact]
        public void Reads_nested_objects_escapes_and_literals()
        {
            Assert.True(JsonLite.TryParse("{\"error\":{\"message\":\"ApiKey\\u9519\\u8bef \\\"x\\\"\",\"param\":null,\"n\":4.5,\"ok\":true,\"list\":[1,2]}}", out var root));

            var error = JsonLite.Member(root, "error");
            Assert.Equal("ApiKey错误 \"x\"", JsonLite.Text(error, "message"));
            Assert.Null(JsonLite.Member(error, "param"));
            Assert.Equal("4.5", JsonLite.Text(error, "n"));
            Assert.Equal("true", JsonLite.Text(error, "ok"));
            Assert.Equal(2, ((List<object?>)JsonLite.Member(error, "list")!).Count);
        }

        [Theory]
        [InlineData("{\"error\":{\"message\":\"cut")]
        [InlineData("{\"a\":1} trailing")]
        [InlineData("{'error': 1}")]
        [InlineData("")]
        [InlineData("<html></html>")]
        public void Refuses_what_is_not_complete_json(string text)
        {
            Assert.False(JsonLite.TryParse(text, out _));
        }

        [Fact]
        public void Refuses_absurd_nesting_instead_of_overflowing()
        {
            Assert.False(JsonLite.TryParse(new string('[', 10_000) + new string(']', 10_000), out _));
        }
    }
}
