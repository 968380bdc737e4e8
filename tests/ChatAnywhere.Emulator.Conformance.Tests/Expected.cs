namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>What the real service gives for one case, as the official client reports it.</summary>
    /// <param name="Capture">The corpus id (corpus/answers) the expectation is read from.</param>
    /// <param name="Status">The HTTP status; 200 for a served call.</param>
    /// <param name="Type">error.type, which the client puts in its message ("HTTP 401 (type: code)"); null: no JSON error.</param>
    /// <param name="Code">error.code as the client shows it (empty when the body has none).</param>
    /// <param name="Phrase">A part of error.message the capture shows; null when the capture shows none.</param>
    public sealed record Expected(string Capture, int Status, string? Type = null, string? Code = null, string? Phrase = null)
    {
        public bool Served => Status == 200;

        public static Expected ServedBy(string capture) => new(capture, 200);
    }
}
