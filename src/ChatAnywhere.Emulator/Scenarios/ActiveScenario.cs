using System;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Emulator.Keys;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// An immutable, lock-free-to-read view of the running scenario: its definition and key lookup.
    /// Changes build a new instance and swap it in (see <see cref="ScenarioStore"/>).
    /// </summary>
    public sealed class ActiveScenario
    {
        private readonly Dictionary<string, TrackedKey> _exact;
        private readonly TrackedKey[] _prefixes;

        private ActiveScenario(Scenario definition, IEnumerable<TrackedKey> keys, long generation, DateTimeOffset startedAt)
        {
            Definition = definition;
            Generation = generation;
            StartedAt = startedAt;
            _exact = new Dictionary<string, TrackedKey>(StringComparer.Ordinal);
            var prefixes = new List<TrackedKey>();
            foreach (TrackedKey key in keys)
            {
                if (key.Entry.Key is not null)
                {
                    _exact[key.Entry.Key] = key;
                }
                else
                {
                    prefixes.Add(key);
                }
            }

            // Longest prefix first so a more specific entry wins.
            _prefixes = [.. prefixes.OrderByDescending(key => key.Entry.Prefix!.Length)];
        }

        public Scenario Definition { get; }

        /// <summary>
        /// Counts loads, replacements and resets (not added keys), so state seeded from the scenario
        /// (the relays' token stores) knows when to start over.
        /// </summary>
        public long Generation { get; }

        /// <summary>When this generation was loaded, replaced or reset.</summary>
        public DateTimeOffset StartedAt { get; }

        public static ActiveScenario Start(Scenario definition, DateTimeOffset now, long generation) =>
            new(definition, definition.Keys.Select(entry => new TrackedKey(entry, now)), generation, now);

        public TrackedKey? Find(string? key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return null;
            }

            if (_exact.TryGetValue(key, out TrackedKey? exact))
            {
                return exact;
            }

            foreach (TrackedKey candidate in _prefixes)
            {
                if (key.StartsWith(candidate.Entry.Prefix!, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Adds or replaces one entry (same key or same prefix); only its clock restarts.</summary>
        public ActiveScenario WithKey(ScenarioKey entry, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(entry);
            bool SameSlot(ScenarioKey other) =>
                entry.Key is not null
                    ? string.Equals(other.Key, entry.Key, StringComparison.Ordinal)
                    : other.Key is null && string.Equals(other.Prefix, entry.Prefix, StringComparison.Ordinal);

            List<TrackedKey> kept = [.. _exact.Values.Concat(_prefixes).Where(tracked => !SameSlot(tracked.Entry))];
            kept.Add(new TrackedKey(entry, now));
            List<ScenarioKey> entries = [.. Definition.Keys.Where(other => !SameSlot(other))];
            entries.Add(entry);
            return new ActiveScenario(Definition with { Keys = entries }, kept, Generation, StartedAt);
        }
    }
}
