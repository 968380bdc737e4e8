using System;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Personalities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatAnywhere.Emulator.Faults
{
    /// <summary>
    /// The "lostAnswer" fault: the change is made, the answer is not delivered. A client sees a
    /// broken connection after the relay has acted, the case where it must read back instead of assuming.
    /// </summary>
    public static class LostAnswer
    {
        public static async Task HandleAsync(DataPlaneRequest request, IPersonality personality)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(personality);
            HttpContext context = request.Context;

            // Kestrel's own body feature is set aside, so nothing (not even the headers) reaches the wire.
            context.Features.Set<IHttpResponseBodyFeature>(new DiscardedBody());
            await personality.AnswerAsync(request).ConfigureAwait(false);
            context.Abort();
        }

        /// <summary>A response body that accepts everything and sends nothing.</summary>
        private sealed class DiscardedBody : IHttpResponseBodyFeature
        {
            public DiscardedBody()
            {
                Writer = PipeWriter.Create(Stream.Null);
            }

            public Stream Stream => Stream.Null;

            public PipeWriter Writer { get; }

            public Task CompleteAsync() => Writer.CompleteAsync().AsTask();

            public void DisableBuffering()
            {
            }

            public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => Task.CompletedTask;

            public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        }
    }
}
