namespace ChatAnywhere
{
    /// <summary>The state of one status-page monitor: its last heartbeat (Uptime Kuma src/util.ts: 0 DOWN, 1 UP, 2 PENDING, 3 MAINTENANCE).</summary>
    public enum ComponentHealth
    {
        /// <summary>No heartbeat was read for the monitor.</summary>
        Unknown = 0,

        /// <summary>The last check succeeded.</summary>
        Up,

        /// <summary>The last check failed.</summary>
        Down,

        /// <summary>The last check failed, but the monitor is still retrying before it calls the service down.</summary>
        Pending,

        /// <summary>The monitor is in a maintenance window.</summary>
        Maintenance,
    }
}
