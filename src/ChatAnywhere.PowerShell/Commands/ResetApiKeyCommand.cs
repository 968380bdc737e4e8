using System;
using System.Management.Automation;
using System.Security;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Rotation;
using ChatAnywhere.PowerShell.Confirmation;
using ChatAnywhere.PowerShell.Errors;
using ChatAnywhere.PowerShell.Progress;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Reset-ApiKey: replaces a relay token with a new one of the same settings, verifies the new
    /// key, then revokes the old one. Reads happen before ShouldProcess, so -WhatIf can say exactly
    /// which token would be replaced and how; nothing changes before it says yes.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "ApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByKeySet, HelpUri = "docs/cmdlets/Reset-ApiKey.md")]
    [OutputType(typeof(ApiKeyResetResult))]
    public sealed class ResetApiKeyCommand : RelayCommandBase
    {
        private const string ByKeySet = "ByKey";
        private const string ByIdSet = "ById";
        private const string ByNameSet = "ByName";

        private static readonly TimeSpan PumpSlice = TimeSpan.FromMilliseconds(200);

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

        /// <summary>Seconds each call to the relay (management API or key probe) may take.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int TimeoutSec { get; set; } = 30;

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
            var options = new RotationOptions
            {
                RevokeMode = RevokeMode,
                Verify = !NoVerify.IsPresent,
                VerifyTimeout = TimeSpan.FromSeconds(VerifyTimeoutSec),
                RevokeCheckTimeout = TimeSpan.FromSeconds(RevokeCheckTimeoutSec),
                CallTimeout = TimeSpan.FromSeconds(TimeoutSec),
            };
            _rotator = Own(KeyRotator.Create(CreateHttpSettings(maxConnectionsPerServer: 4), options, Redactor, Log));
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var relay = TryResolveEndpoint(BaseUri ?? EnvironmentDefaults.BaseUri(), out var badUri);
            if (relay is null)
            {
                WriteRedactedError(badUri!);
                return;
            }

            if (RotationSupport.Check(relay, Backend) is { } unsupported)
            {
                ThrowRedactedError(RotationErrors.Rotation(unsupported, relay.ToString()));
            }

            var selector = ReadSelector(out var target);
            if (selector is null)
            {
                return;
            }

            var request = new RotationRequest(relay, selector, ReadAccessToken(), BoundUserId, Backend);
            var progress = new RotationProgress();
            try
            {
                // Ctrl+C does not leave these waits: the engine ends itself, after rolling back what it created.
                void ShowProgress() => WriteProgress(RotationProgressRecords.Current(progress));
                var plan = WaitFor(_rotator!.PlanAsync(request, progress, StopToken), ShowProgress, PumpSlice, finishOnStop: true);
                if (!MayChange(plan))
                {
                    return;
                }

                WriteOutcome(WaitFor(_rotator.ExecuteAsync(plan, progress, StopToken), ShowProgress, PumpSlice, finishOnStop: true));
            }
            catch (Exception failure) when (RotationErrors.Handles(failure, StopToken.IsCancellationRequested))
            {
                WriteRedactedError(RotationErrors.From(failure, target));
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                // Ctrl+C: the pipeline is stopping; the engine has rolled back what it created.
            }
            finally
            {
                WriteProgress(RotationProgressRecords.Completed());
            }
        }

        private TokenSelector? ReadSelector(out object? target)
        {
            if (ParameterSetName != ByKeySet)
            {
                target = ParameterSetName == ByIdSet ? TokenId : (object)Name;
                return ParameterSetName == ByIdSet ? TokenSelector.ById(TokenId) : TokenSelector.ByName(Name);
            }

            return SelectorForKey(ApiKey, out target);
        }

        private bool MayChange(RotationPlan plan) =>
            ForceConfirmation.AnswersPrompt(this, Force.IsPresent) || ShouldProcess(plan.Target, plan.Action);

        private void WriteOutcome(RotationOutcome outcome)
        {
            if (StopToken.IsCancellationRequested)
            {
                // PowerShell refuses every pipeline write once it is stopping: the host is the only way left
                // to say where the new key is. Masked, as everywhere.
                Host?.UI?.WriteWarningLine(Redactor.Redact(RotationMessages.StoppedSummary(outcome)));
            }

            WriteObject(outcome.ToResult(AsPlainText.IsPresent ? outcome.NewKey : (object)SecureStrings.FromPlainText(outcome.NewKey)));
            foreach (var warning in outcome.Warnings)
            {
                WriteWarning(Redactor.Redact(warning));
            }

            if (outcome.RevokeFailure is RelayManagementException failure)
            {
                WriteRedactedError(RotationErrors.RevokeFailed(outcome, failure, RevokeMode));
            }
        }
    }
}
