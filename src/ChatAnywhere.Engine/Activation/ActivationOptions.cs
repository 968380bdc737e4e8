using System;

namespace ChatAnywhere.Engine.Activation
{
    /// <summary>How long and how often to probe a key that does not work yet.</summary>
    internal sealed class ActivationOptions
    {
        /// <summary>The whole wait; no probe starts after it.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(600);

        /// <summary>The first pause between probes.</summary>
        public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The longest pause between probes.</summary>
        public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The most probes to send; null for no limit but the timeout.</summary>
        public int? MaxProbes { get; set; }
    }
}
