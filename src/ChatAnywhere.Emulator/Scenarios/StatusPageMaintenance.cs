namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>A maintenance window under way, shown on the status page.</summary>
    public sealed record StatusPageMaintenance
    {
        public string? Title { get; set; }

        public string? Description { get; set; }
    }
}
