using System;
using System.Collections.Generic;

namespace ChatAnywhere
{
    /// <summary>
    /// What is left on one key: the backend's figures in the backend's own unit, the key's state, and,
    /// when the backend refused the key, the shared classifier's verdict. Holds only the masked key and
    /// a fingerprint, never the key itself.
    /// </summary>
    public sealed class ApiKeyBalance
    {
        /// <summary>The key, masked: its first 3 and last 4 characters.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>A short SHA-256 fingerprint of the key, to correlate keys without the plaintext.</summary>
        public string KeyFingerprint { get; set; } = string.Empty;

        /// <summary>The base URL asked.</summary>
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>Which software answered the balance query.</summary>
        public BackendKind Backend { get; set; }

        /// <summary>Granted in all (used plus remaining), in <see cref="Unit"/>; null when the backend did not say.</summary>
        public decimal? Total { get; set; }

        /// <summary>Spent so far, in <see cref="Unit"/>; null when the backend did not say.</summary>
        public decimal? Used { get; set; }

        /// <summary>Left, in <see cref="Unit"/>; null when the backend did not say (or the key has no limit).</summary>
        public decimal? Remaining { get; set; }

        /// <summary>What the figures are counted in.</summary>
        public BalanceUnit Unit { get; set; }

        /// <summary>True when the key has no quota limit.</summary>
        public bool Unlimited { get; set; }

        /// <summary>When the key expires, in UTC; null when it never does or the backend did not say.</summary>
        public DateTime? ExpiresAt { get; set; }

        /// <summary>What the balance says about the key.</summary>
        public BalanceState State { get; set; }

        /// <summary>True when -MinimumRemaining was given and <see cref="Remaining"/> is below it.</summary>
        public bool IsLow { get; set; }

        /// <summary>Usage rows, when asked for with -UsageHours; empty otherwise.</summary>
        public IReadOnlyList<BalanceUsageRow> Usage { get; set; } = Array.Empty<BalanceUsageRow>();

        /// <summary>The endpoint whose answer gave the figures or the refusal ("POST /v1/query/balance").</summary>
        public string? Source { get; set; }

        /// <summary>The classifier's verdict when the backend refused the key or could not be reached; null when it answered.</summary>
        public KeyVerdict? Verdict { get; set; }

        /// <summary>The classifier's finer reason, with <see cref="Verdict"/>.</summary>
        public VerdictReason? Reason { get; set; }

        /// <summary>The HTTP status of the deciding answer; null when none arrived.</summary>
        public int? StatusCode { get; set; }

        /// <summary>The server's own words on a refusal, with key material masked.</summary>
        public string? Message { get; set; }

        /// <summary>How the figures were read (units, conversions, fields missing), and on a refusal the likely causes.</summary>
        public TextLines Diagnosis { get; set; } = TextLines.None;

        /// <summary>When the check finished, in UTC.</summary>
        public DateTime CheckedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => Remaining is null
            ? $"{Key}: {State}"
            : FormattableString.Invariant($"{Key}: {Remaining} {Unit} left ({State})");
    }
}
