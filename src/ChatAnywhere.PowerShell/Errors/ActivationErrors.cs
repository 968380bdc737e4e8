using System;
using System.Management.Automation;
using ChatAnywhere.Engine.Activation;

namespace ChatAnywhere.PowerShell.Errors
{
    /// <summary>The ErrorRecord Wait-KeyActivation writes for a key that did not come to work.</summary>
    internal static class ActivationErrors
    {
        public static ErrorRecord NotActivated(KeyActivationResult result)
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

        private static ErrorCategory CategoryOf(KeyVerdict verdict) => verdict switch
        {
            KeyVerdict.MalformedKey => ErrorCategory.InvalidData,
            KeyVerdict.WrongEndpoint => ErrorCategory.InvalidArgument,
            KeyVerdict.QuotaExhausted => ErrorCategory.QuotaExceeded,
            KeyVerdict.RateLimited => ErrorCategory.LimitsExceeded,
            KeyVerdict.ModelNotAllowed => ErrorCategory.PermissionDenied,
            KeyVerdict.Restricted => ErrorCategory.PermissionDenied,
            KeyVerdict.BlockedByWaf => ErrorCategory.SecurityError,
            KeyVerdict.MalformedRequest => ErrorCategory.ProtocolError,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
