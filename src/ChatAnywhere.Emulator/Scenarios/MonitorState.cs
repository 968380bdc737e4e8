using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>A monitor's last heartbeat, as Uptime Kuma's src/util.ts numbers them.</summary>
    public enum MonitorState
    {
        [JsonStringEnumMemberName("down")]
        Down = 0,

        [JsonStringEnumMemberName("up")]
        Up = 1,

        [JsonStringEnumMemberName("pending")]
        Pending = 2,

        [JsonStringEnumMemberName("maintenance")]
        Maintenance = 3,
    }
}
