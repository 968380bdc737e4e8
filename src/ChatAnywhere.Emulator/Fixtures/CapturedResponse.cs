namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>
    /// One answer the emulator's own personalities and faults send: a corpus row as it went on the wire, or an
    /// entry of Resources/responses.json (a reconstruction of a corpus row's body, or an EMU- answer of the emulator's own).
    /// </summary>
    public sealed record CapturedResponse
    {
        public required string Id { get; init; }

        /// <summary>For an emulator-built entry, the fixture it was derived from.</summary>
        public string? BasedOn { get; init; }

        /// <summary>Where it was seen; for a reconstruction of a corpus row, the row's (taken from the corpus).</summary>
        public string? Provenance { get; init; }

        /// <summary>Status as captured; null where the capture did not show it.</summary>
        public int? Status { get; init; }

        /// <summary>Content type as described by the capture.</summary>
        public string? ContentType { get; init; }

        public string? BodyFidelity { get; init; }

        /// <summary>The Content-Type the emulator sends; empty for no body.</summary>
        public required string WireContentType { get; init; }

        public required string WireBody { get; init; }

        /// <summary>How a wire body was rebuilt where the capture was only a message or a fragment.</summary>
        public string? Reconstruction { get; init; }

        public string? Note { get; init; }
    }
}
