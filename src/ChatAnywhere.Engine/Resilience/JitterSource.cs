using System;

namespace ChatAnywhere.Engine.Resilience
{
    /// <summary>Jitter samples in [0, 1) shared by every concurrent probe; Random is not thread-safe.</summary>
    internal static class JitterSource
    {
        private static readonly Random Random = new Random();
        private static readonly object Gate = new object();

        /// <summary>The next sample.</summary>
        public static double Next()
        {
            lock (Gate)
            {
                return Random.NextDouble();
            }
        }
    }
}
