using System;
using System.Collections.Generic;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Keys;

/// <summary>
/// The states a key goes through after its clock starts, as (from, state) phases in time order.
/// Today: unknown until <c>activateAfterSec</c>, then the configured state; further transitions
/// (suspension after N seconds, balance running out) become more phases here.
/// </summary>
public sealed class KeyTimeline
{
    private readonly (TimeSpan From, EffectiveKeyState State)[] _phases;

    private KeyTimeline((TimeSpan From, EffectiveKeyState State)[] phases)
    {
        _phases = phases;
    }

    public static KeyTimeline For(ScenarioKey entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var phases = new List<(TimeSpan, EffectiveKeyState)>();
        TimeSpan configuredFrom = TimeSpan.Zero;
        if (entry.ActivateAfterSec is int seconds and > 0)
        {
            // A new key not yet usable (reference/chatanywhere.md, cause 6): no measured delay exists.
            phases.Add((TimeSpan.Zero, EffectiveKeyState.NotRecognized));
            configuredFrom = TimeSpan.FromSeconds(seconds);
        }

        phases.Add((configuredFrom, ToEffective(entry.State)));
        return new KeyTimeline([.. phases]);
    }

    public EffectiveKeyState StateAt(TimeSpan elapsed)
    {
        EffectiveKeyState state = _phases[0].State;
        foreach ((TimeSpan from, EffectiveKeyState phaseState) in _phases)
        {
            if (elapsed < from)
            {
                break;
            }

            state = phaseState;
        }

        return state;
    }

    private static EffectiveKeyState ToEffective(KeyState state) => state switch
    {
        KeyState.Suspended => EffectiveKeyState.Suspended,
        KeyState.BalanceTooLow => EffectiveKeyState.BalanceTooLow,
        _ => EffectiveKeyState.Active,
    };
}
