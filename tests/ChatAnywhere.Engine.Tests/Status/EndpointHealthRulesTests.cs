using ChatAnywhere.Engine.Status;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>From a classified answer to an endpoint's health, one cause per row.</summary>
    public sealed class EndpointHealthRulesTests
    {
        [Theory]
        // No key sent: the relay's 401 (ONE-401-no-token-measured) and ChatAnywhere's Tengine page (CA-401-tengine-missing-sk) show it up.
        [InlineData(KeyVerdict.MalformedRequest, VerdictReason.NoKeyReceived, 401, EndpointHealth.Operational, EndpointCause.None)]
        [InlineData(KeyVerdict.MalformedRequest, VerdictReason.AuthHeaderMalformed, 401, EndpointHealth.Operational, EndpointCause.None)]
        [InlineData(KeyVerdict.InvalidKey, VerdictReason.KeyRejected, 401, EndpointHealth.Operational, EndpointCause.None)]
        [InlineData(KeyVerdict.Valid, VerdictReason.None, 200, EndpointHealth.Operational, EndpointCause.None)]
        [InlineData(KeyVerdict.RateLimited, VerdictReason.DailyLimit, 429, EndpointHealth.Operational, EndpointCause.None)]
        [InlineData(KeyVerdict.WrongEndpoint, VerdictReason.RelayKeySentToOpenAI, 401, EndpointHealth.Operational, EndpointCause.None)]
        [InlineData(KeyVerdict.RateLimited, VerdictReason.RequestRateLimit, 429, EndpointHealth.Degraded, EndpointCause.RateLimited)]
        [InlineData(KeyVerdict.RateLimited, VerdictReason.UpstreamSaturated, 429, EndpointHealth.Degraded, EndpointCause.RateLimited)]
        [InlineData(KeyVerdict.ServiceUnavailable, VerdictReason.Region, 403, EndpointHealth.Degraded, EndpointCause.UpstreamFailure)]
        [InlineData(KeyVerdict.ServiceUnavailable, VerdictReason.NoUpstreamResponse, 503, EndpointHealth.Down, EndpointCause.ServerError)]
        [InlineData(KeyVerdict.ServiceUnavailable, VerdictReason.CloudflareError, 502, EndpointHealth.Down, EndpointCause.CloudflareError)]
        [InlineData(KeyVerdict.BlockedByWaf, VerdictReason.CloudflareChallenge, 403, EndpointHealth.Down, EndpointCause.BlockedByWaf)]
        [InlineData(KeyVerdict.WrongEndpoint, VerdictReason.Redirected, 302, EndpointHealth.Down, EndpointCause.UnexpectedAnswer)]
        [InlineData(KeyVerdict.WrongEndpoint, VerdictReason.WrongPath, 404, EndpointHealth.Down, EndpointCause.UnexpectedAnswer)]
        [InlineData(KeyVerdict.Unknown, VerdictReason.HtmlInsteadOfJson, 200, EndpointHealth.Down, EndpointCause.UnexpectedAnswer)]
        [InlineData(KeyVerdict.Unknown, VerdictReason.UnrecognisedAnswer, 500, EndpointHealth.Down, EndpointCause.ServerError)]
        [InlineData(KeyVerdict.Unknown, VerdictReason.UnrecognisedAnswer, 418, EndpointHealth.Operational, EndpointCause.None)]
        public void Answers(KeyVerdict verdict, VerdictReason reason, int status, EndpointHealth health, EndpointCause cause) =>
            Assert.Equal((health, cause), EndpointHealthRules.Judge(verdict, reason, status));

        [Theory]
        [InlineData(VerdictReason.DnsFailure, EndpointCause.DnsFailure)]
        [InlineData(VerdictReason.ConnectionRefused, EndpointCause.ConnectionRefused)]
        [InlineData(VerdictReason.ConnectionReset, EndpointCause.ConnectionReset)]
        [InlineData(VerdictReason.TlsFailure, EndpointCause.TlsError)]
        [InlineData(VerdictReason.Timeout, EndpointCause.Timeout)]
        [InlineData(VerdictReason.ProxyFailure, EndpointCause.ProxyFailure)]
        public void Network_failures_are_down_with_their_cause(VerdictReason reason, EndpointCause cause) =>
            Assert.Equal((EndpointHealth.Down, cause), EndpointHealthRules.Judge(KeyVerdict.NetworkError, reason, null));

        [Fact]
        public void A_slow_answer_is_degraded_before_a_retried_one()
        {
            var up = (EndpointHealth.Operational, EndpointCause.None);
            Assert.Equal((EndpointHealth.Degraded, EndpointCause.Slow), EndpointHealthRules.Weigh(up, 2500, 2000, 2));
            Assert.Equal((EndpointHealth.Degraded, EndpointCause.Retried), EndpointHealthRules.Weigh(up, 100, 2000, 2));
            Assert.Equal(up, EndpointHealthRules.Weigh(up, 2000, 2000, 1));
        }

        [Fact]
        public void A_down_endpoint_stays_down_however_slow()
        {
            var down = (EndpointHealth.Down, EndpointCause.ServerError);
            Assert.Equal(down, EndpointHealthRules.Weigh(down, 9000, 2000, 3));
        }
    }
}
