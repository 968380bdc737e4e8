using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>
    /// One row of the diagnosis corpus (corpus/answers/*.json, fields in corpus/README.md), as far as the
    /// emulator reads it: what went on the wire and where it was seen. The verdict fields are the tests' business.
    /// </summary>
    public sealed record CorpusRow
    {
        public required string Id { get; init; }

        public string? Family { get; init; }

        /// <summary>Null where the source did not show it; such a row cannot be replayed.</summary>
        public int? Status { get; init; }

        /// <summary>As described in the corpus: "application/json (inferred)", "unknown", "(none)"...</summary>
        public string? ContentType { get; init; }

        public IReadOnlyDictionary<string, string>? Headers { get; init; }

        public string? Body { get; init; }

        public string? BodyJsonNormalized { get; init; }

        public string? BodyFidelity { get; init; }

        public string? Provenance { get; init; }
    }
}
