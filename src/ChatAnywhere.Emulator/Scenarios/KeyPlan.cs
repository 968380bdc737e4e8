using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>ChatAnywhere's two kinds of key: free keys carry the free-tier limits.</summary>
    public enum KeyPlan
    {
        [JsonStringEnumMemberName("paid")]
        Paid,

        [JsonStringEnumMemberName("free")]
        Free,
    }
}
