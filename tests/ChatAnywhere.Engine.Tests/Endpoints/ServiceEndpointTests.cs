using ChatAnywhere.Engine.Endpoints;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Endpoints
{
    public sealed class ServiceEndpointTests
    {
        [Theory]
        [InlineData("https://api.chatanywhere.tech", "https://api.chatanywhere.tech")]
        [InlineData("https://api.chatanywhere.tech/", "https://api.chatanywhere.tech")]
        [InlineData("https://api.chatanywhere.tech/v1", "https://api.chatanywhere.tech")]
        [InlineData("https://api.chatanywhere.tech/v1/", "https://api.chatanywhere.tech")]
        [InlineData(" https://relay.example.test/openai/v1 ", "https://relay.example.test/openai")]
        [InlineData("http://127.0.0.1:5075/v1", "http://127.0.0.1:5075")]
        public void Base_url_is_accepted_with_or_without_v1(string given, string expected)
        {
            var endpoint = ServiceEndpoint.TryParse(given, allowUnencrypted: false, out var error);

            Assert.Null(error);
            Assert.Equal(expected, endpoint!.ToString());
            Assert.Equal(expected + "/v1/models", endpoint.ModelsUri.AbsoluteUri);
            Assert.Equal(expected + "/v1/chat/completions", endpoint.ChatCompletionsUri.AbsoluteUri);
        }

        [Theory]
        [InlineData("http://127.0.0.1:8080")]
        [InlineData("http://localhost:8080")]
        [InlineData("http://[::1]:8080")]
        public void Plain_http_to_this_machine_is_allowed(string given)
        {
            Assert.NotNull(ServiceEndpoint.TryParse(given, allowUnencrypted: false, out _));
        }

        [Fact]
        public void Plain_http_elsewhere_is_refused_unless_allowed()
        {
            Assert.Null(ServiceEndpoint.TryParse("http://relay.example.test", allowUnencrypted: false, out var error));
            Assert.Contains("plain HTTP", error, System.StringComparison.Ordinal);
            Assert.NotNull(ServiceEndpoint.TryParse("http://relay.example.test", allowUnencrypted: true, out _));
        }

        [Theory]
        [InlineData("")]
        [InlineData("api.chatanywhere.tech")]
        [InlineData("ftp://api.chatanywhere.tech")]
        [InlineData("https://user:pass@api.chatanywhere.tech")]
        [InlineData("https://api.chatanywhere.tech/v1?x=1")]
        [InlineData("not a url")]
        public void Unusable_base_urls_are_explained(string given)
        {
            Assert.Null(ServiceEndpoint.TryParse(given, allowUnencrypted: false, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }

        [Theory]
        [InlineData("https://api.chatanywhere.tech", EndpointKind.ChatAnywhere)]
        [InlineData("https://API.ChatAnywhere.org/v1", EndpointKind.ChatAnywhere)]
        [InlineData("https://api.chatanywhere.com.cn", EndpointKind.ChatAnywhere)]
        [InlineData("https://api.openai.com/v1", EndpointKind.OpenAI)]
        [InlineData("http://127.0.0.1:1", EndpointKind.Loopback)]
        [InlineData("https://relay.example.test", EndpointKind.Other)]
        public void Hosts_are_recognised(string given, EndpointKind expected)
        {
            Assert.Equal(expected, ServiceEndpoint.TryParse(given, allowUnencrypted: false, out _)!.Kind);
        }
    }
}
