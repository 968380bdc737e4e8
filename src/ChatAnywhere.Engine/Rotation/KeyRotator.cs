using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Activation;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// Rotates a relay token without leaving the user without a working key: find the old token,
    /// create a replacement with its settings, obtain the new key, verify it on the data plane,
    /// then revoke the old token and check that its key is refused (relay-admin-api.md §2, §5).
    /// Neither relay can regenerate a key in place: a reset is create + revoke.
    /// </summary>
    internal sealed class KeyRotator : IDisposable
    {

        private readonly HttpClient _client;
        private readonly KeyActivationWaiter _verifier;
        private readonly OldTokenRetirer _retirer;
        private readonly RelayBackendDetector _detector;
        private readonly RotationOptions _options;
        private readonly SecretRedactor _redactor;
        private readonly IProbeLog _log;
        private readonly RelayReadBack _readBack;
        private readonly TimeProvider _time;
        private HttpClient? _ownedClient;

        /// <summary>Creates a rotator; <paramref name="prober"/> should send single probes (no retries).</summary>
        public KeyRotator(HttpClient client, KeyProber prober, RotationOptions options, SecretRedactor redactor, IProbeLog? log = null, TimeProvider? timeProvider = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
            _log = log ?? NullProbeLog.Instance;
            _time = timeProvider ?? TimeProvider.System;
            _detector = new RelayBackendDetector(client, options.CallTimeout, _log);
            _readBack = new RelayReadBack(_log);
            var refusalCheck = new OldKeyRefusalCheck(prober ?? throw new ArgumentNullException(nameof(prober)), options.RevokeCheckTimeout, _time, _log);
            _retirer = new OldTokenRetirer(refusalCheck, _readBack, options, redactor, _log);

            // Waiting briefly, as Wait-KeyActivation does: a new token is usually valid at once
            // (relays do not cache misses, §5), but replicated databases can lag.
            _verifier = new KeyActivationWaiter(
                prober,
                new ActivationOptions { Timeout = options.VerifyTimeout, InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(5) },
                _log,
                _time);
        }

        /// <summary>Reset-ApiKey's entry point: a rotator with its own HttpClient and single-attempt prober, released by <see cref="Dispose"/>.</summary>
        public static KeyRotator Create(HttpClientSettings settings, RotationOptions options, SecretRedactor redactor, IProbeLog? log = null)
        {
            var client = ProbeHttpClientFactory.Create(settings);
            // A probe keeps its own 10 s unless -TimeoutSec asks for less.
            var probe = new ProbeOptions { MaxRetries = 0 };
            probe.AttemptTimeout = options.CallTimeout < probe.AttemptTimeout ? options.CallTimeout : probe.AttemptTimeout;
            var prober = new KeyProber(client, probe, redactor, log, proxyFor: target => ProxyRoute.For(settings, target));
            return new KeyRotator(client, prober, options, redactor, log) { _ownedClient = client };
        }

        /// <summary>Releases the HttpClient of a rotator made by <see cref="Create"/>.</summary>
        public void Dispose() => _ownedClient?.Dispose();

        /// <summary>
        /// Reads what a rotation needs and changes nothing: refuses backends without key
        /// management, tells one-api from new-api, and finds the old token.
        /// </summary>
        /// <exception cref="KeyRotationException">Not a relay, or no such token.</exception>
        /// <exception cref="RelayManagementException">The relay refused a read (access token, New-Api-User).</exception>
        public async Task<RotationPlan> PlanAsync(RotationRequest request, RotationProgress progress, CancellationToken cancellationToken)
        {
            if (request is null || progress is null)
            {
                throw new ArgumentNullException(request is null ? nameof(request) : nameof(progress));
            }

            RotationSupport.RefuseUnsupported(request.Relay, request.Backend);
            progress.Enter(1, "Finding the token");
            var backend = request.Backend == RelayBackend.Auto
                ? await _detector.DetectAsync(request.Relay, cancellationToken).ConfigureAwait(false)
                : request.Backend;
            _redactor.Register(request.Token.Key?.CleanedKey);
            var client = new RelayManagementClient(_client, request.Relay.BaseUri, request.AccessToken, request.UserId, _options.CallTimeout, _redactor, _log);
            var oldToken = await TokenFinder.FindAsync(client, backend, request.Token, cancellationToken).ConfigureAwait(false);
            var oldKey = request.Token.Key?.CleanedKey ?? oldToken.Key;
            _redactor.Register(oldKey);
            _log.Verbose($"Found {oldToken} on {request.Relay} ({backend}), key {(oldKey is null ? oldToken.MaskedKey : KeyMask.Mask(oldKey))}: {TokenSettings.Describe(oldToken)}.");
            return new RotationPlan(request, backend, client, oldToken, oldKey, RotationMessages.Target(request, oldToken), RotationMessages.Action(oldToken, _options));
        }

        /// <summary>Carries out a plan: create the replacement, make it the caller's working key, then retire the old token.</summary>
        /// <exception cref="KeyRotationException">The new key could not be obtained or verified; the replacement was deleted again.</exception>
        /// <exception cref="RelayManagementException">Creating the replacement failed; nothing changed.</exception>
        public async Task<RotationOutcome> ExecuteAsync(RotationPlan plan, RotationProgress progress, CancellationToken cancellationToken)
        {
            if (plan is null || progress is null)
            {
                throw new ArgumentNullException(plan is null ? nameof(plan) : nameof(progress));
            }

            var created = await CreateReplacementAsync(plan, progress, cancellationToken).ConfigureAwait(false);
            var outcome = await HandOverAsync(plan, created, progress, cancellationToken).ConfigureAwait(false);

            // The method boundary above is the point of no return: from here on the new key works
            // and is the caller's, and nothing is rolled back, not even on Ctrl+C.
            await _retirer.RetireAsync(plan, outcome, progress, cancellationToken).ConfigureAwait(false);
            outcome.CompletedAt = _time.GetUtcNow();
            return outcome;
        }

        /// <summary>Creates the replacement; a failure here leaves nothing to roll back.</summary>
        private async Task<Replacement> CreateReplacementAsync(RotationPlan plan, RotationProgress progress, CancellationToken cancellationToken)
        {
            var old = plan.OldToken;

            // new-api answers a create with neither id nor key: a unique name lets the new token be
            // found again, and it takes the old name afterwards (relay-admin-api.md §2, "How a client gets the key").
            var name = plan.Backend == RelayBackend.NewApi ? UniqueName() : old.Name;
            progress.Enter(2, $"Creating a token with the settings of {old}");

            // A shared name cannot tell a token whose create answer was lost from older namesakes:
            // the ids named so before the create can.
            var before = string.Equals(name, old.Name, StringComparison.Ordinal)
                ? await TokenFinder.FindNamedIdsAsync(plan.Client, name, cancellationToken).ConfigureAwait(false)
                : new HashSet<long>();
            RelayToken? created;
            try
            {
                created = await plan.Client.CreateAsync(TokenSettings.Copy(old, name), cancellationToken).ConfigureAwait(false);
            }
            catch (RelayManagementException failure) when (RelayReadBack.IsUnclear(failure))
            {
                throw await _readBack.RecoverLostCreateAsync(plan, failure, name, before).ConfigureAwait(false);
            }

            if (created is not null)
            {
                return new Replacement(created.Id, created.Key, name);
            }

            progress.Enter(3, "Finding the new token");
            try
            {
                var found = await TokenFinder.FindCreatedAsync(plan.Client, name, old.Id, cancellationToken).ConfigureAwait(false);
                return new Replacement(found.Id, found.Key, name);
            }
            catch (RelayManagementException failure)
            {
                throw RotationMessages.CreatedButLost(failure, name);
            }
        }

        /// <summary>Obtains, names and verifies the new key; on any failure or Ctrl+C the replacement is deleted again.</summary>
        private async Task<RotationOutcome> HandOverAsync(RotationPlan plan, Replacement created, RotationProgress progress, CancellationToken cancellationToken)
        {
            _log.Verbose($"Created token #{created.Id}.");
            try
            {
                var newKey = created.Key;
                if (newKey is null)
                {
                    progress.Enter(3, $"Reading the key of token #{created.Id}");
                    newKey = await plan.Client.RevealKeyAsync(created.Id, cancellationToken).ConfigureAwait(false) ?? throw RotationMessages.KeyNotObtained(created.Id);
                }

                _redactor.Register(newKey);
                if (!string.Equals(created.Name, plan.OldToken.Name, StringComparison.Ordinal))
                {
                    await RenameAsync(plan, created, cancellationToken).ConfigureAwait(false);
                }

                var outcome = new RotationOutcome(plan, created.Id, newKey);
                if (_options.Verify)
                {
                    await VerifyAsync(plan, outcome, progress, cancellationToken).ConfigureAwait(false);
                }

                return outcome;
            }
            catch (Exception failure)
            {
                // Whatever went wrong, the replacement is not the caller's yet: delete it, or name it.
                var leftover = await _readBack.RollBackAsync(plan.Client, created.Id).ConfigureAwait(false);
                if (failure is OperationCanceledException)
                {
                    throw;
                }

                throw RotationMessages.RolledBack(failure, created.Id, leftover);
            }
        }

        private static string UniqueName()
        {
            // 25 characters: within new-api/2025-04's 30-character name limit (relay-admin-api.md §2).
            var suffix = Guid.NewGuid().ToString("N").Substring(0, 4);
            return "reset-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + suffix;
        }

        private async Task RenameAsync(RotationPlan plan, Replacement created, CancellationToken cancellationToken)
        {
            var old = plan.OldToken;
            try
            {
                // A full update: both relays copy every setting from the body, so all of them go again.
                await plan.Client.UpdateAsync(TokenSettings.Copy(old, old.Name, created.Id), $"name token #{created.Id} '{old.Name}'", cancellationToken).ConfigureAwait(false);
            }
            catch (RelayManagementException failure)
            {
                // The token works under its temporary name; a failed rename is not worth losing it.
                _log.Verbose(failure.Message);
                throw RotationMessages.RenameFailed(failure, created.Name, old.Name);
            }
        }

        private async Task VerifyAsync(RotationPlan plan, RotationOutcome outcome, RotationProgress progress, CancellationToken cancellationToken)
        {
            var key = KeyInspector.Inspect(outcome.NewKey);
            var activation = _verifier.Start(key);
            progress.Enter(4, $"Checking that the relay accepts the new key {key.Masked}", activation);
            var result = await _verifier.WaitAsync(key, plan.Request.Relay, activation, cancellationToken).ConfigureAwait(false);
            outcome.Verified = result.Activated ? true : throw RotationMessages.NotAccepted(key.Masked, outcome.NewTokenId, result);
        }

        /// <summary>The replacement token as created: its key is null when the relay shows it only masked.</summary>
        private sealed class Replacement
        {
            public Replacement(long id, string? key, string name)
            {
                Id = id;
                Key = key;
                Name = name;
            }

            public long Id { get; }

            public string? Key { get; }

            public string Name { get; }
        }
    }
}
