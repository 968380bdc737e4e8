namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>A later change of a key's state, <see cref="AfterSec"/> seconds after its clock starts.</summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record KeyStateChange
    {
        public int AfterSec { get; set; }

        public KeyState State { get; set; } = KeyState.Active;
    }
}
