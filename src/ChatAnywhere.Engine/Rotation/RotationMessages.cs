using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ChatAnywhere.Engine.Activation;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Management;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// What a rotation tells the user: the plan in words for -WhatIf, and each failure with what
    /// became of both tokens and what to do next. One place, so the wording stays consistent.
    /// </summary>
    internal static class RotationMessages
    {
        public static string Target(RotationRequest request, RelayToken token) => $"token {token} on {request.Relay}";

        /// <summary>Every step that would change something, for ShouldProcess and -WhatIf.</summary>
        public static string Action(RelayToken old, RotationOptions options)
        {
            var steps = new List<string> { $"create a token named '{old.Name}' with the settings of #{old.Id} ({TokenSettings.Describe(old)})" };
            if (options.Verify)
            {
                steps.Add("check that the relay accepts its key");
            }

            steps.Add(options.RevokeMode switch
            {
                RevokeMode.Delete => $"delete token #{old.Id}",
                RevokeMode.Keep => $"leave token #{old.Id} working (-RevokeMode Keep)",
                _ => $"disable token #{old.Id}",
            });
            if (options.Verify && options.RevokeMode != RevokeMode.Keep)
            {
                steps.Add("check that the relay refuses the old key");
            }

            return "Rotate key " + old.MaskedKey + ": " + string.Join(", then ", steps);
        }

        public static KeyRotationException UnknownBackend(ServiceEndpoint relay, string? why) => new KeyRotationException(
            RotationFailure.UnknownBackend,
            $"{relay} does not answer as a one-api or new-api relay: {why}.",
            "Check -BaseUri (the relay's own address, without /v1). If it is a relay that hides /api/status, pass -Backend OneApi or -Backend NewApi.");

        public static KeyRotationException NotFound(TokenSelector selector, Exception? inner) => new KeyRotationException(
            RotationFailure.TokenNotFound,
            $"The relay shows this user no {selector.ToString().Replace("the token", "token").Replace("token #", "token with id ")}.",
            "The access token must belong to the user who owns the token. Check the relay's dashboard: the token may have been rotated or deleted already.",
            inner);

        public static KeyRotationException AmbiguousName(string name, IReadOnlyList<RelayToken> named) => new KeyRotationException(
            RotationFailure.AmbiguousName,
            $"{named.Count} tokens are named '{name}': {string.Join(", ", named.Select(t => "#" + t.Id.ToString(CultureInfo.InvariantCulture)))}.",
            "Choose one with -TokenId, or by its key with -ApiKey.");

        public static KeyRotationException CreatedNotFound(string name) => new KeyRotationException(
            RotationFailure.ReplacementFailed,
            $"The relay accepted the new token, but a search for its name '{name}' does not find it; the old token is unchanged.",
            $"Look for a token named '{name}' in the relay's dashboard and delete it, then try again.");

        public static KeyRotationException CreatedButLost(RelayManagementException failure, string name) => new KeyRotationException(
            RotationFailure.ReplacementFailed,
            $"{failure.Message} The relay created a token named '{name}' that could not be found again; the old token is unchanged and still works.",
            $"Delete the token named '{name}' in the relay's dashboard. {failure.Advice}",
            failure);

        /// <summary>A create whose answer was lost, though the relay had made the token(s) <paramref name="created"/>.</summary>
        public static KeyRotationException CreateAnswerLost(RelayManagementException failure, IReadOnlyList<long> created, IReadOnlyList<long> leftovers)
        {
            var what = leftovers.Count == 0
                ? $" The relay had created {Ids(created)} all the same; it was deleted again. The old token is unchanged and still works."
                : $" The relay had created {Ids(created)} all the same; {Ids(leftovers)} could not be deleted again: delete it in the relay's dashboard. The old token is unchanged and still works.";
            return new KeyRotationException(RotationFailure.ReplacementFailed, failure.Message + what, failure.Advice, failure)
            {
                LeftoverTokenIds = leftovers,
            };
        }

        public static KeyRotationException KeyNotObtained(long newId) => new KeyRotationException(
            RotationFailure.KeyNotObtained,
            $"The relay created token #{newId} but shows its key only masked and has no key-reveal route (POST /api/token/{newId}/key).",
            "Rotate the token in the relay's dashboard, which shows new keys; or upgrade the relay.");

        public static KeyRotationException RenameFailed(RelayManagementException failure, string temporaryName, string name) => new KeyRotationException(
            RotationFailure.ReplacementFailed,
            $"{failure.Message} The replacement was created as '{temporaryName}' and could not take the name '{name}'.",
            failure.Advice,
            failure);

        public static KeyRotationException NotAccepted(string maskedKey, long newId, KeyActivationResult result) => new KeyRotationException(
            RotationFailure.VerificationFailed,
            $"The relay did not accept the new key {maskedKey} of token #{newId}: {result.Detail}",
            result.LastResult is ApiKeyTestResult last && last.Recommendation.Count > 0
                ? last.Recommendation.ToString()
                : "Test the relay with Test-ApiKey and Get-ServiceStatus, then try again; -VerifyTimeoutSec waits longer for a slow relay.")
        {
            Verification = result,
        };

        /// <summary>A failure before the new key was the caller's, told with what became of the replacement.</summary>
        public static KeyRotationException RolledBack(Exception failure, long newId, long? leftover)
        {
            var rolledBack = leftover is null
                ? $" The replacement token #{newId} was deleted again; the old token is unchanged and still works."
                : $" The replacement token #{newId} could not be deleted again: delete it in the relay's dashboard. The old token is unchanged and still works.";
            if (failure is KeyRotationException rotation)
            {
                return new KeyRotationException(rotation.Failure, rotation.Message + rolledBack, rotation.Advice, rotation.InnerException)
                {
                    LeftoverTokenId = leftover,
                    Verification = rotation.Verification,
                };
            }

            if (failure is RelayManagementException management)
            {
                return new KeyRotationException(RotationFailure.ReplacementFailed, management.Message + rolledBack, management.Advice, management)
                {
                    LeftoverTokenId = leftover,
                };
            }

            // A fault of the module (issue 16: an overflow while checking the new key): told, never raw.
            return new KeyRotationException(
                RotationFailure.ReplacementFailed,
                $"Handing over the new key failed in the module ({failure.GetType().Name}).{rolledBack}",
                "Run again with -Verbose -Debug and report the output (keys are masked in it).")
            {
                LeftoverTokenId = leftover,
            };
        }

        private static string Ids(IEnumerable<long> ids) =>
            "token " + string.Join(", ", ids.Select(id => "#" + id.ToString(CultureInfo.InvariantCulture)));

        public static string OldKeyStillAccepted(string maskedKey, TimeSpan checkedFor, OldKeyState state) =>
            $"The relay still accepts the old key {maskedKey} {checkedFor.TotalSeconds:0} s after its token was {(state == OldKeyState.Deleted ? "deleted" : "disabled")}: relays cache tokens " +
            "(one-api for up to SYNC_FREQUENCY, 600 s by default, when Redis is on; new-api for about 60 s). It stops working when the cache expires; " +
            "check later with Test-ApiKey, or wait with -RevokeCheckTimeoutSec.";

        public static string StoppedBefore(string step) => Stopped("before " + step);

        public static string StoppedDuring(string step) => Stopped("while " + step);

        private static string Stopped(string when) =>
            $"Stopped (Ctrl+C) after the new key was verified, {when}. The new key works; see OldKeyState for the old token, and finish by hand in the relay's dashboard if needed.";

        public static string StoppedSummary(RotationOutcome outcome) =>
            $"Reset-ApiKey was stopped (Ctrl+C) after the new key was verified, so its result is not output. The new key {outcome.NewKeyMasked} " +
            $"is token #{outcome.NewTokenId} '{outcome.Plan.OldToken.Name}' on {outcome.Plan.Request.Relay}: read it in the relay's dashboard. " +
            $"The old token #{outcome.Plan.OldToken.Id} is {outcome.OldKeyState}. {string.Join(" ", outcome.Warnings)}";
    }
}
