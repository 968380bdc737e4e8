namespace ChatAnywhere.Engine.Logging
{
    /// <summary>A log that drops everything.</summary>
    internal sealed class NullProbeLog : IProbeLog
    {
        /// <summary>The one instance.</summary>
        public static readonly NullProbeLog Instance = new NullProbeLog();

        /// <inheritdoc />
        public bool IsVerboseEnabled => false;

        /// <inheritdoc />
        public bool IsDebugEnabled => false;

        /// <inheritdoc />
        public void Verbose(string message)
        {
        }

        /// <inheritdoc />
        public void Debug(string message)
        {
        }
    }
}
