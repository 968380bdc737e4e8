using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// One key the emulator knows, matched by exact <see cref="Key"/> or by <see cref="Prefix"/>
    /// (any key starting with it, for benchmarks with thousands of keys).
    /// </summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record ScenarioKey
    {
        public string? Key { get; set; }

        public string? Prefix { get; set; }

        public KeyPersonality Personality { get; set; } = KeyPersonality.ChatAnywhere;

        public KeyPlan Plan { get; set; } = KeyPlan.Paid;

        public KeyState State { get; set; } = KeyState.Active;

        /// <summary>HTTP status for a suspended or balance-too-low key; those statuses were not captured.</summary>
        public int? Status { get; set; }

        /// <summary>Requests already counted today when the scenario starts (free plan).</summary>
        public int UsedToday { get; set; }

        /// <summary>This key's daily limit, overriding the scenario's (free plan).</summary>
        public int? DailyLimit { get; set; }

        /// <summary>Models this free key may use, overriding the default free list.</summary>
        public IReadOnlyList<string>? Models { get; set; }

        /// <summary>Seconds after loading during which the key is still unknown to the service.</summary>
        public int? ActivateAfterSec { get; set; }

        /// <summary>Later state changes (a key suspended or hitting its daily limit after a while), in any order.</summary>
        public IReadOnlyList<KeyStateChange>? Changes { get; set; }

        public FaultDefinition? Fault { get; set; }

        /// <summary>
        /// A corpus id (corpus/answers/*.json): every data-plane request with this key, at any mount, gets that
        /// row as it was captured (status, content type, headers, body) instead of the personality's answer.
        /// </summary>
        public string? Answer { get; set; }

        /// <summary>A paid key's balance for POST /v1/query/balance; null: the route answers without figures.</summary>
        public KeyBalance? Balance { get; set; }

        /// <summary>An OpenAI key's per-minute limits; null: the guide's sample values (<see cref="OpenAIRateLimits"/>).</summary>
        public OpenAIRateLimits? RateLimits { get; set; }

        /// <summary>How this key's streamed completions misbehave; null: they stream as the service does.</summary>
        public StreamBehaviour? Stream { get; set; }

        public string? Note { get; set; }
    }
}
