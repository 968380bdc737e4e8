namespace ChatAnywhere
{
    /// <summary>Why Wait-KeyActivation stopped waiting for a key.</summary>
    public enum ActivationOutcome
    {
        /// <summary>The key works.</summary>
        Activated = 0,

        /// <summary>The key did not work within -TimeoutSec.</summary>
        TimedOut,

        /// <summary>The key did not work within -MaxProbes probes.</summary>
        ProbeBudgetSpent,

        /// <summary>The last answer says waiting cannot help (malformed key, wrong endpoint, quota, daily limit...).</summary>
        CannotActivate,
    }
}
