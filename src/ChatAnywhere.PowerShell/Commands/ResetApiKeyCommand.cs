using System;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Rotation;
using ChatAnywhere.PowerShell.Completion;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Reset-ApiKey: replaces a relay token with a new one of the same settings, verifies the new
    /// key, then revokes the old one. Reads happen before ShouldProcess, so -WhatIf can say exactly
    /// which token would be replaced and how; nothing changes before it says yes.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "ApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByKeySet)]
    [OutputType(typeof(ApiKeyResetResult))]
    public sealed class ResetApiKeyCommand : ChatAnywhereCommandBase
    {
        private const string ByKeySet = "ByKey";
        private const string ByIdSet = "ById";
        private const string ByNameSet = "ByName";
        private const string Activity = "Reset-ApiKey";

        private static readonly TimeSpan PumpSlice = TimeSpan.FromMilliseconds(200);

        private HttpClient? _client;
        private KeyRotator? _rotator;

        /// <summary>The key of the token to rotate: a SecureString, or a string (converted).</summary>
        [Parameter(ParameterSetName = ByKeySet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Key")]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The relay's id of the token to rotate.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true)]
        [ValidateRange(1, long.MaxValue)]
        public long TokenId { get; set; }

        /// <summary>The exact name of the token to rotate.</summary>
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The relay's base URL, with or without /v1.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiBase")]
        [ArgumentCompleter(typeof(RelayUriCompleter))]
        public string? BaseUri { get; set; }

        /// <summary>The relay user's access token (not a key): a SecureString, or a string (converted).</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? AccessToken { get; set; }

        /// <summary>The relay user's numeric id, sent as New-Api-User (new-api needs it).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int UserId { get; set; }

        /// <summary>The relay software; Auto asks the relay's /api/status.</summary>
        [Parameter]
        public RelayBackend Backend { get; set; } = RelayBackend.Auto;

        /// <summary>What to do with the old token once the new key works.</summary>
        [Parameter]
        public RevokeMode RevokeMode { get; set; } = RevokeMode.Disable;

        /// <summary>Sends nothing to the relay's data plane: no check of the new key, nor of the old one.</summary>
        [Parameter]
        public SwitchParameter NoVerify { get; set; }

        /// <summary>Returns the new key as a plain string instead of a SecureString.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        /// <summary>Rotates without asking for confirmation (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Seconds to wait for the relay to accept the new key.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int VerifyTimeoutSec { get; set; } = 30;

        /// <summary>Seconds to watch for the old key being refused before reporting that a relay cache keeps it alive.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int RevokeCheckTimeoutSec { get; set; } = 10;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            ValidateConnectionParameters();
            CreateLog();
            _client = ProbeHttpClientFactory.Create(CreateHttpSettings(maxConnectionsPerServer: 4));
            var prober = new KeyProber(_client, new ProbeOptions { MaxRetries = 0 }, Redactor, Log);
            _rotator = new KeyRotator(
                _client,
                prober,
                new RotationOptions
                {
                    RevokeMode = RevokeMode,
                    Verify = !NoVerify.IsPresent,
                    VerifyTimeout = TimeSpan.FromSeconds(VerifyTimeoutSec),
                    RevokeCheckTimeout = TimeSpan.FromSeconds(RevokeCheckTimeoutSec),
                },
                Redactor,
                Log);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var relay = TryResolveEndpoint(BaseUri ?? EnvironmentDefaults.BaseUri(), out var badUri);
            if (relay is null)
            {
                WriteError(badUri!);
                return;
            }

            try
            {
                RotationSupport.RefuseUnsupported(relay, Backend);
            }
            catch (KeyRotationException unsupported)
            {
                ThrowTerminatingError(RotationError(unsupported, relay.ToString()));
            }

            var selector = ReadSelector(out var target);
            if (selector is null)
            {
                return;
            }

            var accessToken = AccessToken is null ? EnvironmentDefaults.AccessToken() : SecureStrings.ToPlainText(AccessToken);
            if (string.IsNullOrWhiteSpace(accessToken))
            {
                ThrowArgumentError(
                    "NoAccessToken",
                    $"No access token for the relay's management API: pass -AccessToken or set $env:{EnvironmentDefaults.AccessTokenVariable}. It is the system access token from the relay's dashboard (personal settings), not a key.",
                    null);
            }

            Redactor.Register(accessToken);
            var userId = MyInvocation.BoundParameters.ContainsKey(nameof(UserId)) ? UserId : (int?)null;
            var request = new RotationRequest(relay, selector, accessToken!.Trim(), userId, Backend);
            var progress = new RotationProgress();
            try
            {
                var plan = Run(_rotator!.PlanAsync(request, progress, StopToken), progress);
                if (!MayChange(plan))
                {
                    return;
                }

                var outcome = Run(_rotator.ExecuteAsync(plan, progress, StopToken), progress);
                WriteOutcome(outcome);
            }
            catch (KeyRotationException failure)
            {
                WriteError(RotationError(failure, target));
            }
            catch (RelayManagementException failure)
            {
                WriteError(ManagementError(failure, "KeyResetManagementFailed", failure.Message, target));
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                // Ctrl+C: the pipeline is stopping; the engine has rolled back what it created.
            }
            finally
            {
                WriteProgress(new ProgressRecord(0, Activity, "Done") { RecordType = ProgressRecordType.Completed });
                FlushLog();
            }
        }

        /// <inheritdoc />
        protected override void DisposeResources() => _client?.Dispose();

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

        private static ErrorRecord ManagementError(RelayManagementException failure, string idPrefix, string message, object? target) =>
            new ErrorRecord(new InvalidOperationException(message), $"{idPrefix}.{failure.Failure}", CategoryOf(failure.Failure), target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = failure.Advice },
            };

        private static ErrorRecord RotationError(KeyRotationException failure, object? target)
        {
            if (failure.InnerException is RelayManagementException management)
            {
                return ManagementError(management, "KeyResetReplacementFailed", failure.Message, target);
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

        private TokenSelector? ReadSelector(out object? target)
        {
            switch (ParameterSetName)
            {
                case ByIdSet:
                    target = TokenId;
                    return TokenSelector.ById(TokenId);
                case ByNameSet:
                    target = Name;
                    return TokenSelector.ByName(Name);
            }

            target = null;
            var key = InspectKey(
                ApiKey,
                $"No token to rotate: pass -ApiKey (or pipe keys in), -TokenId or -Name, or set $env:{EnvironmentDefaults.ApiKeyVariables[0]}.",
                out var empty);
            if (key is null)
            {
                WriteError(empty!);
                return null;
            }

            Redactor.Register(key.CleanedKey);
            target = key.Masked;
            return TokenSelector.ByKey(key);
        }

        private bool MayChange(RotationPlan plan)
        {
            // -Force answers the confirmation prompt, but must not turn -WhatIf into a change (the
            // trap of "Force || ShouldProcess"), and an explicit -Confirm still asks.
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
                ? LanguagePrimitives.IsTrue(bound)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            if (Force.IsPresent && !whatIf && !MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                return true;
            }

            return ShouldProcess(plan.Target, plan.Action);
        }

        private T Run<T>(Task<T> task, RotationProgress progress)
        {
            // WaitAny, not Wait: it does not throw, so the engine's own exception arrives unwrapped below.
            while (Task.WaitAny(new Task[] { task }, PumpSlice) < 0)
            {
                FlushLog();
                ShowProgress(progress);
            }

            FlushLog();
            return task.GetAwaiter().GetResult();
        }

        private void ShowProgress(RotationProgress progress)
        {
            var record = new ProgressRecord(0, Activity, progress.Step)
            {
                PercentComplete = (progress.StepNumber - 1) * 100 / RotationProgress.StepCount,
            };
            if (progress.Verification?.Current is { } probing)
            {
                record.CurrentOperation = $"{probing.Probes} probe(s), last {(probing.LastVerdict?.ToString() ?? "none yet")}";
            }

            WriteProgress(record);
        }

        private void WriteOutcome(RotationOutcome outcome)
        {
            var plan = outcome.Plan;
            var result = new ApiKeyResetResult
            {
                OldKey = plan.OldKeyMasked,
                NewKey = AsPlainText.IsPresent ? outcome.NewKey : (object)SecureStrings.FromPlainText(outcome.NewKey),
                NewKeyMasked = outcome.NewKeyMasked,
                NewKeyFingerprint = KeyMask.Fingerprint(outcome.NewKey),
                OldTokenId = plan.OldToken.Id,
                NewTokenId = outcome.NewTokenId,
                Name = plan.OldToken.Name,
                BaseUri = plan.Request.Relay.ToString(),
                Backend = plan.Backend,
                Verified = outcome.Verified,
                OldKeyState = outcome.OldKeyState,
                OldKeyRefused = outcome.OldKeyRefused,
                CompletedAt = outcome.CompletedAt.UtcDateTime,
            };
            WriteObject(result);
            foreach (var warning in outcome.Warnings)
            {
                WriteWarning(Redactor.Redact(warning));
            }

            if (outcome.RevokeFailure is RelayManagementException failure)
            {
                var verb = RevokeMode == RevokeMode.Delete ? "delete" : "disable";
                var message =
                    $"The new key {outcome.NewKeyMasked} (token #{outcome.NewTokenId}) is ready, but the old token #{plan.OldToken.Id} is still active and its key {plan.OldKeyMasked} still works: {failure.Message} " +
                    $"Store the new key, then {verb} token #{plan.OldToken.Id} in the relay's dashboard.";
                WriteError(ManagementError(failure, "KeyResetRevokeFailed", message, plan.OldKeyMasked));
            }
        }
    }
}
