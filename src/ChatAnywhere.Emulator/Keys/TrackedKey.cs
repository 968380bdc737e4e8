using System;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Keys
{
    /// <summary>A scenario key entry with the moment its clock started (scenario load, reset, or control POST).</summary>
    public sealed class TrackedKey
    {
        private readonly KeyTimeline _timeline;

        public TrackedKey(ScenarioKey entry, DateTimeOffset clockStart)
        {
            ArgumentNullException.ThrowIfNull(entry);
            Entry = entry;
            ClockStart = clockStart;
            _timeline = KeyTimeline.For(entry);
        }

        public ScenarioKey Entry { get; }

        public DateTimeOffset ClockStart { get; }

        public EffectiveKeyState StateAt(DateTimeOffset now) => _timeline.StateAt(now - ClockStart);
    }
}
