using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Activation;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.PowerShell.Progress
{
    /// <summary>
    /// A key Wait-KeyActivation is waiting on, and its progress bar: elapsed time against the
    /// timeout, probes sent, the last verdict and when the next probe goes out.
    /// </summary>
    internal sealed class WaitingKey
    {
        public WaitingKey(KeyInspection key, Task<KeyActivationResult> task, ActivationProgress progress, int progressId)
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

        private string Activity => $"Waiting for key {Key.Masked} to work";

        /// <summary>The bar as it stands at <paramref name="now"/>; <paramref name="parentId"/> -1 when it has no parent.</summary>
        public ProgressRecord Current(DateTimeOffset now, int parentId)
        {
            var state = Progress.Current;
            var elapsed = now - state.StartedAt;
            var total = state.Deadline - state.StartedAt;
            var last = state.LastVerdict is null
                ? "no answer yet"
                : $"last: {state.LastVerdict}{(state.LastReason == VerdictReason.None ? string.Empty : $" ({state.LastReason})")}";
            return new ProgressRecord(
                ProgressId,
                Activity,
                string.Format(CultureInfo.InvariantCulture, "{0:hh\\:mm\\:ss} elapsed, {1} probes, {2}", elapsed, state.Probes, last))
            {
                ParentActivityId = parentId,
                PercentComplete = Clamp((int)(100 * elapsed.TotalSeconds / Math.Max(total.TotalSeconds, 1))),
                SecondsRemaining = Math.Max(0, (int)(state.Deadline - now).TotalSeconds),
                CurrentOperation = state.IsProbing
                    ? "probing now"
                    : state.NextProbeAt is DateTimeOffset next
                        ? string.Format(CultureInfo.InvariantCulture, "next probe at {0:HH:mm:ss} (in {1:0} s)", next.ToLocalTime(), Math.Max(0, (next - now).TotalSeconds))
                        : "no further probe fits before the timeout",
            };
        }

        /// <summary>The bar's end, once the key is settled.</summary>
        public ProgressRecord Completed(int parentId) =>
            new ProgressRecord(ProgressId, Activity, "Done") { ParentActivityId = parentId, RecordType = ProgressRecordType.Completed };

        private static int Clamp(int percent) => percent < 0 ? 0 : percent > 100 ? 100 : percent;
    }
}
