using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Balance;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.PowerShell.Errors;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Get-ApiKeyBalance: how much is left on each key, in the backend's own unit, from routes that
    /// spend nothing. A refused key is a result (State and Verdict), not an error; a key below
    /// -MinimumRemaining is marked IsLow and reported as a non-terminating LowBalance error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ApiKeyBalance", DefaultParameterSetName = DefaultSet, HelpUri = "docs/cmdlets/Get-ApiKeyBalance.md")]
    [OutputType(typeof(ApiKeyBalance), ParameterSetName = new[] { DefaultSet })]
    [OutputType(typeof(bool), ParameterSetName = new[] { QuietSet })]
    public sealed class GetApiKeyBalanceCommand : OrderedKeyCommandBase<ApiKeyBalance>
    {
        private const string DefaultSet = "Default";
        private const string QuietSet = "Quiet";

        private BalanceChecker? _checker;
        private bool _allAbove = true;

        /// <summary>Which software serves the balance; Auto: ChatAnywhere by host, else the relay's /api/status.</summary>
        [Parameter]
        public RelayBackend Backend { get; set; } = RelayBackend.Auto;

        /// <summary>Also reads usage over the last N hours (ChatAnywhere: hourly rows; relays: their total).</summary>
        [Parameter]
        [ValidateRange(1, 8760)]
        public int UsageHours { get; set; }

        /// <summary>A key with less than this left (in its own unit) is low.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [Parameter(ParameterSetName = QuietSet, Mandatory = true)]
        [ValidateRange(0.0, 1e15)]
        public double MinimumRemaining { get; set; }

        /// <summary>Outputs only one $true when every key is above -MinimumRemaining, else $false.</summary>
        [Parameter(ParameterSetName = QuietSet, Mandatory = true)]
        public SwitchParameter Quiet { get; set; }

        private protected override string Activity => "Get-ApiKeyBalance";

        private protected override string Purpose => "check the balance of";

        private protected override string DoneVerb => "Checked";

        private bool HasMinimum => MyInvocation.BoundParameters.ContainsKey(nameof(MinimumRemaining));

        private protected override void Start()
        {
            var options = new BalanceOptions
            {
                AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
                Backend = Backend,
                UsageHours = MyInvocation.BoundParameters.ContainsKey(nameof(UsageHours)) ? UsageHours : (int?)null,
                UsageModel = Model,
                MinimumRemaining = HasMinimum ? (decimal)MinimumRemaining : (decimal?)null,
            };
            _checker = Own(BalanceChecker.Create(CreateHttpSettings(ThrottleLimit), options, Redactor, Log));
        }

        private protected override Task<ApiKeyBalance> RunAsync(KeyInspection key, ServiceEndpoint endpoint, CancellationToken token) =>
            _checker!.CheckAsync(key, endpoint, token);

        private protected override ErrorRecord Fault(KeyInspection key, string redactedMessage) => BalanceErrors.CheckFailed(key, redactedMessage);

        private protected override void WriteResult(ApiKeyBalance result)
        {
            // -Quiet asks "is every key fine": a key refused or unreadable is not above the threshold.
            if (result.IsLow || (HasMinimum && result.Remaining is null && !result.Unlimited))
            {
                _allAbove = false;
            }

            if (result.IsLow && !Quiet.IsPresent)
            {
                WriteRedactedError(BalanceErrors.LowBalance(result, (decimal)MinimumRemaining));
            }

            if (!Quiet.IsPresent)
            {
                WriteObject(result);
            }
        }

        private protected override void WriteFailure(ErrorRecord error)
        {
            _allAbove = false;
            WriteRedactedError(error);
        }

        private protected override void Finish()
        {
            if (Quiet.IsPresent)
            {
                WriteObject(_allAbove);
            }
        }
    }
}
