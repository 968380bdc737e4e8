using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>The free tier's limits (docs/reference/chatanywhere.md, chatanywhere/GPT_API_free README).</summary>
    public static class FreePlan
    {
        /// <summary>The free tier's prompt limit (CA-403-free-prompt-4096-com-cn).</summary>
        public const long MaxPromptTokens = 4096;

        /// <summary>Models a free key may use unless its scenario entry lists its own.</summary>
        public static IReadOnlyList<string> DefaultModels { get; } = ["gpt-3.5-turbo", "gpt-4o-mini", "gpt-4", "deepseek-v3"];
    }
}
