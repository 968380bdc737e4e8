using System;

namespace ChatAnywhere
{
    /// <summary>An incident pinned to the status page, or a maintenance window active now. Only scalar properties, for Export-Csv.</summary>
    public sealed class ServiceIncident
    {
        /// <summary>Incident or Maintenance.</summary>
        public IncidentKind Kind { get; set; }

        /// <summary>The title as posted.</summary>
        public string Title { get; set; } = string.Empty;

        /// <summary>The text as posted (an incident's content, a maintenance's description).</summary>
        public string? Content { get; set; }

        /// <summary>An incident's style as the operator chose it (info, warning, danger, primary, light, dark); null for maintenance.</summary>
        public string? Style { get; set; }

        /// <summary>When it was posted (an incident) or when the window started (maintenance), in UTC.</summary>
        public DateTime? StartedAt { get; set; }

        /// <summary>When an incident was last updated, or when a maintenance window ends, in UTC.</summary>
        public DateTime? UpdatedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{Kind}: {Title}";
    }
}
