using System;

namespace ChatAnywhere.Engine.Probing
{
    /// <summary>How keys are probed.</summary>
    internal sealed class ProbeOptions
    {
        /// <summary>The longest one HTTP attempt may take.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Retries after the first attempt, for transient failures only.</summary>
        public int MaxRetries { get; set; } = 2;

        /// <summary>
        /// The most one probe (a key's requests, retries and waits included) may take:
        /// <see cref="AttemptTimeout"/> × (<see cref="MaxRetries"/> + 1). A wait that does not fit ends
        /// the probe with the last answer's verdict and its RetryAfter.
        /// </summary>
        public TimeSpan Budget => TimeSpan.FromTicks(AttemptTimeout.Ticks * (Math.Max(MaxRetries, 0) + 1));

        /// <summary>When set, a valid key also gets one chat completion with max_tokens 1 for this model (spends quota).</summary>
        public string? Model { get; set; }

        /// <summary>The most body bytes read per answer.</summary>
        public int BodyLimit { get; set; } = Http.BoundedBodyReader.DefaultLimit;
    }
}
