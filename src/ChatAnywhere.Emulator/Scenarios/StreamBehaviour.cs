namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// How a key's streamed completions (<c>"stream": true</c>) misbehave, for rehearsing stream handling.
    /// </summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record StreamBehaviour
    {
        /// <summary>
        /// ChatAnywhere only: send its error-shaped frame with code "200 OK" after the first content chunk
        /// (CA-stream-200-ok-error-frame). It is not an error, but SDKs that throw on any frame with an
        /// "error" field (openai-node) fail on it.
        /// </summary>
        public bool OkErrorFrame { get; set; }

        /// <summary>
        /// Drop the connection after this many frames (a quarter second later, so they reach the client), before
        /// [DONE]: a stream cut mid-way.
        /// </summary>
        public int? CutAfterChunks { get; set; }

        /// <summary>Milliseconds between frames: a slow trickle.</summary>
        public int ChunkDelayMs { get; set; }
    }
}
