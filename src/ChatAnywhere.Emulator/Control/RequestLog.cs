using System.Collections.Concurrent;
using System.Threading;

namespace ChatAnywhere.Emulator.Control
{
    /// <summary>
    /// The last <see cref="Capacity"/> data-plane requests, safe under concurrent writers, plus a
    /// running total that benchmarks can read without copying the log.
    /// </summary>
    public sealed class RequestLog
    {
        public const int Capacity = 100_000;

        private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
        private int _retained;
        private long _total;

        /// <summary>Requests recorded since start or the last clear (not bounded by the capacity).</summary>
        public long Total => Interlocked.Read(ref _total);

        public void Add(RequestLogEntry entry)
        {
            _entries.Enqueue(entry);
            Interlocked.Increment(ref _total);
            if (Interlocked.Increment(ref _retained) > Capacity && _entries.TryDequeue(out _))
            {
                Interlocked.Decrement(ref _retained);
            }
        }

        public RequestLogEntry[] Snapshot() => _entries.ToArray();

        public void Clear()
        {
            while (_entries.TryDequeue(out _))
            {
                Interlocked.Decrement(ref _retained);
            }

            Interlocked.Exchange(ref _total, 0);
        }
    }
}
