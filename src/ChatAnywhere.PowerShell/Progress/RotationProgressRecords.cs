using System.Management.Automation;
using ChatAnywhere.Engine.Rotation;

namespace ChatAnywhere.PowerShell.Progress
{
    /// <summary>Reset-ApiKey's progress bar: the step in words, and the verification's probes while they run.</summary>
    internal static class RotationProgressRecords
    {
        private const string Activity = "Reset-ApiKey";

        public static ProgressRecord Current(RotationProgress progress)
        {
            var record = new ProgressRecord(0, Activity, progress.Step)
            {
                PercentComplete = (progress.StepNumber - 1) * 100 / RotationProgress.StepCount,
            };
            if (progress.Verification?.Current is { } probing)
            {
                record.CurrentOperation = $"{probing.Probes} probe(s), last {(probing.LastVerdict?.ToString() ?? "none yet")}";
            }

            return record;
        }

        public static ProgressRecord Completed() => new ProgressRecord(0, Activity, "Done") { RecordType = ProgressRecordType.Completed };
    }
}
