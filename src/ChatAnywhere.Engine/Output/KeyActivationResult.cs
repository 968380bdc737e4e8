using System;

namespace ChatAnywhere
{
    /// <summary>
    /// The result of waiting for one key to work. Like <see cref="ApiKeyTestResult"/> it holds only
    /// the masked key and a fingerprint.
    /// </summary>
    public sealed class KeyActivationResult
    {
        /// <summary>The key, masked: its first 3 and last 4 characters.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>A short SHA-256 fingerprint of the key.</summary>
        public string KeyFingerprint { get; set; } = string.Empty;

        /// <summary>The base URL the key was probed at.</summary>
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>True when the key works.</summary>
        public bool Activated { get; set; }

        /// <summary>Why waiting ended.</summary>
        public ActivationOutcome Outcome { get; set; }

        /// <summary>The verdict of the last probe.</summary>
        public KeyVerdict Verdict { get; set; }

        /// <summary>The finer cause of the last probe's verdict.</summary>
        public VerdictReason Reason { get; set; }

        /// <summary>From the first probe to the end of waiting.</summary>
        public TimeSpan WaitedFor { get; set; }

        /// <summary>Probes sent (0 when the key was refused before sending).</summary>
        public int Probes { get; set; }

        /// <summary>The full result of the last probe.</summary>
        public ApiKeyTestResult? LastResult { get; set; }

        /// <summary>Why waiting ended, in a sentence.</summary>
        public string Detail { get; set; } = string.Empty;

        /// <summary>When waiting ended, in UTC.</summary>
        public DateTime CompletedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => Activated
            ? $"{Key}: activated after {WaitedFor.TotalSeconds:0} s ({Probes} probes)"
            : $"{Key}: {Outcome}, last {Verdict} ({Probes} probes)";
    }
}
