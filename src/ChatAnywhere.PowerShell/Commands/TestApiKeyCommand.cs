using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Balance;
using ChatAnywhere.Engine.Concurrency;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.PowerShell.Errors;
using ProbeOutcome = ChatAnywhere.PowerShell.Errors.ResultOrError<ChatAnywhere.ApiKeyTestResult>;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Test-ApiKey: says why a key fails and what to do. Keys are probed concurrently and come out
    /// in input order; a failing key is a result, not an error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ApiKey", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(ApiKeyTestResult), ParameterSetName = new[] { DefaultSet })]
    [OutputType(typeof(bool), ParameterSetName = new[] { QuietSet })]
    public sealed class TestApiKeyCommand : KeyCommandBase
    {
        private const string DefaultSet = "Default";
        private const string QuietSet = "Quiet";

        // Show progress once this many keys are in play; fewer finish before a bar would help.
        private const int ProgressThreshold = 5;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan DrainSlice = TimeSpan.FromMilliseconds(100);

        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private KeyProber? _prober;
        private BalanceChecker? _balance;
        private OrderedWorkQueue<ProbeOutcome>? _queue;
        private int _received;
        private int _written;
        private bool _progressShown;

        /// <summary>Keys probed at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Seconds one HTTP attempt may take.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int TimeoutSec { get; set; } = 10;

        /// <summary>Retries of transient failures per request.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 2;

        /// <summary>On a Valid or QuotaExhausted key, also reads what is left (Get-ApiKeyBalance's routes; spends nothing).</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter IncludeBalance { get; set; }

        /// <summary>Outputs only $true (Valid) or $false per key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            ValidateConnectionParameters();
            ValidateBoundBaseUri();

            var options = new ProbeOptions { AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec), MaxRetries = MaxRetries, Model = Model };
            _prober = Own(KeyProber.Create(CreateHttpSettings(ThrottleLimit), options, Redactor, Log));
            if (IncludeBalance.IsPresent)
            {
                var balanceOptions = new BalanceOptions { AttemptTimeout = options.AttemptTimeout, MaxRetries = MaxRetries };
                _balance = Own(BalanceChecker.Create(CreateHttpSettings(ThrottleLimit), balanceOptions, Redactor, Log));
            }
            _queue = Own(new OrderedWorkQueue<ProbeOutcome>(ThrottleLimit));
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var key = ReadKey("test", out var endpoint, out var error);
            _received++;
            if (key is null)
            {
                Enqueue(_ => Task.FromResult(ProbeOutcome.Failed(error!)));
            }
            else
            {
                Enqueue(token => ProbeAsync(key, endpoint!, token));
            }

            Drain(untilEmpty: false);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Drain(untilEmpty: true);
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(1, "Test-ApiKey", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private void Enqueue(Func<CancellationToken, Task<ProbeOutcome>> work) => _queue!.Enqueue(work, StopToken);

        private async Task<ProbeOutcome> ProbeAsync(KeyInspection key, ServiceEndpoint endpoint, CancellationToken token)
        {
            try
            {
                var result = await _prober!.TestAsync(key, endpoint, token).ConfigureAwait(false);
                if (_balance is not null && TestResultBalance.Applies(result))
                {
                    TestResultBalance.Attach(result, await _balance.CheckAsync(key, endpoint, token).ConfigureAwait(false));
                }

                return ProbeOutcome.Succeeded(result);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                // A fault of the module on one key: report it and let the other keys go on.
                return ProbeOutcome.Failed(KeyFaultErrors.TestFailed(key, Redactor.Redact(key.Redact(exception.Message))));
            }
        }

        /// <summary>
        /// Writes finished results in input order. While more than a window of keys is queued it
        /// waits for the oldest, so memory stays flat however many keys are piped in.
        /// </summary>
        private void Drain(bool untilEmpty) => Pump(() => WriteCompleted(untilEmpty), DrainSlice);

        private Task[] WriteCompleted(bool untilEmpty)
        {
            var queue = _queue!;
            while (queue.TryTakeCompleted(out var done))
            {
                Write(done!);
            }

            ReportProgress(queue.Count);
            var head = queue.Head;
            return head is null || (!untilEmpty && queue.Count < ThrottleLimit * 4) ? Array.Empty<Task>() : new Task[] { head };
        }

        private void Write(Task<ProbeOutcome> done)
        {
            _written++;
            if (done.IsCanceled)
            {
                throw new PipelineStoppedException();
            }

            var outcome = done.GetAwaiter().GetResult();
            if (outcome.Error is not null)
            {
                WriteError(outcome.Error);
            }
            else if (Quiet.IsPresent)
            {
                WriteObject(outcome.Result!.IsValid);
            }
            else
            {
                WriteObject(outcome.Result);
            }
        }

        private void ReportProgress(int inFlight)
        {
            if (_received < ProgressThreshold || _sinceProgress.Elapsed < ProgressInterval)
            {
                return;
            }

            _sinceProgress.Restart();
            _progressShown = true;
            WriteProgress(new ProgressRecord(1, "Test-ApiKey", $"Tested {_written} of {_received} keys; {inFlight} waiting or in flight")
            {
                PercentComplete = _received == 0 ? 0 : (int)(100L * _written / _received),
            });
        }
    }
}
