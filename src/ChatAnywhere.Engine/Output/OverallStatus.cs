namespace ChatAnywhere
{
    /// <summary>The one-word answer of Get-ServiceStatus (the rule is in Status/OverallStatusRule.cs).</summary>
    public enum OverallStatus
    {
        /// <summary>Nothing could be checked.</summary>
        Unknown = 0,

        /// <summary>Every endpoint is Operational and every status-page component is Up.</summary>
        Operational,

        /// <summary>Something is down, slow, pending or under maintenance, but at least one endpoint is Operational.</summary>
        Degraded,

        /// <summary>No endpoint checked is Operational.</summary>
        Outage,
    }
}
