using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>What the classifier made of one answer (or of a failure to get one).</summary>
    public sealed class Classification
    {
        /// <summary>The verdict.</summary>
        public KeyVerdict Verdict { get; set; }

        /// <summary>The finer reason.</summary>
        public VerdictReason Reason { get; set; }

        /// <summary>Which software answered.</summary>
        public BackendKind Backend { get; set; }

        /// <summary>The provider whose answer a relay or gateway passed on, when the body shows it; else null.</summary>
        public BackendKind? Upstream { get; set; }

        /// <summary>The HTTP status; null when no answer arrived.</summary>
        public int? StatusCode { get; set; }

        /// <summary>error.type.</summary>
        public string? ErrorType { get; set; }

        /// <summary>error.code.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>The server's words (not yet redacted).</summary>
        public string? Message { get; set; }

        /// <summary>Likely causes, most likely first.</summary>
        public IReadOnlyList<string> Diagnosis { get; set; } = Array.Empty<string>();

        /// <summary>Next steps.</summary>
        public IReadOnlyList<string> Recommendation { get; set; } = Array.Empty<string>();

        /// <summary>How long to wait before trying again, if the answer said so.</summary>
        public TimeSpan? RetryAfter { get; set; }

        /// <summary>True when another attempt could give a different answer.</summary>
        public bool IsRetryable { get; set; }

        /// <summary>The rule that decided, for Debug output.</summary>
        public string RuleName { get; set; } = string.Empty;
    }
}
