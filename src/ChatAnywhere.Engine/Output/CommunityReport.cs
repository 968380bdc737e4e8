using System;

namespace ChatAnywhere
{
    /// <summary>"Is it only me?": the issues users opened on the service's tracker in the last hours.</summary>
    public sealed class CommunityReport
    {
        /// <summary>Whether they could be read.</summary>
        public CommunityStatus Status { get; set; }

        /// <summary>The repository's API address that was read.</summary>
        public string? Source { get; set; }

        /// <summary>How many hours back were read.</summary>
        public int WindowHours { get; set; }

        /// <summary>Issues opened in the window (pull requests excluded).</summary>
        public CommunityIssue[] Recent { get; set; } = Array.Empty<CommunityIssue>();

        /// <summary>Those of <see cref="Recent"/> whose title or body speaks of a failure.</summary>
        public CommunityIssue[] Reports { get; set; } = Array.Empty<CommunityIssue>();

        /// <summary>Why they could not be read, when they could not.</summary>
        public string? Problem { get; set; }

        /// <inheritdoc/>
        public override string ToString() => Status == CommunityStatus.Read ? $"{Reports.Length} reports of {Recent.Length} issues in {WindowHours} h" : Status.ToString();
    }
}
