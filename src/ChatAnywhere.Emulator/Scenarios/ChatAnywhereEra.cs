using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// Which year's captured texts the ChatAnywhere personality sends (docs/reference/chatanywhere.md, "How it
    /// answers errors"). The values are the years, so a scenario may write "2024" or 2024. Where a year has no
    /// capture of some answer, the nearest captured form is sent instead (FreePlan and ChatAnywhereEraAnswers say which).
    /// </summary>
    public enum ChatAnywhereEra
    {
        /// <summary>Plain-text answers (wrong api key, limit to use gpt-3.5-turbo and embeddings).</summary>
        [JsonStringEnumMemberName("2023")]
        Year2023 = 2023,

        /// <summary>The bilingual envelope with buyca.shop links and no key echo.</summary>
        [JsonStringEnumMemberName("2024")]
        Year2024 = 2024,

        /// <summary>The 2025 free model list, "该模型…" per-model caps, the masked key appended to messages.</summary>
        [JsonStringEnumMemberName("2025")]
        Year2025 = 2025,

        /// <summary>Today: per-model caps naming the model, the masked key and the QQ-group line appended.</summary>
        [JsonStringEnumMemberName("2026")]
        Year2026 = 2026,
    }
}
