using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Control
{
    /// <summary>JSON of the control endpoint; null fields are written, so a missing key shows as null.</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(RequestLogEntry[]))]
    [JsonSerializable(typeof(RelayTokenView[]))]
    public sealed partial class ControlJsonContext : JsonSerializerContext;
}
