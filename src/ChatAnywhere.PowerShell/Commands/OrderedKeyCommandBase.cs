using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Concurrency;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.PowerShell.Errors;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// A command that runs one engine call per piped key, -ThrottleLimit at a time, and writes the
    /// results in input order from the pipeline thread; a fault on one key is an ErrorRecord in its
    /// place and the other keys go on.
    /// </summary>
    /// <typeparam name="TResult">What the engine returns per key.</typeparam>
    public abstract class OrderedKeyCommandBase<TResult> : KeyCommandBase
        where TResult : class
    {
        // Show progress once this many keys are in play; fewer finish before a bar would help.
        private const int ProgressThreshold = 5;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan DrainSlice = TimeSpan.FromMilliseconds(100);

        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private OrderedWorkQueue<ResultOrError<TResult>>? _queue;
        private int _received;
        private int _written;
        private bool _progressShown;

        /// <summary>Keys checked at once.</summary>
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

        /// <summary>The command's name for progress records.</summary>
        private protected abstract string Activity { get; }

        /// <summary>Completes "No key to ...".</summary>
        private protected abstract string Purpose { get; }

        /// <summary>Begins the progress line: "Tested" 3 of 9 keys.</summary>
        private protected abstract string DoneVerb { get; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            ValidateConnectionParameters();
            ValidateBoundBaseUri();
            Start();
            _queue = Own(new OrderedWorkQueue<ResultOrError<TResult>>(ThrottleLimit));
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var key = ReadKey(Purpose, out var endpoint, out var error);
            _received++;
            if (key is null)
            {
                _queue!.Enqueue(_ => Task.FromResult(ResultOrError<TResult>.Failed(error!)), StopToken);
            }
            else
            {
                _queue!.Enqueue(token => RunSafelyAsync(key, endpoint!, token), StopToken);
            }

            Drain(untilEmpty: false);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Drain(untilEmpty: true);
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            Finish();
        }

        /// <summary>Makes the engine object (after the connection parameters were checked).</summary>
        private protected abstract void Start();

        /// <summary>The engine call for one key; runs off the pipeline thread.</summary>
        private protected abstract Task<TResult> RunAsync(KeyInspection key, ServiceEndpoint endpoint, CancellationToken token);

        /// <summary>The ErrorRecord for a fault of the module on one key (message redacted).</summary>
        private protected abstract ErrorRecord Fault(KeyInspection key, string redactedMessage);

        /// <summary>Writes one key's result, on the pipeline thread.</summary>
        private protected abstract void WriteResult(TResult result);

        /// <summary>Writes the ErrorRecord that stands in place of one key's result, on the pipeline thread.</summary>
        private protected virtual void WriteFailure(ErrorRecord error) => WriteRedactedError(error);

        /// <summary>Runs once every result is written.</summary>
        private protected virtual void Finish()
        {
        }

        private async Task<ResultOrError<TResult>> RunSafelyAsync(KeyInspection key, ServiceEndpoint endpoint, CancellationToken token)
        {
            try
            {
                return ResultOrError<TResult>.Succeeded(await RunAsync(key, endpoint, token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                // A fault of the module on one key: report it and let the other keys go on.
                return ResultOrError<TResult>.Failed(Fault(key, Redactor.Redact(key.Redact(exception.Message))));
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
                _written++;
                if (done!.IsCanceled)
                {
                    throw new PipelineStoppedException();
                }

                var outcome = done.GetAwaiter().GetResult();
                if (outcome.Error is not null)
                {
                    WriteFailure(outcome.Error);
                }
                else
                {
                    WriteResult(outcome.Result!);
                }
            }

            ReportProgress(queue.Count);
            var head = queue.Head;
            return head is null || (!untilEmpty && queue.Count < ThrottleLimit * 4) ? Array.Empty<Task>() : new Task[] { head };
        }

        private void ReportProgress(int inFlight)
        {
            if (_received < ProgressThreshold || _sinceProgress.Elapsed < ProgressInterval)
            {
                return;
            }

            _sinceProgress.Restart();
            _progressShown = true;
            WriteProgress(new ProgressRecord(1, Activity, $"{DoneVerb} {_written} of {_received} keys; {inFlight} waiting or in flight")
            {
                PercentComplete = _received == 0 ? 0 : (int)(100L * _written / _received),
            });
        }
    }
}
