namespace ChatAnywhere.Emulator.Personalities.Shared
{
    /// <summary>Whose chunks a stream is made of.</summary>
    public enum StreamDialect
    {
        /// <summary>OpenAI's documented chunks (docs/reference/streaming.md §1); the relays pass these through.</summary>
        OpenAI,

        /// <summary>
        /// ChatAnywhere's: a leading chunk with empty choices and the captured key order (CA-200-stream-empty-choices),
        /// and optionally its "200 OK" frame (CA-stream-200-ok-error-frame).
        /// </summary>
        ChatAnywhere,
    }
}
