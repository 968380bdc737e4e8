using System.Collections.Generic;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>What GET /api/status-page/{slug} lists: the public monitors by group, pinned incidents, active maintenance.</summary>
    internal sealed class StatusPageContent
    {
        /// <summary>The page's title.</summary>
        public string? Title { get; set; }

        /// <summary>The monitors in page order, with their group's name; status fields still empty.</summary>
        public List<ComponentStatus> Monitors { get; } = new List<ComponentStatus>();

        /// <summary>Pinned incidents, then maintenance windows active now.</summary>
        public List<ServiceIncident> Incidents { get; } = new List<ServiceIncident>();
    }
}
