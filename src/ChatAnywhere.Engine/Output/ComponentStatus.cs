using System;

namespace ChatAnywhere
{
    /// <summary>One monitor of the status page (a model family such as GPT or Claude). Only scalar properties, for Export-Csv.</summary>
    public sealed class ComponentStatus
    {
        /// <summary>The monitor's id on the status page.</summary>
        public int Id { get; set; }

        /// <summary>The monitor's name as the page shows it.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The group the page shows it in.</summary>
        public string Group { get; set; } = string.Empty;

        /// <summary>Its last heartbeat: Up, Down, Pending or Maintenance.</summary>
        public ComponentHealth Status { get; set; }

        /// <summary>Uptime over the last 24 hours in percent (99.95), rounded to 2 decimals; null when the page gave none.</summary>
        public double? Uptime24h { get; set; }

        /// <summary>When the last heartbeat was recorded, in UTC.</summary>
        public DateTime? LastHeartbeat { get; set; }

        /// <summary>The response time of the last heartbeat in milliseconds, when the monitor measured one.</summary>
        public long? PingMs { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: {Status}";
    }
}
