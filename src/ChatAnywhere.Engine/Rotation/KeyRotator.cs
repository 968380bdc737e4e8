using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Activation;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Status;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// Rotates a relay token without leaving the user without a working key: find the old token,
    /// create a replacement with its settings, obtain the new key, verify it on the data plane,
    /// then revoke the old token and check that its key is refused (relay-admin-api.md §2, §5).
    /// Neither relay can regenerate a key in place: a reset is create + revoke.
    /// </summary>
    public sealed class KeyRotator
    {
        /// <summary>The support answer for ChatAnywhere's hosted service.</summary>
        public const string ChatAnywhereIssue = "https://github.com/chatanywhere/GPT_API_free/issues/330";

        // Search, list and the key-reveal route are cheap; the list is walked at most this far.
        private const int MaxListPages = 1000;

        // How long a rollback may take after the caller cancelled: the replacement must not be left behind.
        private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

        private static readonly TimeSpan OldKeyProbeInterval = TimeSpan.FromSeconds(2);

        private readonly HttpClient _client;
        private readonly KeyProber _prober;
        private readonly KeyActivationWaiter _verifier;
        private readonly RotationOptions _options;
        private readonly SecretRedactor _redactor;
        private readonly IProbeLog _log;
        private readonly TimeProvider _time;

        /// <summary>Creates a rotator; <paramref name="prober"/> should send single probes (no retries).</summary>
        public KeyRotator(HttpClient client, KeyProber prober, RotationOptions options, SecretRedactor redactor, IProbeLog? log = null, TimeProvider? timeProvider = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _prober = prober ?? throw new ArgumentNullException(nameof(prober));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
            _log = log ?? NullProbeLog.Instance;
            _time = timeProvider ?? TimeProvider.System;

            // Waiting briefly, as Wait-KeyActivation does: a new token is usually valid at once
            // (relays do not cache misses, §5), but replicated databases can lag.
            _verifier = new KeyActivationWaiter(
                prober,
                new ActivationOptions { Timeout = options.VerifyTimeout, InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(5) },
                _log,
                _time);
        }

        /// <summary>
        /// Reads what a rotation needs and changes nothing: refuses backends without key
        /// management, tells one-api from new-api, and finds the old token.
        /// </summary>
        /// <exception cref="KeyRotationException">Not a relay, or no such token.</exception>
        /// <exception cref="RelayManagementException">The relay refused a read (access token, New-Api-User).</exception>
        public async Task<RotationPlan> PlanAsync(RotationRequest request, RotationProgress progress, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (progress is null)
            {
                throw new ArgumentNullException(nameof(progress));
            }

            RefuseUnsupported(request.Relay, request.Backend);
            progress.Enter(1, "Finding the token");
            var backend = request.Backend == RelayBackend.Auto
                ? await DetectBackendAsync(request.Relay, cancellationToken).ConfigureAwait(false)
                : request.Backend;
            RegisterKey(request.Token.Key?.CleanedKey);
            var client = new RelayManagementClient(_client, request.Relay.BaseUri, request.AccessToken, request.UserId, _options.CallTimeout, _redactor, _log);
            var oldToken = await FindAsync(client, backend, request.Token, cancellationToken).ConfigureAwait(false);
            var oldKey = request.Token.Key?.CleanedKey ?? oldToken.Key;
            RegisterKey(oldKey);
            _log.Verbose($"Found {oldToken} on {request.Relay} ({backend}), key {(oldKey is null ? oldToken.MaskedKey : KeyMask.Mask(oldKey))}: {TokenSettings.Describe(oldToken)}.");
            return new RotationPlan(request, backend, client, oldToken, oldKey, Target(request, oldToken), Action(oldToken));
        }

        /// <summary>Carries out a plan.</summary>
        /// <exception cref="KeyRotationException">The new key could not be obtained or verified; the replacement was deleted again.</exception>
        /// <exception cref="RelayManagementException">Creating the replacement failed; nothing changed.</exception>
        public async Task<RotationOutcome> ExecuteAsync(RotationPlan plan, RotationProgress progress, CancellationToken cancellationToken)
        {
            if (plan is null)
            {
                throw new ArgumentNullException(nameof(plan));
            }

            if (progress is null)
            {
                throw new ArgumentNullException(nameof(progress));
            }

            var client = plan.Client;
            var old = plan.OldToken;

            // new-api answers a create with neither id nor key: a unique name lets the new token be
            // found again, and it takes the old name afterwards (relay-admin-api.md §2, "How a client gets the key").
            var newName = plan.Backend == RelayBackend.NewApi ? UniqueName() : old.Name;
            progress.Enter(2, $"Creating a token with the settings of {old}");
            var created = await client.CreateAsync(TokenSettings.Copy(old, newName), cancellationToken).ConfigureAwait(false);
            long newId;
            string? newKey = null;
            if (created is not null)
            {
                newId = created.Id;
                newKey = created.Key;
            }
            else
            {
                progress.Enter(3, "Finding the new token");
                RelayToken found;
                try
                {
                    found = await FindCreatedAsync(client, newName, old.Id, cancellationToken).ConfigureAwait(false);
                }
                catch (RelayManagementException failure)
                {
                    throw new KeyRotationException(
                        RotationFailure.ReplacementFailed,
                        $"{failure.Message} The relay created a token named '{newName}' that could not be found again; the old token is unchanged and still works.",
                        $"Delete the token named '{newName}' in the relay's dashboard. {failure.Advice}",
                        failure);
                }

                newId = found.Id;
                newKey = found.Key;
            }

            _log.Verbose($"Created token #{newId}.");
            RotationOutcome outcome;
            try
            {
                if (newKey is null)
                {
                    progress.Enter(3, $"Reading the key of token #{newId}");
                    newKey = await client.RevealKeyAsync(newId, cancellationToken).ConfigureAwait(false) ?? throw new KeyRotationException(
                        RotationFailure.KeyNotObtained,
                        $"The relay created token #{newId} but shows its key only masked and has no key-reveal route (POST /api/token/{newId}/key).",
                        "Rotate the token in the relay's dashboard, which shows new keys; or upgrade the relay.");
                }

                RegisterKey(newKey);
                if (!string.Equals(newName, old.Name, StringComparison.Ordinal))
                {
                    await RenameAsync(client, old, newId, newName, cancellationToken).ConfigureAwait(false);
                }

                outcome = new RotationOutcome(plan, newId, newKey);
                if (_options.Verify)
                {
                    await VerifyAsync(plan, outcome, progress, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception failure) when (failure is KeyRotationException || failure is RelayManagementException || failure is OperationCanceledException)
            {
                var leftover = await RollBackAsync(client, newId).ConfigureAwait(false);
                if (failure is OperationCanceledException)
                {
                    throw;
                }

                var rolledBack = leftover is null
                    ? $" The replacement token #{newId} was deleted again; the old token is unchanged and still works."
                    : $" The replacement token #{newId} could not be deleted again: delete it in the relay's dashboard. The old token is unchanged and still works.";
                if (failure is KeyRotationException rotation)
                {
                    throw new KeyRotationException(rotation.Failure, rotation.Message + rolledBack, rotation.Advice, rotation.InnerException)
                    {
                        LeftoverTokenId = leftover,
                        Verification = rotation.Verification,
                    };
                }

                var management = (RelayManagementException)failure;
                throw new KeyRotationException(RotationFailure.ReplacementFailed, management.Message + rolledBack, management.Advice, management)
                {
                    LeftoverTokenId = leftover,
                };
            }

            // From here on the new key works and is the caller's: nothing is rolled back, not even on Ctrl+C.
            var oldKey = await ReadOldKeyAsync(plan, cancellationToken).ConfigureAwait(false);
            await RevokeAsync(plan, outcome, progress, cancellationToken).ConfigureAwait(false);
            if (_options.Verify && outcome.OldKeyState != OldKeyState.StillActive && oldKey is not null)
            {
                progress.Enter(6, $"Checking that the relay refuses the old key {KeyMask.Mask(oldKey)}");
                outcome.OldKeyRefused = await ConfirmRefusedAsync(plan, oldKey, outcome, cancellationToken).ConfigureAwait(false);
            }

            outcome.CompletedAt = _time.GetUtcNow();
            return outcome;
        }

        /// <summary>Refuses a backend that offers no key management, before any request is sent.</summary>
        /// <exception cref="KeyRotationException">ChatAnywhere's hosted service, or OpenAI.</exception>
        public static void RefuseUnsupported(ServiceEndpoint relay, RelayBackend backend)
        {
            if (relay is null)
            {
                throw new ArgumentNullException(nameof(relay));
            }

            if (backend == RelayBackend.ChatAnywhere || relay.Kind == EndpointKind.ChatAnywhere)
            {
                // Maintainer, 2024-11-28: "key不支持更换" (keys cannot be changed), issue #330.
                throw new KeyRotationException(
                    RotationFailure.NotSupported,
                    $"ChatAnywhere's hosted service ({relay}) cannot regenerate or change a key: its maintainer confirmed keys cannot be changed ({ChatAnywhereIssue}).",
                    $"Get a new key instead (free keys: sign in with GitHub at {KnownHosts.DefaultBaseUri}/v1/oauth/free/render; paid keys: the shop), run Wait-KeyActivation on it until it works, then replace the old key wherever it is stored. Reset-ApiKey rotates keys on self-hosted one-api and new-api relays: pass the relay's address as -BaseUri.");
            }

            if (relay.Kind == EndpointKind.OpenAI)
            {
                throw new KeyRotationException(
                    RotationFailure.NotSupported,
                    $"{relay} is OpenAI's API, not a one-api or new-api relay: Reset-ApiKey cannot rotate its keys.",
                    "Create and revoke OpenAI keys at https://platform.openai.com/api-keys.");
            }
        }

        private static string Target(RotationRequest request, RelayToken token) =>
            $"token {token} on {request.Relay}";

        private static string UniqueName()
        {
            // 25 characters: within new-api/2025-04's 30-character name limit (relay-admin-api.md §2).
            var suffix = Guid.NewGuid().ToString("N").Substring(0, 4);
            return "reset-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + suffix;
        }

        private string Action(RelayToken old)
        {
            var steps = new List<string> { $"create a token named '{old.Name}' with the settings of #{old.Id} ({TokenSettings.Describe(old)})" };
            if (_options.Verify)
            {
                steps.Add("check that the relay accepts its key");
            }

            steps.Add(_options.RevokeMode switch
            {
                RevokeMode.Delete => $"delete token #{old.Id}",
                RevokeMode.Keep => $"leave token #{old.Id} working (-RevokeMode Keep)",
                _ => $"disable token #{old.Id}",
            });
            if (_options.Verify && _options.RevokeMode != RevokeMode.Keep)
            {
                steps.Add("check that the relay refuses the old key");
            }

            return "Rotate key " + old.MaskedKey + ": " + string.Join(", then ", steps);
        }

        // Relays store and list keys without sk- (relay-admin-api.md §2): both forms are secrets.
        private void RegisterKey(string? key)
        {
            _redactor.Register(key);
            if (key is not null && key.StartsWith("sk-", StringComparison.Ordinal))
            {
                _redactor.Register(key.Substring(3));
            }
        }

        private async Task<RelayBackend> DetectBackendAsync(ServiceEndpoint relay, CancellationToken cancellationToken)
        {
            var statusUri = new Uri(relay.BaseUri.AbsoluteUri.TrimEnd('/') + "/api/status");
            _log.Verbose($"GET {statusUri} (which relay software)");
            var answer = await AnonymousGet.SendAsync(_client, statusUri, _options.CallTimeout, BoundedBodyReader.DefaultLimit, cancellationToken).ConfigureAwait(false);
            if (answer.Response is not null && RelayStatusReader.TryRead(answer.Response, out var version, out _, out var kind) &&
                (kind == BackendKind.OneApi || kind == BackendKind.NewApi))
            {
                _log.Verbose($"{relay} is {kind} {version}.");
                return kind == BackendKind.NewApi ? RelayBackend.NewApi : RelayBackend.OneApi;
            }

            var why = answer.Failure is not null
                ? answer.Failure.Message
                : $"GET /api/status answered HTTP {answer.Response!.StatusCode} without a relay's status";
            throw new KeyRotationException(
                RotationFailure.UnknownBackend,
                $"{relay} does not answer as a one-api or new-api relay: {why}.",
                "Check -BaseUri (the relay's own address, without /v1). If it is a relay that hides /api/status, pass -Backend OneApi or -Backend NewApi.");
        }

        private async Task<RelayToken> FindAsync(RelayManagementClient client, RelayBackend backend, TokenSelector selector, CancellationToken cancellationToken)
        {
            if (selector.Id is long id)
            {
                try
                {
                    return await client.GetAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (RelayManagementException missing) when (missing.Failure == ManagementFailure.TokenNotFound)
                {
                    throw NotFound(selector, missing);
                }
            }

            if (selector.Name is string name)
            {
                var named = (await client.SearchAsync(name, null, cancellationToken).ConfigureAwait(false))
                    .Where(t => string.Equals(t.Name, name, StringComparison.Ordinal))
                    .ToList();
                if (named.Count > 1)
                {
                    throw new KeyRotationException(
                        RotationFailure.AmbiguousName,
                        $"{named.Count} tokens are named '{name}': {string.Join(", ", named.Select(t => "#" + t.Id.ToString(CultureInfo.InvariantCulture)))}.",
                        "Choose one with -TokenId, or by its key with -ApiKey.");
                }

                return named.Count == 1 ? named[0] : throw NotFound(selector, null);
            }

            var key = selector.Key!.CleanedKey;
            return backend == RelayBackend.NewApi
                ? await FindByKeySearchAsync(client, key, cancellationToken).ConfigureAwait(false) ?? throw NotFound(selector, null)
                : await FindByKeyListAsync(client, key, cancellationToken).ConfigureAwait(false) ?? throw NotFound(selector, null);
        }

        // new-api filters search results on the key (relay-admin-api.md §2, search).
        private static async Task<RelayToken?> FindByKeySearchAsync(RelayManagementClient client, string key, CancellationToken cancellationToken)
        {
            var stored = key.StartsWith("sk-", StringComparison.Ordinal) ? key.Substring(3) : key;
            var found = await client.SearchAsync(string.Empty, stored, cancellationToken).ConfigureAwait(false);
            return found.FirstOrDefault(t => t.HasKey(key));
        }

        // one-api searches names only, but lists whole keys, ten per page counted from 0.
        private static async Task<RelayToken?> FindByKeyListAsync(RelayManagementClient client, string key, CancellationToken cancellationToken)
        {
            var seen = new HashSet<long>();
            for (var page = 0; page < MaxListPages; page++)
            {
                var tokens = (await client.ListAsync(page, cancellationToken).ConfigureAwait(false)).Tokens;
                var match = tokens.FirstOrDefault(t => t.HasKey(key));
                if (match is not null)
                {
                    return match;
                }

                // An empty page ends the list; a page of tokens already seen means the relay ignores p.
                var unseen = tokens.Count(t => seen.Add(t.Id));
                if (tokens.Count == 0 || unseen == 0)
                {
                    return null;
                }
            }

            return null;
        }

        private static KeyRotationException NotFound(TokenSelector selector, Exception? inner) =>
            new KeyRotationException(
                RotationFailure.TokenNotFound,
                $"The relay shows this user no {selector.ToString().Replace("the token", "token").Replace("token #", "token with id ")}.",
                "The access token must belong to the user who owns the token. Check the relay's dashboard: the token may have been rotated or deleted already.",
                inner);

        private static async Task<RelayToken> FindCreatedAsync(RelayManagementClient client, string name, long oldId, CancellationToken cancellationToken)
        {
            var matches = (await client.SearchAsync(name, null, cancellationToken).ConfigureAwait(false))
                .Where(t => string.Equals(t.Name, name, StringComparison.Ordinal) && t.Id != oldId)
                .ToList();
            if (matches.Count == 0)
            {
                throw new KeyRotationException(
                    RotationFailure.ReplacementFailed,
                    $"The relay accepted the new token, but a search for its name '{name}' does not find it; the old token is unchanged.",
                    $"Look for a token named '{name}' in the relay's dashboard and delete it, then try again.");
            }

            // The highest id is the newest (relay-admin-api.md §2).
            return matches.OrderByDescending(t => t.Id).First();
        }

        private async Task RenameAsync(RelayManagementClient client, RelayToken old, long newId, string temporaryName, CancellationToken cancellationToken)
        {
            try
            {
                // A full update: both relays copy every setting from the body, so all of them go again.
                await client.UpdateAsync(TokenSettings.Copy(old, old.Name, newId), $"name token #{newId} '{old.Name}'", cancellationToken).ConfigureAwait(false);
            }
            catch (RelayManagementException failure)
            {
                // The token works under its temporary name; a failed rename is not worth losing it.
                _log.Verbose(failure.Message);
                throw new KeyRotationException(
                    RotationFailure.ReplacementFailed,
                    $"{failure.Message} The replacement was created as '{temporaryName}' and could not take the name '{old.Name}'.",
                    failure.Advice,
                    failure);
            }
        }

        private async Task VerifyAsync(RotationPlan plan, RotationOutcome outcome, RotationProgress progress, CancellationToken cancellationToken)
        {
            var key = KeyInspector.Inspect(outcome.NewKey);
            var activation = _verifier.Start(key);
            progress.Enter(4, $"Checking that the relay accepts the new key {key.Masked}", activation);
            var result = await _verifier.WaitAsync(key, plan.Request.Relay, activation, cancellationToken).ConfigureAwait(false);
            if (!result.Activated)
            {
                throw new KeyRotationException(
                    RotationFailure.VerificationFailed,
                    $"The relay did not accept the new key {key.Masked} of token #{outcome.NewTokenId}: {result.Detail}",
                    result.LastResult is ApiKeyTestResult last && last.Recommendation.Count > 0
                        ? last.Recommendation.ToString()
                        : "Test the relay with Test-ApiKey and Get-ServiceStatus, then try again; -VerifyTimeoutSec waits longer for a slow relay.")
                { Verification = result };
            }

            outcome.Verified = true;
        }

        // The old key is needed only to check that the relay refuses it; it is read before revoking
        // because a deleted token is no longer shown. Failing to read it only skips that check.
        private async Task<string?> ReadOldKeyAsync(RotationPlan plan, CancellationToken cancellationToken)
        {
            if (plan.OldKey is not null || !_options.Verify || _options.RevokeMode == RevokeMode.Keep)
            {
                return plan.OldKey;
            }

            try
            {
                var key = await plan.Client.RevealKeyAsync(plan.OldToken.Id, cancellationToken).ConfigureAwait(false);
                RegisterKey(key);
                return key;
            }
            catch (RelayManagementException failure)
            {
                _log.Verbose($"The old key cannot be checked after revoking: {failure.Message}");
                return null;
            }
        }

        private async Task RevokeAsync(RotationPlan plan, RotationOutcome outcome, RotationProgress progress, CancellationToken cancellationToken)
        {
            var old = plan.OldToken;
            try
            {
                switch (_options.RevokeMode)
                {
                    case RevokeMode.Disable:
                        progress.Enter(5, $"Disabling token #{old.Id}");
                        await plan.Client.SetStatusAsync(old.Id, RelayToken.StatusDisabled, $"disable the old token #{old.Id}", cancellationToken).ConfigureAwait(false);
                        outcome.OldKeyState = OldKeyState.Disabled;
                        break;
                    case RevokeMode.Delete:
                        progress.Enter(5, $"Deleting token #{old.Id}");
                        await plan.Client.DeleteAsync(old.Id, $"delete the old token #{old.Id}", cancellationToken).ConfigureAwait(false);
                        outcome.OldKeyState = OldKeyState.Deleted;
                        break;
                    default:
                        outcome.OldKeyState = OldKeyState.StillActive;
                        break;
                }
            }
            catch (RelayManagementException failure)
            {
                // The new key works and is the caller's to keep: report, do not roll back.
                outcome.OldKeyState = OldKeyState.StillActive;
                outcome.RevokeFailure = failure;
            }
        }

        private async Task<bool?> ConfirmRefusedAsync(RotationPlan plan, string oldKey, RotationOutcome outcome, CancellationToken cancellationToken)
        {
            var key = KeyInspector.Inspect(oldKey);
            var started = _time.GetTimestamp();
            bool? refused = null;
            while (true)
            {
                var result = await _prober.TestAsync(key, plan.Request.Relay, cancellationToken).ConfigureAwait(false);
                switch (result.Verdict)
                {
                    case KeyVerdict.Valid:
                        refused = false;
                        break;
                    case KeyVerdict.InvalidKey:
                    case KeyVerdict.Restricted:
                    case KeyVerdict.QuotaExhausted:
                        _log.Verbose($"The relay refuses the old key {key.Masked}: {result.Verdict} ({result.Reason}).");
                        return true;
                    default:
                        break;
                }

                var elapsed = _time.GetElapsedTime(started);
                if (elapsed + OldKeyProbeInterval > _options.RevokeCheckTimeout)
                {
                    break;
                }

                await _time.Delay(OldKeyProbeInterval, cancellationToken).ConfigureAwait(false);
            }

            if (refused == false)
            {
                var done = outcome.OldKeyState == OldKeyState.Deleted ? "deleted" : "disabled";
                outcome.Warnings.Add(
                    $"The relay still accepts the old key {key.Masked} {_options.RevokeCheckTimeout.TotalSeconds:0} s after its token was {done}: relays cache tokens " +
                    "(one-api for up to SYNC_FREQUENCY, 600 s by default, when Redis is on; new-api for about 60 s). It stops working when the cache expires; " +
                    "check later with Test-ApiKey, or wait with -RevokeCheckTimeoutSec.");
            }

            return refused;
        }

        private async Task<long?> RollBackAsync(RelayManagementClient client, long newId)
        {
            // The caller's token may be cancelled already (Ctrl+C): the rollback gets its own time limit.
            using var limit = new CancellationTokenSource(RollbackTimeout);
            try
            {
                await client.DeleteAsync(newId, $"delete the replacement token #{newId} again", limit.Token).ConfigureAwait(false);
                _log.Verbose($"Deleted the replacement token #{newId} again.");
                return null;
            }
            catch (Exception failure) when (failure is RelayManagementException || failure is OperationCanceledException)
            {
                _log.Verbose($"Could not delete the replacement token #{newId}: {failure.Message}");
                return newId;
            }
        }
    }
}
