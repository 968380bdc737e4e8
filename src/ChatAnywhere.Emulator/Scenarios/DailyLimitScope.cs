using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// Which requests count against a free key's daily limit. Whether ChatAnywhere counts
    /// <c>GET /v1/models</c> was not captured, so a scenario can choose.
    /// </summary>
    public enum DailyLimitScope
    {
        /// <summary>Every authenticated request counts.</summary>
        [JsonStringEnumMemberName("all")]
        All,

        /// <summary>Only completion requests count; <c>/v1/models</c> is free.</summary>
        [JsonStringEnumMemberName("chat")]
        Chat,
    }
}
