namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>One monitor of the status page: its state now, its 24 h uptime and its ping.</summary>
    public sealed record StatusPageMonitor
    {
        public int Id { get; set; }

        public string? Name { get; set; }

        public MonitorState State { get; set; } = MonitorState.Up;

        /// <summary>24 h uptime as the fraction Uptime Kuma sends, 0 to 1.</summary>
        public double Uptime24 { get; set; } = 1;

        /// <summary>The ping of its beats; down beats carry none.</summary>
        public int? PingMs { get; set; }
    }
}
