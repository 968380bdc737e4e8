using System;
using ChatAnywhere.Engine.Diagnosis;

namespace ChatAnywhere.Engine.Probing
{
    /// <summary>The outcome of one HTTP attempt: its classification and how long it took.</summary>
    internal sealed class ProbeAttempt
    {
        /// <summary>Creates an outcome.</summary>
        public ProbeAttempt(Classification classification, TimeSpan? latency)
        {
            Classification = classification;
            Latency = latency;
        }

        /// <summary>What the answer (or failure) means.</summary>
        public Classification Classification { get; }

        /// <summary>Round-trip time; null when no answer arrived.</summary>
        public TimeSpan? Latency { get; }
    }
}
