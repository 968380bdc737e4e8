using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>The shape of Resources/responses.json.</summary>
    public sealed record CapturedResponseFile
    {
        public string? Description { get; init; }

        public IReadOnlyList<CapturedResponse> Responses { get; init; } = [];
    }
}
