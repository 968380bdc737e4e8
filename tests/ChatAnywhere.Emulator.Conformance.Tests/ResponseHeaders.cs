using System.ClientModel.Primitives;

namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>A header of the answer the official client received; empty when it was not sent.</summary>
    public static class ResponseHeaders
    {
        public static string Get(PipelineResponse response, string name) =>
            response.Headers.TryGetValue(name, out string? value) ? value! : string.Empty;
    }
}
