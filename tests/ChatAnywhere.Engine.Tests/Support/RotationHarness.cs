using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Rotation;
using Microsoft.Extensions.Time.Testing;

namespace ChatAnywhere.Engine.Tests.Support
{
    /// <summary>A KeyRotator wired to a <see cref="FakeRelay"/>, a fake clock, a redactor and a capturing log.</summary>
    internal sealed class RotationHarness
    {
        /// <summary>The old token's key as the relay stores it (without sk-).</summary>
        public const string OldStored = "Oldk0000000000000000000000000000000000000000wxyz";

        public const string OldKey = "sk-" + OldStored;

        public const string OldName = "ci-deploy";

        public RotationHarness(RelayFlavour flavour)
        {
            Relay = new FakeRelay(flavour);
            Relay.Add("other", "Othr1111111111111111111111111111111111111111othr");
            OldId = Relay.Add(OldName, OldStored, settings: flavour == RelayFlavour.OneApi ? OneApiSettings() : NewApiSettings());
        }

        public FakeRelay Relay { get; }

        public long OldId { get; }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

        public SecretRedactor Redactor { get; } = new();

        public CapturingProbeLog Log { get; } = new();

        public RotationProgress Progress { get; } = new();

        public RotationOptions Options { get; } = new() { VerifyTimeout = TimeSpan.FromSeconds(10), RevokeCheckTimeout = TimeSpan.FromSeconds(6) };

        /// <summary>The old token's status in the relay now.</summary>
        public int OldStatus => (int)Relay.Token(OldId)!["status"]!;

        public static ServiceEndpoint Endpoint => ServiceEndpoint.TryParse(FakeRelay.BaseUri, false, out _)!;

        /// <summary>The old token's settings on one-api: a quota, no expiry, a model and a subnet whitelist.</summary>
        public static JsonObject OneApiSettings() => new()
        {
            ["remain_quota"] = 500000, ["expired_time"] = -1, ["unlimited_quota"] = false, ["used_quota"] = 1234,
            ["models"] = "gpt-4o-mini,gpt-4o", ["subnet"] = "10.0.0.0/8",
        };

        /// <summary>The old token's settings on new-api: model limits, an IP list and a group.</summary>
        public static JsonObject NewApiSettings() => new()
        {
            ["remain_quota"] = 500000, ["expired_time"] = 1798761600, ["unlimited_quota"] = false, ["used_quota"] = 1234,
            ["model_limits_enabled"] = true, ["model_limits"] = "gpt-4o-mini", ["allow_ips"] = "10.0.0.1\n10.0.0.2", ["group"] = "vip",
        };

        public KeyRotator Rotator()
        {
            var http = new HttpClient(Relay);
            var prober = new KeyProber(http, new ProbeOptions { MaxRetries = 0 }, Redactor, Log, Time, () => 0);
            return new KeyRotator(http, prober, Options, Redactor, Log, Time);
        }

        public RotationRequest Request(TokenSelector token, RelayBackend backend, string accessToken = FakeRelay.AccessToken) =>
            new(Endpoint, token, accessToken, FakeRelay.UserId, backend);

        public static TokenSelector ByOldKey() => TokenSelector.ByKey(KeyInspector.Inspect(OldKey));

        public Task<RotationPlan> PlanAsync(TokenSelector token, RelayBackend backend) =>
            Drive(Rotator().PlanAsync(Request(token, backend), Progress, CancellationToken.None));

        /// <summary>Plans and carries out a rotation, the fake clock running meanwhile.</summary>
        public async Task<RotationOutcome> RotateAsync(TokenSelector token, RelayBackend backend, CancellationToken cancellationToken = default)
        {
            var rotator = Rotator();
            var plan = await Drive(rotator.PlanAsync(Request(token, backend), Progress, cancellationToken));
            return await Drive(rotator.ExecuteAsync(plan, Progress, cancellationToken));
        }

        /// <summary>
        /// Moves the fake clock in quarter-second steps while <paramref name="task"/> runs on real
        /// threads, so waits end at once in real time.
        /// </summary>
        public async Task<T> Drive<T>(Task<T> task)
        {
            for (var steps = 0; !task.IsCompleted && steps < 20_000; steps++)
            {
                await Task.Delay(1);
                Time.Advance(TimeSpan.FromMilliseconds(250));
            }

            return await task;
        }
    }
}
