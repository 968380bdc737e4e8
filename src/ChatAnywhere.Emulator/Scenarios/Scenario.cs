using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>What the emulator should pretend: the keys it knows and the faults it stages.</summary>
    /// <remarks>
    /// Settable rather than init-only: System.Text.Json's source generator assigns every init-only
    /// property, so a property missing from the JSON would lose its default (seed 1, dailyLimit 200).
    /// Treat instances as immutable once loaded; changes go through <c>with</c>.
    /// </remarks>
    public sealed record Scenario
    {
        public string? Note { get; set; }

        /// <summary>Seed for every rate and jitter decision, so runs repeat.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Delay added to every data-plane request.</summary>
        public int LatencyMs { get; set; }

        public int LatencyJitterMs { get; set; }

        /// <summary>Free-plan requests per day, per key and per client IP (README of chatanywhere/GPT_API_free: 200).</summary>
        public int DailyLimit { get; set; } = 200;

        public DailyLimitScope DailyLimitAppliesTo { get; set; } = DailyLimitScope.All;

        /// <summary>Which year's captured ChatAnywhere texts are sent; today's unless a test wants an older form.</summary>
        public ChatAnywhereEra ChatAnywhereEra { get; set; } = ChatAnywhereEra.Year2026;

        /// <summary>
        /// Free-plan requests per day for single models, by model name; null: the era's captured caps
        /// (<c>FreePlan.ModelDailyLimits</c>). A model not listed has only the scenario's <see cref="DailyLimit"/>.
        /// </summary>
        public IReadOnlyDictionary<string, int>? FreeModelDailyLimits { get; set; }

        public IReadOnlyList<ScenarioKey> Keys { get; set; } = [];

        public IReadOnlyList<FaultDefinition> Faults { get; set; } = [];

        /// <summary>The Uptime Kuma status page under /uptime-kuma; null: no page (every slug unknown).</summary>
        public StatusPageDefinition? StatusPage { get; set; }

        /// <summary>The user and tokens of the relays under /relay; null: no user, no tokens.</summary>
        public RelayDefinition? Relay { get; set; }

        public CommunityDefinition? Community { get; set; }
    }
}
