using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>
    /// The corpus files' snake_case rows. Unknown fields are skipped, not refused: the corpus has more
    /// fields than the emulator reads (verdicts, notes) and may gain more.
    /// </summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(List<CorpusRow>))]
    public sealed partial class CorpusJsonContext : JsonSerializerContext;
}
