using System;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Faults
{
    /// <summary>
    /// Decides a request's faults: the key entry's own fault first, then the scenario's list in order.
    /// Latency faults add up; the first other fault that fires answers the request.
    /// </summary>
    public sealed class FaultPlanner
    {
        private const int KeyEntryRule = -1;

        private readonly ScenarioStore _store;

        public FaultPlanner(ScenarioStore store)
        {
            _store = store;
        }

        public FaultPlan Plan(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            Scenario scenario = request.Scenario.Definition;
            int delay = scenario.LatencyMs + _store.Dice.Jitter(scenario.LatencyJitterMs);
            FaultDefinition? chosen = null;
            if (request.Key?.Entry.Fault is FaultDefinition keyFault)
            {
                Consider(keyFault, KeyEntryRule, request, ref delay, ref chosen);
            }

            IReadOnlyList<FaultDefinition> faults = scenario.Faults;
            for (int rule = 0; rule < faults.Count; rule++)
            {
                Consider(faults[rule], rule, request, ref delay, ref chosen);
            }

            return new FaultPlan(delay, chosen);
        }

        private void Consider(FaultDefinition fault, int rule, DataPlaneRequest request, ref int delay, ref FaultDefinition? chosen)
        {
            if (!Matches(fault, request))
            {
                return;
            }

            if (fault.Kind == FaultKind.Latency)
            {
                if (_store.Dice.Passes(fault.Rate))
                {
                    delay += (fault.Ms ?? 0) + _store.Dice.Jitter(fault.JitterMs ?? 0);
                }

                return;
            }

            if (chosen is not null || !_store.Dice.Passes(fault.Rate))
            {
                return;
            }

            if (fault.Kind == FaultKind.Flaky && !_store.Flaky.ShouldFail(rule, request.BearerKey ?? string.Empty, fault.Failures ?? 1))
            {
                return;
            }

            chosen = fault;
        }

        private static bool Matches(FaultDefinition fault, DataPlaneRequest request)
        {
            if (fault.Keys is { } keys && (request.BearerKey is null || !Contains(keys, request.BearerKey)))
            {
                return false;
            }

            if (fault.Methods is { } methods && !methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            if (fault.Paths is { } paths)
            {
                string path = request.Context.Request.Path.Value ?? "/";
                foreach (string prefix in paths)
                {
                    if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            return true;
        }

        private static bool Contains(IReadOnlyList<string> keys, string key)
        {
            foreach (string candidate in keys)
            {
                if (string.Equals(candidate, key, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
