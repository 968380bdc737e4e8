namespace ChatAnywhere.Emulator.Hosting
{
    /// <summary>The emulator's command line: <c>[--port N] [--scenario PATH] [--url-file PATH] [--https]</c>.</summary>
    /// <param name="Port">0 for a free port.</param>
    /// <param name="ScenarioPath">Null for the embedded Resources/scenario.default.json.</param>
    /// <param name="UrlFilePath">Where to write the base URL once listening, or null.</param>
    /// <param name="Https">Serve https with a self-signed certificate made at start.</param>
    public sealed record EmulatorOptions(int Port, string? ScenarioPath, string? UrlFilePath, bool Https = false);
}
