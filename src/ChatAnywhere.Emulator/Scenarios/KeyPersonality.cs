using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>Which emulated service accepts a scenario key.</summary>
    public enum KeyPersonality
    {
        [JsonStringEnumMemberName("chatanywhere")]
        ChatAnywhere,

        [JsonStringEnumMemberName("openai")]
        OpenAI,
    }
}
