using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>A public group of the status page and its monitors.</summary>
    public sealed record StatusPageGroup
    {
        public string? Name { get; set; }

        public IReadOnlyList<StatusPageMonitor> Monitors { get; set; } = [];
    }
}
