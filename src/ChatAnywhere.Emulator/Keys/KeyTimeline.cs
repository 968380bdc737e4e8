using System;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Keys
{
    /// <summary>
    /// The states a key goes through after its clock starts, as (from, state) phases in time order:
    /// unknown until <c>activateAfterSec</c>, then the configured <c>state</c>, then each of
    /// <c>changes</c> from its <c>afterSec</c> on (a key suspended or hitting its daily limit later).
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
            var phases = new List<(TimeSpan From, EffectiveKeyState State)>();
            TimeSpan configuredFrom = TimeSpan.Zero;
            if (entry.ActivateAfterSec is int seconds and > 0)
            {
                // A new key not yet usable (docs/reference/chatanywhere.md, cause 6): no measured delay exists.
                phases.Add((TimeSpan.Zero, EffectiveKeyState.NotRecognized));
                configuredFrom = TimeSpan.FromSeconds(seconds);
            }

            phases.Add((configuredFrom, ToEffective(entry.State)));
            foreach (KeyStateChange change in (entry.Changes ?? []).OrderBy(change => change.AfterSec))
            {
                phases.Add((TimeSpan.FromSeconds(change.AfterSec), ToEffective(change.State)));
            }

            return new KeyTimeline([.. phases.OrderBy(phase => phase.From)]);
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
            KeyState.Invalid => EffectiveKeyState.NotRecognized,
            KeyState.DailyLimitReached => EffectiveKeyState.DailyLimitReached,
            _ => EffectiveKeyState.Active,
        };
    }
}
