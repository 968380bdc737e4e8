namespace ChatAnywhere.Emulator.Fixtures;

/// <summary>One entry of Resources/responses.json: a captured answer, where it was seen, and what goes on the wire.</summary>
public sealed record CapturedResponse
{
    public required string Id { get; init; }

    /// <summary>For an emulator-built entry, the fixture it was derived from.</summary>
    public string? BasedOn { get; init; }

    public required string Provenance { get; init; }

    /// <summary>Status as captured; null where the capture did not show it.</summary>
    public int? Status { get; init; }

    /// <summary>Content type as described by the capture.</summary>
    public string? ContentType { get; init; }

    public required string BodyFidelity { get; init; }

    /// <summary>The Content-Type the emulator sends; empty for no body.</summary>
    public required string WireContentType { get; init; }

    public required string WireBody { get; init; }

    /// <summary>How a wire body was rebuilt where the capture was only a message or a fragment.</summary>
    public string? Reconstruction { get; init; }

    public string? Note { get; init; }
}
