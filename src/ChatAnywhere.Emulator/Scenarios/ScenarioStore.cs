using System;
using System.Threading;
using ChatAnywhere.Emulator.Faults;
using ChatAnywhere.Emulator.Limits;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// The running scenario and the state that goes with it (usage counts, flaky counters, dice).
    /// Requests read <see cref="Current"/> without locking; control calls swap it under a lock.
    /// </summary>
    public sealed class ScenarioStore
    {
        private readonly Lock _writeGate = new();
        private readonly TimeProvider _time;
        private ActiveScenario _current;
        private long _generation;

        public ScenarioStore(Scenario initial, TimeProvider time)
        {
            ArgumentNullException.ThrowIfNull(initial);
            _time = time;
            _current = ActiveScenario.Start(initial, time.GetUtcNow(), _generation);
            Dice = new SeededDice(initial.Seed);
        }

        public ActiveScenario Current => Volatile.Read(ref _current);

        public DailyUsageLedger Usage { get; } = new();

        public FlakyFaultCounters Flaky { get; } = new();

        /// <summary>What ChatAnywhere keys spent through the data plane (their balance and usage rows).</summary>
        public SpendingLedger Spending { get; } = new();

        /// <summary>OpenAI keys' per-minute buckets.</summary>
        public RateLimitBuckets RateLimits { get; } = new();

        public SeededDice Dice { get; }

        public TimeProvider Time => _time;

        /// <summary>Replaces the scenario: counters, dice and activation clocks start over.</summary>
        public void Replace(Scenario scenario)
        {
            lock (_writeGate)
            {
                StartOver(scenario);
            }
        }

        /// <summary>Back to the start of the current scenario (counters, flaky counters, clocks, relay tokens).</summary>
        public void Reset()
        {
            lock (_writeGate)
            {
                StartOver(_current.Definition);
            }
        }

        /// <summary>Adds or replaces one key; its clock starts now, other keys keep theirs.</summary>
        public void AddKey(ScenarioKey entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            lock (_writeGate)
            {
                Volatile.Write(ref _current, _current.WithKey(entry, _time.GetUtcNow()));
                if (entry.Key is not null)
                {
                    Usage.ForgetKey(entry.Key);
                    Flaky.ForgetKey(entry.Key);
                    Spending.ForgetKey(entry.Key);
                    RateLimits.ForgetKey(entry.Key);
                }
            }
        }

        private void StartOver(Scenario scenario)
        {
            Volatile.Write(ref _current, ActiveScenario.Start(scenario, _time.GetUtcNow(), ++_generation));
            Usage.Clear();
            Flaky.Clear();
            Spending.Clear();
            RateLimits.Clear();
            Dice.Reseed(scenario.Seed);
        }
    }
}
