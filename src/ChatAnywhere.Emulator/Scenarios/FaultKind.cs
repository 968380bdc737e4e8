using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>The failures the emulator can stage in front of any personality.</summary>
    public enum FaultKind
    {
        [JsonStringEnumMemberName("latency")]
        Latency,

        [JsonStringEnumMemberName("status")]
        Status,

        [JsonStringEnumMemberName("reset")]
        Reset,

        [JsonStringEnumMemberName("timeout")]
        Timeout,

        [JsonStringEnumMemberName("cloudflare")]
        Cloudflare,

        [JsonStringEnumMemberName("truncated")]
        Truncated,

        [JsonStringEnumMemberName("rateLimit")]
        RateLimit,

        [JsonStringEnumMemberName("redirect")]
        Redirect,

        [JsonStringEnumMemberName("hugeBody")]
        HugeBody,

        [JsonStringEnumMemberName("html")]
        Html,

        [JsonStringEnumMemberName("flaky")]
        Flaky,

        /// <summary>
        /// The personality handles the request (a token is really created, disabled or deleted), then
        /// its answer goes nowhere and the connection is aborted: a client cannot tell what happened.
        /// </summary>
        [JsonStringEnumMemberName("lostAnswer")]
        LostAnswer,
    }
}
