using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Activation;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Wait-KeyActivation: waits until a new key works, probing with backoff within a time and
    /// probe budget, and stops at once when an answer says waiting cannot help. Keys from the
    /// pipeline are waited on concurrently; each result comes out as soon as its key is settled.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "KeyActivation")]
    [OutputType(typeof(KeyActivationResult))]
    public sealed class WaitKeyActivationCommand : KeyCommandBase
    {
        private const int ParentProgressId = 1;

        // One probe is one GET (and one chat completion with -Model); never longer than this.
        private static readonly TimeSpan LongestProbe = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan DrainSlice = TimeSpan.FromMilliseconds(200);

        private readonly List<Waiting> _waiting = new List<Waiting>();
        private readonly Stopwatch _sinceProgress = new Stopwatch();
        private HttpClient? _client;
        private KeyActivationWaiter? _waiter;
        private int _received;
        private int _activated;
        private int _settled;

        /// <summary>Seconds to wait in all, per key; no probe starts after it.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>Seconds between the first probes; doubles after each probe.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int InitialIntervalSec { get; set; } = 5;

        /// <summary>The longest pause between probes, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int MaxIntervalSec { get; set; } = 60;

        /// <summary>The most probes per key; by default only -TimeoutSec limits them.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int MaxProbes { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            ValidateConnectionParameters();
            if (InitialIntervalSec > MaxIntervalSec)
            {
                ThrowArgumentError(
                    "IntervalsOutOfOrder",
                    $"-InitialIntervalSec ({InitialIntervalSec}) cannot be longer than -MaxIntervalSec ({MaxIntervalSec}).",
                    InitialIntervalSec);
            }

            ValidateBoundBaseUri();
            CreateLog();
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            _client = ProbeHttpClientFactory.Create(CreateHttpSettings(maxConnectionsPerServer: 16));
            var prober = new KeyProber(
                _client,
                new ProbeOptions { AttemptTimeout = timeout < LongestProbe ? timeout : LongestProbe, MaxRetries = 0, Model = Model },
                Redactor,
                Log);
            _waiter = new KeyActivationWaiter(
                prober,
                new ActivationOptions
                {
                    Timeout = timeout,
                    InitialInterval = TimeSpan.FromSeconds(InitialIntervalSec),
                    MaxInterval = TimeSpan.FromSeconds(MaxIntervalSec),
                    MaxProbes = MyInvocation.BoundParameters.ContainsKey(nameof(MaxProbes)) ? MaxProbes : (int?)null,
                },
                Log);
            _sinceProgress.Start();
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var key = ReadKey("wait for", out var endpoint, out var error);
            if (key is null)
            {
                WriteError(error!);
                return;
            }

            _received++;
            var progress = _waiter!.Start(key);
            var task = _waiter.WaitAsync(key, endpoint!, progress, StopToken);
            _waiting.Add(new Waiting(key, task, progress, ParentProgressId + _received));
            Drain(untilDone: false);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Drain(untilDone: true);
            if (_received > 1)
            {
                WriteProgress(new ProgressRecord(ParentProgressId, "Wait-KeyActivation", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <inheritdoc />
        protected override void DisposeResources() => _client?.Dispose();

        /// <summary>Writes settled keys as they settle; with <paramref name="untilDone"/>, until every key is.</summary>
        private void Drain(bool untilDone)
        {
            while (true)
            {
                FlushLog();
                for (var i = 0; i < _waiting.Count; i++)
                {
                    if (_waiting[i].Task.IsCompleted)
                    {
                        var done = _waiting[i];
                        _waiting.RemoveAt(i--);
                        Write(done);
                    }
                }

                ShowProgress();
                if (!untilDone || _waiting.Count == 0)
                {
                    FlushLog();
                    return;
                }

                var tasks = new Task[_waiting.Count];
                for (var i = 0; i < tasks.Length; i++)
                {
                    tasks[i] = _waiting[i].Task;
                }

                // Wakes when a key settles, or after a slice to refresh progress and notice Ctrl+C.
                Task.WaitAny(tasks, DrainSlice);
                if (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        private void Write(Waiting done)
        {
            WriteProgress(new ProgressRecord(done.ProgressId, Activity(done), "Done")
            {
                ParentActivityId = _received > 1 ? ParentProgressId : -1,
                RecordType = ProgressRecordType.Completed,
            });
            _settled++;
            if (done.Task.IsCanceled)
            {
                throw new PipelineStoppedException();
            }

            if (done.Task.IsFaulted)
            {
                // A fault of the module on one key: report it and let the other keys go on.
                var message = done.Task.Exception?.GetBaseException().Message ?? "unknown error";
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"Waiting for key {done.Key.Masked} failed: {Redactor.Redact(done.Key.Redact(message))}"),
                    "KeyActivationFailed",
                    ErrorCategory.NotSpecified,
                    done.Key.Masked));
                return;
            }

            var result = done.Task.Result;
            WriteObject(result);
            if (result.Activated)
            {
                _activated++;
                return;
            }

            WriteError(ActivationError(result));
        }

        private static ErrorRecord ActivationError(KeyActivationResult result)
        {
            var message = $"Key {result.Key}: {result.Detail}";
            string id;
            ErrorCategory category;
            Exception exception;
            switch (result.Outcome)
            {
                case ActivationOutcome.TimedOut:
                    id = "KeyActivationTimeout";
                    category = ErrorCategory.OperationTimeout;
                    exception = new TimeoutException(message);
                    break;
                case ActivationOutcome.ProbeBudgetSpent:
                    id = "KeyActivationTimeout.ProbeBudgetSpent";
                    category = ErrorCategory.LimitsExceeded;
                    exception = new TimeoutException(message);
                    break;
                default:
                    id = "KeyCannotActivate." + result.Verdict;
                    category = CategoryOf(result.Verdict);
                    exception = new InvalidOperationException(message);
                    break;
            }

            // The error shows the last probe's diagnosis under the reason, and its advice as the
            // recommended action, so an admin reading only the error knows what to do.
            var record = new ErrorRecord(exception, id, category, result.Key);
            var last = result.LastResult;
            if (last is not null && (last.Diagnosis.Count > 0 || last.Recommendation.Count > 0))
            {
                var details = last.Diagnosis.Count == 0 ? message : message + Environment.NewLine + last.Diagnosis;
                record.ErrorDetails = new ErrorDetails(details) { RecommendedAction = last.Recommendation.ToString() };
            }

            return record;
        }

        private static ErrorCategory CategoryOf(KeyVerdict verdict)
        {
            switch (verdict)
            {
                case KeyVerdict.MalformedKey:
                    return ErrorCategory.InvalidData;
                case KeyVerdict.WrongEndpoint:
                    return ErrorCategory.InvalidArgument;
                case KeyVerdict.QuotaExhausted:
                    return ErrorCategory.QuotaExceeded;
                case KeyVerdict.RateLimited:
                    return ErrorCategory.LimitsExceeded;
                case KeyVerdict.ModelNotAllowed:
                case KeyVerdict.Restricted:
                    return ErrorCategory.PermissionDenied;
                case KeyVerdict.BlockedByWaf:
                    return ErrorCategory.SecurityError;
                case KeyVerdict.MalformedRequest:
                    return ErrorCategory.ProtocolError;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }

        private void ShowProgress()
        {
            if (_sinceProgress.Elapsed < ProgressInterval)
            {
                return;
            }

            _sinceProgress.Restart();
            var several = _received > 1;
            if (several)
            {
                WriteProgress(new ProgressRecord(
                    ParentProgressId,
                    "Wait-KeyActivation",
                    string.Format(CultureInfo.InvariantCulture, "{0} of {1} keys work; {2} still waiting", _activated, _received, _received - _settled))
                {
                    PercentComplete = (int)(100L * _settled / _received),
                });
            }

            var now = DateTimeOffset.UtcNow;
            foreach (var waiting in _waiting)
            {
                var state = waiting.Progress.Current;
                var elapsed = now - state.StartedAt;
                var total = state.Deadline - state.StartedAt;
                var last = state.LastVerdict is null
                    ? "no answer yet"
                    : $"last: {state.LastVerdict}{(state.LastReason == VerdictReason.None ? string.Empty : $" ({state.LastReason})")}";
                var record = new ProgressRecord(
                    waiting.ProgressId,
                    Activity(waiting),
                    string.Format(CultureInfo.InvariantCulture, "{0:hh\\:mm\\:ss} elapsed, {1} probes, {2}", elapsed, state.Probes, last))
                {
                    ParentActivityId = several ? ParentProgressId : -1,
                    PercentComplete = Clamp((int)(100 * elapsed.TotalSeconds / Math.Max(total.TotalSeconds, 1))),
                    SecondsRemaining = Math.Max(0, (int)(state.Deadline - now).TotalSeconds),
                    CurrentOperation = state.IsProbing
                        ? "probing now"
                        : state.NextProbeAt is DateTimeOffset next
                            ? string.Format(CultureInfo.InvariantCulture, "next probe at {0:HH:mm:ss} (in {1:0} s)", next.ToLocalTime(), Math.Max(0, (next - now).TotalSeconds))
                            : "no further probe fits before the timeout",
                };
                WriteProgress(record);
            }
        }

        private static string Activity(Waiting waiting) => $"Waiting for key {waiting.Key.Masked} to work";

        private static int Clamp(int percent) => percent < 0 ? 0 : percent > 100 ? 100 : percent;

        private sealed class Waiting
        {
            public Waiting(KeyInspection key, Task<KeyActivationResult> task, ActivationProgress progress, int progressId)
            {
                Key = key;
                Task = task;
                Progress = progress;
                ProgressId = progressId;
            }

            public KeyInspection Key { get; }

            public Task<KeyActivationResult> Task { get; }

            public ActivationProgress Progress { get; }

            public int ProgressId { get; }
        }
    }
}
