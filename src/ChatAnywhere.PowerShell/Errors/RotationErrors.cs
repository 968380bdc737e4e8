using System;
using System.Linq;
using System.Management.Automation;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Rotation;

namespace ChatAnywhere.PowerShell.Errors
{
    /// <summary>
    /// The ErrorRecords of Reset-ApiKey: each failure of a rotation or of the relay's management
    /// API gets its own id and category, and the engine's advice as the recommended action.
    /// </summary>
    internal static class RotationErrors
    {
        /// <summary>Reset-ApiKey was given no way to name the token to rotate.</summary>
        public static readonly string NoTokenMessage =
            $"No token to rotate: pass -ApiKey (or pipe keys in), -TokenId or -Name, or set $env:{EnvironmentDefaults.ApiKeyVariables[0]}.";

        public static ErrorRecord NoAccessToken() => InputErrors.BadArgument(
            "NoAccessToken",
            $"No access token for the relay's management API: pass -AccessToken or set $env:{EnvironmentDefaults.AccessTokenVariable}. It is the system access token from the relay's dashboard (personal settings), not a key.",
            null);

        /// <summary>A rotation failed, or the relay refused a read or the creation of the replacement.</summary>
        public static ErrorRecord Failed(Exception failure, object? target) => failure is RelayManagementException management
            ? Management(management, "KeyResetManagementFailed", management.Message, target)
            : Rotation((KeyRotationException)failure, target);

        public static ErrorRecord Rotation(KeyRotationException failure, object? target)
        {
            var record = RotationRecord(failure, target);

            // The message names them too; here a script can delete them without parsing it.
            record.Exception.Data["LeftoverTokenIds"] = failure.LeftoverTokenIds.ToArray();
            return record;
        }

        private static ErrorRecord RotationRecord(KeyRotationException failure, object? target)
        {
            if (failure.InnerException is RelayManagementException management)
            {
                return Management(management, "KeyResetReplacementFailed", failure.Message, target);
            }

            var (id, category) = failure.Failure switch
            {
                RotationFailure.NotSupported => ("KeyResetNotSupported", ErrorCategory.NotImplemented),
                RotationFailure.UnknownBackend => ("KeyResetNotSupported.UnknownBackend", ErrorCategory.NotImplemented),
                RotationFailure.TokenNotFound => ("KeyResetTokenNotFound", ErrorCategory.ObjectNotFound),
                RotationFailure.AmbiguousName => ("KeyResetAmbiguousName", ErrorCategory.InvalidArgument),
                RotationFailure.VerificationFailed => ("KeyResetVerificationFailed", ErrorCategory.InvalidResult),
                RotationFailure.KeyNotObtained => ("KeyResetKeyNotObtained", ErrorCategory.InvalidResult),
                _ => ("KeyResetReplacementFailed", ErrorCategory.InvalidOperation),
            };
            var exception = failure.Failure == RotationFailure.NotSupported
                ? new NotSupportedException(failure.Message)
                : (Exception)new InvalidOperationException(failure.Message);
            return new ErrorRecord(exception, id, category, target)
            {
                ErrorDetails = new ErrorDetails(failure.Message) { RecommendedAction = failure.Advice },
            };
        }

        /// <summary>
        /// True for what Reset-ApiKey turns into an ErrorRecord: the engine's refusals and, unless Ctrl+C is
        /// stopping the pipeline, a fault of the module (issue 16: never a raw exception). PowerShell's own
        /// exceptions (a host that cannot prompt, -ErrorAction Stop, a stopped pipeline) go on up.
        /// </summary>
        public static bool Handles(Exception failure, bool stopping) =>
            failure is KeyRotationException || failure is RelayManagementException || (!stopping && failure is not RuntimeException);

        /// <summary>The ErrorRecord for a failure <see cref="Handles"/> accepts.</summary>
        public static ErrorRecord From(Exception failure, object? target) =>
            failure is KeyRotationException || failure is RelayManagementException ? Failed(failure, target) : ModuleFault(failure, target);

        /// <summary>A fault of the module during a rotation; the engine has deleted or named any token it created.</summary>
        public static ErrorRecord ModuleFault(Exception fault, object? target) =>
            new ErrorRecord(
                new InvalidOperationException($"Reset-ApiKey failed in the module ({fault.GetType().Name}): {fault.Message}"),
                "KeyResetModuleFault",
                ErrorCategory.NotSpecified,
                target)
            {
                ErrorDetails = new ErrorDetails($"Reset-ApiKey failed in the module ({fault.GetType().Name}): {fault.Message}")
                {
                    RecommendedAction = "List the relay's tokens in its dashboard to see what changed, then run again with -Verbose -Debug and report the output (keys are masked in it).",
                },
            };

        /// <summary>The new key works but the old token could not be revoked: the user must finish by hand.</summary>
        public static ErrorRecord RevokeFailed(RotationOutcome outcome, RelayManagementException failure, RevokeMode mode)
        {
            var plan = outcome.Plan;
            var verb = mode == RevokeMode.Delete ? "delete" : "disable";
            var message =
                $"The new key {outcome.NewKeyMasked} (token #{outcome.NewTokenId}) is ready, but the old token #{plan.OldToken.Id} is still active and its key {plan.OldKeyMasked} still works: {failure.Message} " +
                $"Store the new key, then {verb} token #{plan.OldToken.Id} in the relay's dashboard.";
            return Management(failure, "KeyResetRevokeFailed", message, plan.OldKeyMasked);
        }

        private static ErrorRecord Management(RelayManagementException failure, string idPrefix, string message, object? target) =>
            new ErrorRecord(new InvalidOperationException(message), $"{idPrefix}.{failure.Failure}", CategoryOf(failure.Failure), target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = failure.Advice },
            };

        private static ErrorCategory CategoryOf(ManagementFailure failure) => failure switch
        {
            ManagementFailure.AccessTokenMissing => ErrorCategory.AuthenticationError,
            ManagementFailure.AccessTokenInvalid => ErrorCategory.AuthenticationError,
            ManagementFailure.UserIdMissing => ErrorCategory.InvalidArgument,
            ManagementFailure.UserIdInvalid => ErrorCategory.InvalidArgument,
            ManagementFailure.UserIdMismatch => ErrorCategory.InvalidArgument,
            ManagementFailure.UserDisabled => ErrorCategory.PermissionDenied,
            ManagementFailure.InsufficientRights => ErrorCategory.PermissionDenied,
            ManagementFailure.TokenLimitReached => ErrorCategory.LimitsExceeded,
            ManagementFailure.TokenNotFound => ErrorCategory.ObjectNotFound,
            ManagementFailure.UnexpectedAnswer => ErrorCategory.InvalidResult,
            ManagementFailure.NoAnswer => ErrorCategory.ConnectionError,
            _ => ErrorCategory.InvalidOperation,
        };
    }
}
