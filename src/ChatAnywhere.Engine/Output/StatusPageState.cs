namespace ChatAnywhere
{
    /// <summary>What became of reading the status page. None of these fails the command.</summary>
    public enum StatusPageState
    {
        /// <summary>Not read (-NoStatusPage).</summary>
        Skipped = 0,

        /// <summary>Read: monitors, incidents and maintenance are in the result.</summary>
        Read,

        /// <summary>No answer, or the page's server failed (network failure, timeout, 5xx).</summary>
        Unreachable,

        /// <summary>Uptime Kuma answered, but has no status page by that slug, or none mapped to the host.</summary>
        NotFound,

        /// <summary>Something answered that is not Uptime Kuma's status-page API (HTML, other JSON).</summary>
        NotUptimeKuma,

        /// <summary>
        /// The page was not found, so the monitors' public badges were read instead: their states and 24 h uptime,
        /// without incidents or maintenance notices.
        /// </summary>
        Badges,
    }
}
