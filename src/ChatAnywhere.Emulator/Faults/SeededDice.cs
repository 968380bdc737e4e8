using System;
using System.Threading;

namespace ChatAnywhere.Emulator.Faults
{
    /// <summary>
    /// Every random decision (fault rates, jitter) from one Random seeded by the scenario's
    /// <c>seed</c>, so a run with the same requests in the same order repeats.
    /// </summary>
    public sealed class SeededDice
    {
        private readonly Lock _gate = new();
        private Random _random;

        public SeededDice(int seed)
        {
            _random = new Random(seed);
        }

        public void Reseed(int seed)
        {
            lock (_gate)
            {
                _random = new Random(seed);
            }
        }

        /// <summary>True for a share <paramref name="rate"/> of calls; no draw for 0 or 1.</summary>
        public bool Passes(double? rate)
        {
            if (rate is null or >= 1)
            {
                return true;
            }

            if (rate <= 0)
            {
                return false;
            }

            lock (_gate)
            {
                return _random.NextDouble() < rate;
            }
        }

        /// <summary>A value from 0 to <paramref name="maxInclusive"/>; no draw when it is 0.</summary>
        public int Jitter(int maxInclusive)
        {
            if (maxInclusive <= 0)
            {
                return 0;
            }

            lock (_gate)
            {
                return _random.Next(0, maxInclusive + 1);
            }
        }
    }
}
