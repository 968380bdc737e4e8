using System;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.DataPlane
{
    /// <summary>One request to an emulated service, with what every personality and fault needs to know.</summary>
    public sealed class DataPlaneRequest
    {
        public required HttpContext Context { get; init; }

        /// <summary>The scenario as it was when the request arrived.</summary>
        public required ActiveScenario Scenario { get; init; }

        /// <summary>The path below the personality's prefix.</summary>
        public required PathString PathWithin { get; init; }

        /// <summary>The raw Authorization header, null when absent.</summary>
        public required string? Authorization { get; init; }

        /// <summary>The value after "Bearer ", null when the header is absent or uses another scheme.</summary>
        public required string? BearerKey { get; init; }

        /// <summary>The scenario entry matching <see cref="BearerKey"/>, whatever its personality.</summary>
        public required TrackedKey? Key { get; init; }

        public required string ClientIp { get; init; }

        public required DateTimeOffset ReceivedAt { get; init; }

        /// <summary>Cancelled when the emulator is stopping, so held requests do not delay shutdown.</summary>
        public required CancellationToken Stopping { get; init; }

        public string Method => Context.Request.Method;

        /// <summary>Waits, giving up when the client goes away or the emulator stops.</summary>
        public async Task DelayAsync(int milliseconds)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(Context.RequestAborted, Stopping);
            await Task.Delay(milliseconds, either.Token).ConfigureAwait(false);
        }
    }
}
