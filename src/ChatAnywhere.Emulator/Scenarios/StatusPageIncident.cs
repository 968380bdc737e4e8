namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>An incident pinned to the status page.</summary>
    public sealed record StatusPageIncident
    {
        public string? Title { get; set; }

        public string? Content { get; set; }

        /// <summary>Uptime Kuma's styles: info, warning, danger, primary, light, dark.</summary>
        public string Style { get; set; } = "warning";
    }
}
