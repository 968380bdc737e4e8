using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ChatAnywhere.Engine.Concurrency
{
    /// <summary>
    /// Runs work items concurrently, at most a given number at once, and hands back their results
    /// in the order they were queued. The caller (the cmdlet's pipeline thread) drains the head;
    /// only it writes output, as PowerShell requires (STYLE.md, MshCommandRuntime).
    /// </summary>
    /// <typeparam name="T">The result of one work item.</typeparam>
    internal sealed class OrderedWorkQueue<T> : IDisposable
    {
        private readonly SemaphoreSlim _slots;
        private readonly Queue<Task<T>> _pending = new Queue<Task<T>>();

        /// <summary>Creates a queue running at most <paramref name="concurrency"/> items at once.</summary>
        public OrderedWorkQueue(int concurrency)
        {
            if (concurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(concurrency));
            }

            _slots = new SemaphoreSlim(concurrency, concurrency);
        }

        /// <summary>Items queued and not yet taken.</summary>
        public int Count => _pending.Count;

        /// <summary>The oldest item's task, or null when the queue is empty.</summary>
        public Task<T>? Head => _pending.Count == 0 ? null : _pending.Peek();

        /// <summary>Queues <paramref name="work"/>; it starts when a slot is free.</summary>
        public void Enqueue(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            _pending.Enqueue(Task.Run(() => RunAsync(work, cancellationToken), cancellationToken));
        }

        /// <summary>Takes the oldest item if it has finished.</summary>
        public bool TryTakeCompleted(out Task<T>? completed)
        {
            if (_pending.Count > 0 && _pending.Peek().IsCompleted)
            {
                completed = _pending.Dequeue();
                return true;
            }

            completed = null;
            return false;
        }

        /// <inheritdoc />
        public void Dispose() => _slots.Dispose();

        private async Task<T> RunAsync(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
    }
}
