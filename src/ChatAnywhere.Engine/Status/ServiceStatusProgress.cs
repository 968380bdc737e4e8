using System.Threading;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>How many checks of a status run are done, written by the checks and read by the cmdlet for its progress bar.</summary>
    internal sealed class ServiceStatusProgress
    {
        private int _done;

        /// <summary>The checks started: one per endpoint, and one for the status page when it is read.</summary>
        public int Total { get; internal set; }

        /// <summary>The checks finished.</summary>
        public int Done => Volatile.Read(ref _done);

        /// <summary>True when the status page is among the checks.</summary>
        public bool ReadsStatusPage { get; internal set; }

        internal void CountDone() => Interlocked.Increment(ref _done);
    }
}
