using System;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Management;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// The last step of a rotation, after the point of no return: revoke the old token and check that
    /// its key is refused. Nothing here is rolled back: the new key is the caller's already.
    /// </summary>
    internal sealed class OldTokenRetirer
    {
        // How long a relay call under way may take to finish after Ctrl+C once the new key is the caller's.
        private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

        private readonly OldKeyRefusalCheck _refusalCheck;
        private readonly RelayReadBack _readBack;
        private readonly RotationOptions _options;
        private readonly SecretRedactor _redactor;
        private readonly IProbeLog _log;

        public OldTokenRetirer(OldKeyRefusalCheck refusalCheck, RelayReadBack readBack, RotationOptions options, SecretRedactor redactor, IProbeLog log)
        {
            _refusalCheck = refusalCheck ?? throw new ArgumentNullException(nameof(refusalCheck));
            _readBack = readBack ?? throw new ArgumentNullException(nameof(readBack));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
            _log = log ?? throw new ArgumentNullException(nameof(log));
        }

        /// <summary>
        /// Revokes the old token and checks its key is refused; failures are reported in the outcome, never rolled back.
        /// Ctrl+C here lets the step under way finish, within <see cref="StopGrace"/>, skips the steps after it and
        /// still returns the outcome: a revoke cut off mid-call would leave the old token's state unknown.
        /// </summary>
        public async Task RetireAsync(RotationPlan plan, RotationOutcome outcome, RotationProgress progress, CancellationToken cancellationToken)
        {
            using var finish = new CancellationTokenSource();
            using var stop = cancellationToken.Register(() => finish.CancelAfter(StopGrace));
            var oldKey = await ReadOldKeyAsync(plan, finish.Token).ConfigureAwait(false);
            if (StoppedBefore($"revoking the old token #{plan.OldToken.Id}", outcome, cancellationToken))
            {
                return;
            }

            await RevokeAsync(plan, outcome, progress, finish.Token).ConfigureAwait(false);
            if (!_options.Verify || outcome.OldKeyState == OldKeyState.StillActive || oldKey is null
                || StoppedBefore("checking that the relay refuses the old key", outcome, cancellationToken))
            {
                return;
            }

            progress.Enter(6, $"Checking that the relay refuses the old key {KeyMask.Mask(oldKey)}");
            try
            {
                // The check only watches (up to minutes, while a relay's cache lets the old key through): Ctrl+C ends it at once.
                outcome.OldKeyRefused = await _refusalCheck.ConfirmAsync(plan.Request.Relay, oldKey, outcome, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome.Warnings.Add(RotationMessages.StoppedDuring("checking that the relay refuses the old key"));
            }
        }

        private static bool StoppedBefore(string step, RotationOutcome outcome, CancellationToken cancellationToken)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            outcome.Warnings.Add(RotationMessages.StoppedBefore(step));
            return true;
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
                _redactor.Register(key);
                return key;
            }
            catch (Exception failure) when (failure is RelayManagementException || failure is OperationCanceledException)
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
            catch (Exception failure) when (failure is RelayManagementException || failure is OperationCanceledException)
            {
                // The change may have been made with its answer lost or garbled, or cut off after Ctrl+C: what the
                // relay says now is the old token's state, not what the failed call suggests.
                if (await _readBack.ReadTokenStateAsync(plan.Client, old.Id).ConfigureAwait(false) is OldKeyState now && now != OldKeyState.StillActive)
                {
                    _log.Verbose($"{failure.Message} The relay shows token #{old.Id} {now.ToString().ToLowerInvariant()} all the same.");
                    outcome.OldKeyState = now;
                    return;
                }

                // The new key works and is the caller's to keep: report, do not roll back.
                outcome.OldKeyState = OldKeyState.StillActive;
                if (failure is RelayManagementException refused)
                {
                    outcome.RevokeFailure = refused;
                }
                else
                {
                    outcome.Warnings.Add(RotationMessages.StoppedDuring($"revoking the old token #{old.Id}"));
                }
            }
        }
    }
}
