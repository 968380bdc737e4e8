using System;

namespace ChatAnywhere
{
    /// <summary>
    /// The result of testing one key: what was concluded, from which answer, and what to do next.
    /// Holds only the masked key and a fingerprint, never the key itself, so it can be logged,
    /// exported or converted to JSON safely.
    /// </summary>
    public sealed class ApiKeyTestResult
    {
        /// <summary>The key, masked: its first 3 and last 4 characters.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>A short SHA-256 fingerprint of the key, to correlate keys without the plaintext.</summary>
        public string KeyFingerprint { get; set; } = string.Empty;

        /// <summary>The base URL the key was tested against.</summary>
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>The model probed with a chat completion, when one was asked for.</summary>
        public string? Model { get; set; }

        /// <summary>The conclusion.</summary>
        public KeyVerdict Verdict { get; set; }

        /// <summary>The finer cause.</summary>
        public VerdictReason Reason { get; set; }

        /// <summary>True when <see cref="Verdict"/> is <see cref="KeyVerdict.Valid"/>.</summary>
        public bool IsValid => Verdict == KeyVerdict.Valid;

        /// <summary>The HTTP status of the deciding answer; null when none arrived.</summary>
        public int? StatusCode { get; set; }

        /// <summary>The error type the server sent (error.type), if any.</summary>
        public string? ErrorType { get; set; }

        /// <summary>The error code the server sent (error.code), if any.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>The server's own words, with any key material masked.</summary>
        public string? Message { get; set; }

        /// <summary>Which software answered.</summary>
        public BackendKind Backend { get; set; }

        /// <summary>The provider whose answer a relay or gateway passed on (new-api passing Anthropic's error), when the body shows it; else null.</summary>
        public BackendKind? Upstream { get; set; }

        /// <summary>Likely causes, most likely first.</summary>
        public TextLines Diagnosis { get; set; } = TextLines.None;

        /// <summary>Concrete next steps.</summary>
        public TextLines Recommendation { get; set; } = TextLines.None;

        /// <summary>How long to wait before trying again, when the answer says so.</summary>
        public TimeSpan? RetryAfter { get; set; }

        /// <summary>Round-trip time of the deciding request in milliseconds; null when nothing was sent.</summary>
        public long? LatencyMs { get; set; }

        /// <summary>HTTP attempts made, retries included (0 when nothing was sent).</summary>
        public int Attempts { get; set; }

        /// <summary>What is left on the key, with -IncludeBalance on a Valid or QuotaExhausted key; else null.</summary>
        public decimal? Remaining { get; set; }

        /// <summary>The unit of <see cref="Remaining"/>; null without it.</summary>
        public BalanceUnit? Unit { get; set; }

        /// <summary>When the check finished, in UTC.</summary>
        public DateTime CheckedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => Reason == VerdictReason.None
            ? $"{Key}: {Verdict}"
            : $"{Key}: {Verdict} ({Reason})";
    }
}
