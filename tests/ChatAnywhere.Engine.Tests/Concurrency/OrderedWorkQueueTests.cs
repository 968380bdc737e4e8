using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Concurrency;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Concurrency
{
    public sealed class OrderedWorkQueueTests
    {
        [Fact]
        public async Task Results_come_back_in_the_order_queued_whatever_finishes_first()
        {
            using var queue = new OrderedWorkQueue<int>(4);
            var durations = new[] { 80, 10, 50, 0, 30, 5, 60, 1 };
            for (var i = 0; i < durations.Length; i++)
            {
                var index = i;
                queue.Enqueue(async token => { await Task.Delay(durations[index], token); return index; }, CancellationToken.None);
            }

            var results = new List<int>();
            while (queue.Head is { } head)
            {
                await head;
                Assert.True(queue.TryTakeCompleted(out var done));
                results.Add(await done!);
            }

            Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7 }, results);
        }

        [Fact]
        public async Task No_more_than_the_limit_run_at_once()
        {
            using var queue = new OrderedWorkQueue<int>(3);
            var running = 0;
            var peak = 0;
            for (var i = 0; i < 12; i++)
            {
                queue.Enqueue(async token =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref peak, now);
                    await Task.Delay(20, token);
                    Interlocked.Decrement(ref running);
                    return 0;
                }, CancellationToken.None);
            }

            while (queue.Head is { } head)
            {
                await head;
                queue.TryTakeCompleted(out _);
            }

            Assert.Equal(3, peak);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
