using System;
using ChatAnywhere.Engine.Diagnosis;

namespace ChatAnywhere.Engine.Probing
{
    /// <summary>The outcome of probing an endpoint without a key: the last answer's classification, its round trip, the attempts.</summary>
    internal sealed class EndpointProbe
    {
        /// <summary>Creates an outcome.</summary>
        public EndpointProbe(Classification classification, TimeSpan? latency, int attempts)
        {
            Classification = classification;
            Latency = latency;
            Attempts = attempts;
        }

        /// <summary>What the last answer (or failure) means.</summary>
        public Classification Classification { get; }

        /// <summary>Round trip of the last attempt; null when no answer arrived.</summary>
        public TimeSpan? Latency { get; }

        /// <summary>HTTP attempts made, retries included.</summary>
        public int Attempts { get; }
    }
}
