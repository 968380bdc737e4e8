using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Faults
{
    /// <summary>What happens to one request before (or instead of) its normal answer.</summary>
    /// <param name="DelayMs">Total delay from scenario latency and latency faults.</param>
    /// <param name="Fault">The fault that answers instead of the personality, or null.</param>
    public readonly record struct FaultPlan(int DelayMs, FaultDefinition? Fault);
}
