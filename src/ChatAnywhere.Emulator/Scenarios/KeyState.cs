using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios;

/// <summary>The configured condition of a key once it is active (see <c>activateAfterSec</c>).</summary>
public enum KeyState
{
    [JsonStringEnumMemberName("active")]
    Active,

    [JsonStringEnumMemberName("suspended")]
    Suspended,

    [JsonStringEnumMemberName("balanceTooLow")]
    BalanceTooLow,
}
