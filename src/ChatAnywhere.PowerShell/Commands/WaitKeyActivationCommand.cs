using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Activation;
using ChatAnywhere.PowerShell.Errors;
using ChatAnywhere.PowerShell.Progress;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Wait-KeyActivation: waits until a new key works, probing with backoff within a time and
    /// probe budget, and stops at once when an answer says waiting cannot help. Keys from the
    /// pipeline are waited on concurrently; each result comes out as soon as its key is settled.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "KeyActivation", HelpUri = "docs/cmdlets/Wait-KeyActivation.md")]
    [OutputType(typeof(KeyActivationResult))]
    public sealed class WaitKeyActivationCommand : KeyCommandBase
    {
        private const int ParentProgressId = 1;

        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan DrainSlice = TimeSpan.FromMilliseconds(200);

        private readonly List<WaitingKey> _waiting = new List<WaitingKey>();
        private readonly Stopwatch _sinceProgress = new Stopwatch();
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
            var options = new ActivationOptions
            {
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                InitialInterval = TimeSpan.FromSeconds(InitialIntervalSec),
                MaxInterval = TimeSpan.FromSeconds(MaxIntervalSec),
                MaxProbes = MyInvocation.BoundParameters.ContainsKey(nameof(MaxProbes)) ? MaxProbes : (int?)null,
            };
            _waiter = Own(KeyActivationWaiter.Create(CreateHttpSettings(maxConnectionsPerServer: 16), options, Model, Redactor, Log));
            _sinceProgress.Start();
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var key = ReadKey("wait for", out var endpoint, out var error);
            if (key is null)
            {
                WriteRedactedError(error!);
                return;
            }

            _received++;
            var progress = _waiter!.Start(key);
            var task = _waiter.WaitAsync(key, endpoint!, progress, StopToken);
            _waiting.Add(new WaitingKey(key, task, progress, ParentProgressId + _received));
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

        /// <summary>Writes settled keys as they settle; with <paramref name="untilDone"/>, until every key is.</summary>
        private void Drain(bool untilDone) => Pump(() => WriteSettled(untilDone), DrainSlice);

        private Task[] WriteSettled(bool untilDone)
        {
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
            return !untilDone ? Array.Empty<Task>() : _waiting.ConvertAll(waiting => (Task)waiting.Task).ToArray();
        }

        private void Write(WaitingKey done)
        {
            WriteProgress(done.Completed(_received > 1 ? ParentProgressId : -1));
            _settled++;
            if (done.Task.IsCanceled)
            {
                throw new PipelineStoppedException();
            }

            if (done.Task.IsFaulted)
            {
                // A fault of the module on one key: report it and let the other keys go on.
                var message = done.Task.Exception?.GetBaseException().Message ?? "unknown error";
                WriteRedactedError(KeyFaultErrors.WaitFailed(done.Key, Redactor.Redact(done.Key.Redact(message))));
                return;
            }

            var result = done.Task.Result;
            WriteObject(result);
            if (result.Activated)
            {
                _activated++;
                return;
            }

            WriteRedactedError(ActivationErrors.NotActivated(result));
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
                WriteProgress(waiting.Current(now, several ? ParentProgressId : -1));
            }
        }
    }
}
