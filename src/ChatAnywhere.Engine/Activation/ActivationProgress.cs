using System;

namespace ChatAnywhere.Engine.Activation
{
    /// <summary>
    /// Where the wait for one key stands, written by the waiter and read by whoever shows progress
    /// (the cmdlet, on the pipeline thread).
    /// </summary>
    internal sealed class ActivationProgress
    {
        private readonly object _gate = new object();
        private Snapshot _current;

        /// <summary>Creates the progress of one key.</summary>
        public ActivationProgress(string maskedKey, DateTimeOffset startedAt, DateTimeOffset deadline)
        {
            _current = new Snapshot(maskedKey, startedAt, deadline, 0, null, VerdictReason.None, null, probing: false, done: false);
        }

        /// <summary>The latest state.</summary>
        public Snapshot Current
        {
            get
            {
                lock (_gate)
                {
                    return _current;
                }
            }
        }

        internal void Probing(int probes) =>
            Update(now => new Snapshot(now.Key, now.StartedAt, now.Deadline, probes, now.LastVerdict, now.LastReason, null, probing: true, done: false));

        internal void Probed(ApiKeyTestResult result) =>
            Update(now => new Snapshot(now.Key, now.StartedAt, now.Deadline, now.Probes, result.Verdict, result.Reason, null, probing: false, done: false));

        internal void Sleeping(DateTimeOffset nextProbeAt) =>
            Update(now => new Snapshot(now.Key, now.StartedAt, now.Deadline, now.Probes, now.LastVerdict, now.LastReason, nextProbeAt, probing: false, done: false));

        internal void Finished() =>
            Update(now => new Snapshot(now.Key, now.StartedAt, now.Deadline, now.Probes, now.LastVerdict, now.LastReason, null, probing: false, done: true));

        private void Update(Func<Snapshot, Snapshot> change)
        {
            lock (_gate)
            {
                _current = change(_current);
            }
        }

        /// <summary>One consistent reading.</summary>
        public sealed class Snapshot
        {
            internal Snapshot(string key, DateTimeOffset startedAt, DateTimeOffset deadline, int probes, KeyVerdict? lastVerdict, VerdictReason lastReason, DateTimeOffset? nextProbeAt, bool probing, bool done)
            {
                Key = key;
                StartedAt = startedAt;
                Deadline = deadline;
                Probes = probes;
                LastVerdict = lastVerdict;
                LastReason = lastReason;
                NextProbeAt = nextProbeAt;
                IsProbing = probing;
                IsDone = done;
            }

            /// <summary>The masked key.</summary>
            public string Key { get; }

            /// <summary>When waiting began.</summary>
            public DateTimeOffset StartedAt { get; }

            /// <summary>When waiting ends at the latest.</summary>
            public DateTimeOffset Deadline { get; }

            /// <summary>Probes sent so far.</summary>
            public int Probes { get; }

            /// <summary>The last probe's verdict; null before the first answer.</summary>
            public KeyVerdict? LastVerdict { get; }

            /// <summary>The last probe's finer cause.</summary>
            public VerdictReason LastReason { get; }

            /// <summary>When the next probe is due; null while probing or when none will follow.</summary>
            public DateTimeOffset? NextProbeAt { get; }

            /// <summary>A probe is in flight.</summary>
            public bool IsProbing { get; }

            /// <summary>Waiting has ended.</summary>
            public bool IsDone { get; }
        }
    }
}
