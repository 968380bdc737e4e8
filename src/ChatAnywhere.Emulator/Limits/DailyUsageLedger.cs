using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ChatAnywhere.Emulator.Limits
{
    /// <summary>
    /// Free-plan request counts per key and per client IP. ChatAnywhere counts both: every key used
    /// from one IP shares the IP's 200, and one key used from several IPs too (docs/reference/chatanywhere.md).
    /// A request is admitted only when both counts are under their limits, and only admitted requests count.
    /// The day never rolls over here: counts last until a reset or a new scenario.
    /// </summary>
    public sealed class DailyUsageLedger
    {
        private readonly ConcurrentDictionary<string, StrongBox<int>> _byKey = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, StrongBox<int>> _byClientIp = new(StringComparer.Ordinal);

        // Per key, then per model (names without case): the free plan's per-model caps (CA-429-per-model-3-per-day-2025).
        // Whether ChatAnywhere also counts these per client IP was not captured; they are counted per key only.
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, StrongBox<int>>> _byKeyAndModel = new(StringComparer.Ordinal);

        public bool TryConsume(string key, int keyStartCount, int keyLimit, string clientIp, int clientIpLimit)
        {
            StrongBox<int> keyCount = _byKey.GetOrAdd(key, static (_, start) => new StrongBox<int>(start), keyStartCount);
            if (!TryIncrementBelow(keyCount, keyLimit))
            {
                return false;
            }

            StrongBox<int> ipCount = _byClientIp.GetOrAdd(clientIp, static _ => new StrongBox<int>(0));
            if (!TryIncrementBelow(ipCount, clientIpLimit))
            {
                Interlocked.Decrement(ref keyCount.Value);
                return false;
            }

            return true;
        }

        /// <summary>Counts one request of <paramref name="key"/> for <paramref name="model"/>; false once the model's cap is reached.</summary>
        public bool TryConsumeForModel(string key, string model, int limit)
        {
            ConcurrentDictionary<string, StrongBox<int>> models =
                _byKeyAndModel.GetOrAdd(key, static _ => new ConcurrentDictionary<string, StrongBox<int>>(StringComparer.OrdinalIgnoreCase));
            return TryIncrementBelow(models.GetOrAdd(model, static _ => new StrongBox<int>(0)), limit);
        }

        public void Clear()
        {
            _byKey.Clear();
            _byClientIp.Clear();
            _byKeyAndModel.Clear();
        }

        /// <summary>Forgets one key's counts, so a replaced entry starts again from its usedToday.</summary>
        public void ForgetKey(string key)
        {
            _byKey.TryRemove(key, out _);
            _byKeyAndModel.TryRemove(key, out _);
        }

        private static bool TryIncrementBelow(StrongBox<int> count, int limit)
        {
            while (true)
            {
                int current = Volatile.Read(ref count.Value);
                if (current >= limit)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref count.Value, current + 1, current) == current)
                {
                    return true;
                }
            }
        }
    }
}
