using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// One fault, either on a key entry (<c>"fault"</c>) or in the scenario's <c>"faults"</c> list.
    /// Which fields matter depends on <see cref="Kind"/>; the rest stay null.
    /// </summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record FaultDefinition
    {
        public FaultKind? Kind { get; set; }

        /// <summary>Share of matching requests that get the fault, 0 to 1; null means every one.</summary>
        public double? Rate { get; set; }

        /// <summary>Only requests carrying one of these exact keys (null: any key or none).</summary>
        public IReadOnlyList<string>? Keys { get; set; }

        /// <summary>
        /// Only requests whose full path (mount prefix included: "/relay/one-api/api/token") starts with one
        /// of these (null: any path).
        /// </summary>
        public IReadOnlyList<string>? Paths { get; set; }

        /// <summary>Only requests with one of these HTTP methods, any case ("PUT", "DELETE"; null: any method).</summary>
        public IReadOnlyList<string>? Methods { get; set; }

        public int? Ms { get; set; }

        public int? JitterMs { get; set; }

        public int? Status { get; set; }

        /// <summary>A fixture id (a corpus id, or an EMU- id of Resources/responses.json) to answer with instead of the default.</summary>
        public string? Fixture { get; set; }

        public CloudflarePage? Page { get; set; }

        public int? RetryAfterSec { get; set; }

        public int? RetryAfterMs { get; set; }

        public string? Location { get; set; }

        public long? Bytes { get; set; }

        public int? Failures { get; set; }

        public string? Note { get; set; }
    }
}
