using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// Scenario JSON: camelCase, case-insensitive, and unknown properties rejected so that a typo
    /// ("stat" for "state") fails loudly instead of silently meaning the default.
    /// </summary>
    [JsonSourceGenerationOptions(
        JsonSerializerDefaults.Web,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        UseStringEnumConverter = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true)]
    [JsonSerializable(typeof(Scenario))]
    [JsonSerializable(typeof(ScenarioKey))]
    public sealed partial class ScenarioJsonContext : JsonSerializerContext;
}
