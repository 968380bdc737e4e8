using System;

namespace ChatAnywhere
{
    /// <summary>One row of a key's usage: an hour of ChatAnywhere's usage details, or a relay's total over the window.</summary>
    public sealed class BalanceUsageRow
    {
        /// <summary>Start of the hour (ChatAnywhere), or of the window (relays), as the server wrote it; null when it did not.</summary>
        public string? Time { get; set; }

        /// <summary>The model pattern or model the row is for, when the server says.</summary>
        public string? Model { get; set; }

        /// <summary>Prompt tokens, when the server counts them.</summary>
        public long? PromptTokens { get; set; }

        /// <summary>Completion tokens, when the server counts them.</summary>
        public long? CompletionTokens { get; set; }

        /// <summary>All tokens, when the server counts them.</summary>
        public long? TotalTokens { get; set; }

        /// <summary>Requests, when the server counts them.</summary>
        public long? Requests { get; set; }

        /// <summary>What was spent, in <see cref="Unit"/>.</summary>
        public decimal? Cost { get; set; }

        /// <summary>The unit of <see cref="Cost"/>.</summary>
        public BalanceUnit Unit { get; set; }

        /// <inheritdoc />
        public override string ToString() => FormattableString.Invariant($"{Time} {Model}: {TotalTokens} tokens, {Requests} requests, {Cost} {Unit}");
    }
}
