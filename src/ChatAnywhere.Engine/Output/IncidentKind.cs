namespace ChatAnywhere
{
    /// <summary>What a status-page notice is.</summary>
    public enum IncidentKind
    {
        /// <summary>An incident pinned to the status page by its operator.</summary>
        Incident = 0,

        /// <summary>A maintenance window active now.</summary>
        Maintenance,
    }
}
