using System;
using System.Management.Automation;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.PowerShell.Errors
{
    /// <summary>
    /// Masks an invocation's secrets in an ErrorRecord: its message, a string target and its details, the
    /// last pass before an error reaches $Error, transcripts and logs (issue 16). A record that needed no
    /// masking is kept as it is.
    /// </summary>
    internal static class ErrorRedaction
    {
        public static ErrorRecord Redacted(ErrorRecord record, SecretRedactor redactor)
        {
            if (record is null || redactor is null)
            {
                throw new ArgumentNullException(record is null ? nameof(record) : nameof(redactor));
            }

            var message = redactor.Redact(record.Exception.Message);
            var target = record.TargetObject is string text ? redactor.Redact(text) : record.TargetObject;
            var details = record.ErrorDetails is null ? null : redactor.Redact(record.ErrorDetails.Message);
            var advice = record.ErrorDetails?.RecommendedAction is null ? null : redactor.Redact(record.ErrorDetails.RecommendedAction);
            if (message == record.Exception.Message && Equals(target, record.TargetObject) &&
                details == record.ErrorDetails?.Message && advice == record.ErrorDetails?.RecommendedAction)
            {
                return record;
            }

            // A new exception of the same kind without the inner one, whose message may hold the secret too.
            Exception exception = record.Exception switch
            {
                ArgumentException => new ArgumentException(message),
                NotSupportedException => new NotSupportedException(message),
                TimeoutException => new TimeoutException(message),
                _ => new InvalidOperationException(message),
            };
            var id = record.FullyQualifiedErrorId;
            var redacted = new ErrorRecord(exception, id, record.CategoryInfo.Category, target);
            if (record.ErrorDetails is not null)
            {
                redacted.ErrorDetails = new ErrorDetails(details ?? string.Empty) { RecommendedAction = advice };
            }

            return redacted;
        }
    }
}
