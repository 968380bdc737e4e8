namespace ChatAnywhere
{
    /// <summary>How one API endpoint fared, seen from this machine.</summary>
    public enum EndpointHealth
    {
        /// <summary>Not checked.</summary>
        Unknown = 0,

        /// <summary>The service answered in time, on the first attempt.</summary>
        Operational,

        /// <summary>The service answered, but slowly, only after a retry, rate-limited, or a part of it failed (see Cause).</summary>
        Degraded,

        /// <summary>No usable answer: a network failure, a server error or an error page (see Cause).</summary>
        Down,
    }
}
