namespace ChatAnywhere.Engine.Logging
{
    /// <summary>
    /// Where the engine reports what it requests and receives. Called from worker threads; the
    /// cmdlet queues the lines and writes them on the pipeline thread. Lines carry masked keys only.
    /// </summary>
    internal interface IProbeLog
    {
        /// <summary>False when Verbose lines would be dropped: callers skip building them.</summary>
        bool IsVerboseEnabled { get; }

        /// <summary>False when Debug lines would be dropped: callers skip building them.</summary>
        bool IsDebugEnabled { get; }

        /// <summary>What is being done (Write-Verbose).</summary>
        void Verbose(string message);

        /// <summary>Requests and answers in detail (Write-Debug).</summary>
        void Debug(string message);
    }
}
