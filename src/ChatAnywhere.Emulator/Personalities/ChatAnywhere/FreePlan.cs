using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// The free tier's limits, each taken from a captured answer (corpus/answers), never from announcements alone.
    /// </summary>
    public static class FreePlan
    {
        /// <summary>The free tier's prompt limit (CA-403-free-prompt-4096-com-cn, CA-403-prompt-4096-apikey-qq-suffix).</summary>
        public const long MaxPromptTokens = 4096;

        // Each list is the one the era's model-list refusal names (embeddings aside: the emulator serves no embeddings route).
        // 2023: CA-403-limit-to-use-2023 "limit to use gpt-3.5-turbo and embeddings".
        private static readonly string[] Models2023 = ["gpt-3.5-turbo"];

        // 2024: CA-403-free-model-whitelist-completions "限制使用gpt-3.5-turbo，gpt-4 和 embeddings模型".
        private static readonly string[] Models2024 = ["gpt-3.5-turbo", "gpt-4"];

        // 2025: CA-403-free-models-2025-apikey-suffix (2025-04). The 2026 list was captured only cut off
        // (CA-403-free-model-anthropic-messages: "deepseek-r1, deepseek-v3, gpt-3.5-turbo, g…"), so 2026 keeps 2025's.
        private static readonly string[] Models2025 = ["deepseek-r1", "deepseek-v3", "gpt-3.5-turbo", "gpt-4o-mini", "gpt-4o"];

        // Per-model caps, from the captures only. CA-429-per-model-3-per-day-2025 (issue #349, 2025-01) is gpt-4o's
        // cap of 3 a day (its text says "该模型"; the issue title names gpt-4o). CA-429-per-model-named-gpt5-nano
        // (2026-04) shows gpt-5-nano-ca capped at 200, but that model is not on any captured free list, so it is
        // not a default; a scenario can add it. The README's later figures (5 a day for gpt-4o and gpt-5, 30 for
        // deepseek) were never seen in an answer and are not used. No per-model cap was captured before 2025.
        private static readonly FrozenDictionary<string, int> NoModelLimits =
            new Dictionary<string, int>().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        private static readonly FrozenDictionary<string, int> ModelLimits2025 =
            new Dictionary<string, int> { ["gpt-4o"] = 3 }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        /// <summary>Models a free key may use unless its scenario entry lists its own.</summary>
        public static IReadOnlyList<string> Models(ChatAnywhereEra era) => era switch
        {
            ChatAnywhereEra.Year2023 => Models2023,
            ChatAnywhereEra.Year2024 => Models2024,
            _ => Models2025,
        };

        /// <summary>The captured per-model daily caps of an era, model names compared without case.</summary>
        public static IReadOnlyDictionary<string, int> ModelDailyLimits(ChatAnywhereEra era) =>
            era >= ChatAnywhereEra.Year2025 ? ModelLimits2025 : NoModelLimits;

        /// <summary>The cap on <paramref name="model"/> alone, if the scenario or the era's captures set one.</summary>
        public static int? ModelDailyLimit(Scenario scenario, string model)
        {
            ArgumentNullException.ThrowIfNull(scenario);
            IReadOnlyDictionary<string, int> limits = scenario.FreeModelDailyLimits ?? ModelDailyLimits(scenario.ChatAnywhereEra);
            foreach ((string name, int limit) in limits)
            {
                if (string.Equals(name, model, StringComparison.OrdinalIgnoreCase))
                {
                    return limit;
                }
            }

            return null;
        }
    }
}
