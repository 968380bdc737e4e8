namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>One call the official client makes: which service (mount), which key class, which operation.</summary>
    public sealed record ConformanceCase(string Personality, string Mount, string KeyClass, string Key, Operation Operation, Expected Expected, string Model = "gpt-4o-mini")
    {
        public string Name => $"{Personality} / {KeyClass} / {Operation}";

        /// <summary>Set to send the client to a base URL other than the mount's /v1 (a mis-set base URL).</summary>
        public string? PathOverride { get; init; }

        /// <summary>The base URL the client is given, below the emulator's root: the mount and /v1 (docs/client-environment.md).</summary>
        public string PathToV1 => PathOverride ?? (Mount.Length == 0 ? "v1" : Mount + "/v1");
    }

    public enum Operation
    {
        List,
        Chat,
        ChatStream,
    }
}
