using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>The configured condition of a key once it is active (see <c>activateAfterSec</c> and <c>changes</c>).</summary>
    public enum KeyState
    {
        [JsonStringEnumMemberName("active")]
        Active,

        [JsonStringEnumMemberName("suspended")]
        Suspended,

        [JsonStringEnumMemberName("balanceTooLow")]
        BalanceTooLow,

        /// <summary>The service does not recognise the key (revoked, or never becomes valid): its invalid-key answer.</summary>
        [JsonStringEnumMemberName("invalid")]
        Invalid,

        /// <summary>The free plan's daily limit is reached for this key whatever its count (CA-429-free-200-per-day).</summary>
        [JsonStringEnumMemberName("dailyLimitReached")]
        DailyLimitReached,
    }
}
