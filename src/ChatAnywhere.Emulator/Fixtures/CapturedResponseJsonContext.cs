using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>Resources/responses.json keeps the snake_case field names of the corpus rows.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
    [JsonSerializable(typeof(CapturedResponseFile))]
    public sealed partial class CapturedResponseJsonContext : JsonSerializerContext;
}
