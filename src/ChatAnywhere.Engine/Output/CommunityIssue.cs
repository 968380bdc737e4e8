using System;

namespace ChatAnywhere
{
    /// <summary>One issue of the service's public issue tracker (no pull requests).</summary>
    public sealed class CommunityIssue
    {
        /// <summary>The issue number.</summary>
        public int Number { get; set; }

        /// <summary>The title as the user wrote it.</summary>
        public string Title { get; set; } = string.Empty;

        /// <summary>When it was opened (UTC).</summary>
        public DateTime CreatedAt { get; set; }

        /// <summary>Its page.</summary>
        public string Url { get; set; } = string.Empty;

        /// <inheritdoc/>
        public override string ToString() => "#" + Number + " " + Title;
    }
}
