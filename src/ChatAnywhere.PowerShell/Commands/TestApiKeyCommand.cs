using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Balance;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.PowerShell.Errors;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Test-ApiKey: says why a key fails and what to do. Keys are probed concurrently and come out
    /// in input order; a failing key is a result, not an error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ApiKey", DefaultParameterSetName = DefaultSet, HelpUri = "docs/cmdlets/Test-ApiKey.md")]
    [OutputType(typeof(ApiKeyTestResult), ParameterSetName = new[] { DefaultSet })]
    [OutputType(typeof(bool), ParameterSetName = new[] { QuietSet })]
    public sealed class TestApiKeyCommand : OrderedKeyCommandBase<ApiKeyTestResult>
    {
        private const string DefaultSet = "Default";
        private const string QuietSet = "Quiet";

        private KeyProber? _prober;
        private BalanceChecker? _balance;

        /// <summary>On a Valid or QuotaExhausted key, also reads what is left (Get-ApiKeyBalance's routes; spends nothing).</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter IncludeBalance { get; set; }

        /// <summary>Outputs only $true (Valid) or $false per key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
        public SwitchParameter Quiet { get; set; }

        private protected override string Activity => "Test-ApiKey";

        private protected override string Purpose => "test";

        private protected override string DoneVerb => "Tested";

        private protected override void Start()
        {
            var options = new ProbeOptions { AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec), MaxRetries = MaxRetries, Model = Model };
            _prober = Own(KeyProber.Create(CreateHttpSettings(ThrottleLimit), options, Redactor, Log));
            if (IncludeBalance.IsPresent)
            {
                var balanceOptions = new BalanceOptions { AttemptTimeout = options.AttemptTimeout, MaxRetries = MaxRetries };
                _balance = Own(BalanceChecker.Create(CreateHttpSettings(ThrottleLimit), balanceOptions, Redactor, Log));
            }
        }

        private protected override async Task<ApiKeyTestResult> RunAsync(KeyInspection key, ServiceEndpoint endpoint, CancellationToken token)
        {
            var result = await _prober!.TestAsync(key, endpoint, token).ConfigureAwait(false);
            if (_balance is not null && TestResultBalance.Applies(result))
            {
                TestResultBalance.Attach(result, await _balance.CheckAsync(key, endpoint, token).ConfigureAwait(false));
            }

            return result;
        }

        private protected override ErrorRecord Fault(KeyInspection key, string redactedMessage) => KeyFaultErrors.TestFailed(key, redactedMessage);

        private protected override void WriteResult(ApiKeyTestResult result)
        {
            if (Quiet.IsPresent)
            {
                WriteObject(result.IsValid);
            }
            else
            {
                WriteObject(result);
            }
        }
    }
}
