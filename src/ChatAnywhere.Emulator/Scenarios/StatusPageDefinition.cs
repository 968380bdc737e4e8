using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// The scenario's optional <c>"statusPage"</c>: the Uptime Kuma status page served under /uptime-kuma
    /// (shapes in docs/reference/uptime-kuma-api.md).
    /// </summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record StatusPageDefinition
    {
        public string? Note { get; set; }

        /// <summary>The page's slug (Uptime Kuma lower-cases slugs).</summary>
        public string Slug { get; set; } = "chatanywhere";

        public string Title { get; set; } = "ChatAnywhere";

        /// <summary>"2" for Uptime Kuma 2.x answers (an incidents array), "1" for 1.23 (one incident or null).</summary>
        public string Shape { get; set; } = "2";

        /// <summary>True when /api/entry-page names this page for the host (statusPageMatchedDomain).</summary>
        public bool DomainMapped { get; set; } = true;

        public IReadOnlyList<StatusPageGroup> Groups { get; set; } = [];

        /// <summary>Pinned, active incidents.</summary>
        public IReadOnlyList<StatusPageIncident> Incidents { get; set; } = [];

        /// <summary>Maintenance windows under way now.</summary>
        public IReadOnlyList<StatusPageMaintenance> Maintenance { get; set; } = [];

        /// <summary>Beats per monitor on the heartbeat route, one a minute, the last a few seconds ago: Uptime Kuma lists up to 100.</summary>
        public int Heartbeats { get; set; } = 100;
    }
}
