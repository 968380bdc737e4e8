using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ChatAnywhere.Emulator.Faults
{
    /// <summary>How many requests each key has sent through each flaky fault, to fail only the first N.</summary>
    public sealed class FlakyFaultCounters
    {
        private readonly ConcurrentDictionary<(int Rule, string Key), StrongBox<int>> _counts = new();

        /// <param name="rule">-1 for a key entry's own fault, else the index in the scenario's faults.</param>
        public bool ShouldFail(int rule, string key, int failures)
        {
            StrongBox<int> count = _counts.GetOrAdd((rule, key), static _ => new StrongBox<int>(0));
            return Interlocked.Increment(ref count.Value) <= failures;
        }

        public void Clear() => _counts.Clear();

        public void ForgetKey(string key)
        {
            foreach ((int Rule, string Key) slot in _counts.Keys)
            {
                if (string.Equals(slot.Key, key, StringComparison.Ordinal))
                {
                    _counts.TryRemove(slot, out _);
                }
            }
        }
    }
}
