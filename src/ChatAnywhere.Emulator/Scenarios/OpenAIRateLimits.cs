namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// An OpenAI key's per-minute limits. The defaults are the sample values of OpenAI's rate-limit guide
    /// (docs/reference/openai-rate-limits.md §1).
    /// </summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record OpenAIRateLimits
    {
        public int RequestsPerMinute { get; set; } = 60;

        public int TokensPerMinute { get; set; } = 150_000;

        /// <summary>
        /// Send <c>retry-after</c> (whole seconds) with a rate-limit refusal. No capture shows whether OpenAI
        /// sends it (docs/reference/openai-rate-limits.md §3), so a scenario can rehearse both.
        /// </summary>
        public bool SendRetryAfter { get; set; }
    }
}
