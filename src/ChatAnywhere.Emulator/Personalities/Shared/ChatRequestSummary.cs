namespace ChatAnywhere.Emulator.Personalities.Shared
{
    /// <summary>The parts of a completion request the emulated services look at.</summary>
    /// <param name="IsJson">False when the body is not a JSON object.</param>
    /// <param name="TooLarge">True when the body was over the read cap.</param>
    /// <param name="Model">The "model" field, null when absent.</param>
    /// <param name="PromptCharacters">Characters of message contents (chat) or prompt (completions).</param>
    /// <param name="MaxTokens">"max_tokens" (or "max_completion_tokens"), null when absent.</param>
    /// <param name="Stream">"stream": true.</param>
    /// <param name="IncludeUsage">"stream_options": {"include_usage": true}: a usage chunk before [DONE].</param>
    public sealed record ChatRequestSummary(bool IsJson, bool TooLarge, string? Model, long PromptCharacters, int? MaxTokens, bool Stream = false, bool IncludeUsage = false)
    {
        /// <summary>The free tier's prompt limit is in tokens; the emulator estimates 4 characters a token.</summary>
        public long EstimatedPromptTokens => (PromptCharacters + 3) / 4;
    }
}
